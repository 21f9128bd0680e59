"""The follow-up draft and the follow-up reminder email as plain functions of their facts.

The sweep sends thousands of reminders in one run, and rendering them with Django templates (five
templates an email, the date filter each time) cost about 1 ms an email, more than everything else.
These functions write exactly what the templates write: templates/tracking/drafts/followup-*.txt
and templates/emails/followup-* stay as the readable reference, and
tests/tracking/test_reminder_text.py renders both ways and requires the same text. Change both."""

from datetime import datetime
from functools import lru_cache

from django.utils import dateformat, timezone, translation
from django.utils.html import escape


@lru_cache(maxsize=4096)
def _day_text(day, form, language):
    return dateformat.format(day, form)


def day_formatter(form):
    """A function writing what `{{ value|date:form }}` writes, for a format of date parts only (j,
    l, F, M, Y), in the current time zone and language: each day's text is formatted once (the
    reminders of a batch share a few days)."""
    zone, language = timezone.get_current_timezone(), translation.get_language()

    def day_text(value):
        if value in (None, ""):
            return ""
        if isinstance(value, datetime):
            value = (timezone.localtime(value, zone) if timezone.is_aware(value) else value).date()
        return _day_text(value, form, language)

    return day_text


def draft_subject(fields):
    """tracking/drafts/followup-subject.txt, its whitespace collapsed."""
    lead = "Escalation: " if fields["escalate"] else "Following up: "
    text = f"{lead}{fields['control']} request for {fields['company']} ({fields['org_id']})"
    if fields["packet_number"]:
        text += f", packet v{fields['packet_number']}"
    return " ".join(text.split())


def draft_body(fields):
    """tracking/drafts/followup-body.txt, stripped, with one final newline."""
    name, control, company = fields["recipient_name"], fields["control"], fields["company"]
    if fields["escalate"]:
        ask = (f"I am escalating our request for {control} for {company}: we have followed up "
               f"{fields['attempt'] - 1} times without an answer and would be grateful for your help in "
               "getting it reviewed.")
    else:
        ask = f"I am following up on our request for {control} for {company}."
    lines = [f"Hello{' ' + str(name) if name else ''},", "", ask, "", f"- OpenAI organization ID: {fields['org_id']}"]
    if fields["submitted_at"]:
        days = fields["days_since_submission"]
        channel = f" ({fields['channel']})" if fields["channel"] else ""
        lines.append(f"- Submitted on {day_formatter('j F Y')(fields['submitted_at'])}{channel}, "
                     f"{days} day{'' if days == 1 else 's'} ago")
    if fields["packet_number"]:
        lines.append(f"- Justification packet: version {fields['packet_number']}, "
                     f"SHA-256 {fields['packet_sha256'] or '(not rendered)'}")
    day_text = day_formatter("j M Y")
    if fields["previous_contacts"]:
        lines.append(f"- Our earlier messages: {', '.join(map(day_text, fields['previous_contacts']))}")
    if fields["last_reply"]:
        lines.append(f"- Your last reply: {day_text(fields['last_reply'])}")
    lines += ["", "Could you tell us where the request stands, and whether you need anything else from us? We "
              "are happy to answer questions on a short call.", "", "Thank you,",
              fields["sender"].get_full_name(), str(company)]
    return "\n".join(lines).strip() + "\n"


def email_subject(follow_up, zdr_request):
    """emails/followup-subject.txt, stripped."""
    if follow_up.kind == "drift":
        text = f"Drift on “{zdr_request.title}”: check the approval"
    elif follow_up.escalate:
        text = f"Escalation due for “{zdr_request.title}”"
    else:
        text = f"Follow-up #{follow_up.attempt} due for “{zdr_request.title}”"
    return text.strip()


def email_text(follow_up, zdr_request, tracking_url, draft=None):
    """emails/followup-body-text.txt."""
    title, organization = zdr_request.title, zdr_request.organization
    if follow_up.kind == "drift":
        middle = (f"ZDR Portal found drift on “{title}” ({organization}):\n\n{follow_up.reason}\n\n"
                  f"Open the request to see the alert and decide what to do:\n{tracking_url}\n")
    else:
        middle = (f"OpenAI has not answered “{title}” ({organization}). Follow-up #{follow_up.attempt}"
                  f"{', an escalation,' if follow_up.escalate else ''} is due since "
                  f"{day_formatter('l j F')(follow_up.due_at)}.\n\n"
                  f"A draft, ready to copy{f' (to {draft.to})' if draft.to else ''}:\n\n"
                  f"Subject: {draft.subject}\n\n{draft.body}\n"
                  f"Once you have sent it, mark it as sent on the request so the next follow-up is planned:\n"
                  f"{tracking_url}\n")
    return f"Hello {zdr_request.owner.get_full_name()},\n\n{middle}\n-- \nZDR Portal\n\n"


def email_html(follow_up, zdr_request, tracking_url, draft=None):
    """emails/followup-body-html.html (every value escaped, as the template's autoescaping does)."""
    title, organization, url = escape(zdr_request.title), escape(zdr_request.organization), escape(tracking_url)
    if follow_up.kind == "drift":
        middle = (f"<p>ZDR Portal found drift on <strong>{title}</strong> ({organization}):</p>\n"
                  f"<p>{escape(follow_up.reason)}</p>\n"
                  f'<p><a href="{url}">Open the request</a> to see the alert and decide what to do.</p>\n')
    else:
        middle = (f"<p>OpenAI has not answered <strong>{title}</strong> ({organization}). Follow-up "
                  f"#{escape(follow_up.attempt)}{', an escalation,' if follow_up.escalate else ''} is due since "
                  f"{escape(day_formatter('l j F')(follow_up.due_at))}.</p>\n"
                  f"<p>A draft, ready to copy{f' (to {escape(draft.to)})' if draft.to else ''}:</p>\n"
                  f"<p><strong>Subject:</strong> {escape(draft.subject)}</p>\n"
                  f"<pre>{escape(draft.body)}</pre>\n"
                  f'<p>Once you have sent it, <a href="{url}">mark it as sent on the request</a> so the next '
                  "follow-up is planned.</p>\n")
    return f"<p>Hello {escape(zdr_request.owner.get_full_name())},</p>\n\n{middle}\n<p>ZDR Portal</p>\n"
