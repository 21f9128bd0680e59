"""What the team sends OpenAI besides the PDF: the sales contact-form text and an email draft.

Both are pure functions of a frozen snapshot, so they are the same every time a version is opened.
"""

import re
from email.utils import formataddr

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.text import slugify

from .claims import as_of, sentence
from .presentation import packet_context

ELLIPSIS = "…"
MIN_CLIP = 60  # a free-text answer is never clipped below this many characters before parts are dropped


def contact_form_text(snapshot, limit):
    """Plain text for OpenAI's sales contact form, at most `limit` characters.

    Parts come in order of importance. When the whole is too long, the longest free-text answers
    are clipped at a word boundary first; then the least important parts are dropped; a hard cut
    is the last resort, so the result always fits."""
    parts = _form_parts(packet_context(snapshot))
    text = _join(parts)
    while len(text) > limit:
        clippable = [p for p in parts if p["clip"] and len(p["text"]) > MIN_CLIP]
        if clippable:
            longest = max(clippable, key=lambda p: len(p["text"]))
            longest["text"] = _clip(longest["text"], max(MIN_CLIP, len(longest["text"]) - (len(text) - limit)))
        elif any(p["optional"] for p in parts):
            parts.remove(max((p for p in parts if p["optional"]), key=lambda p: p["optional"]))
        else:
            return _clip(text, limit)
        text = _join(parts)
    return text


def _form_parts(c):
    r, s, counts, primary = c["r"], c["s"], c["counts"], c["primary"]
    entity = r["legal_entity"] or s["organization"]
    scope, volume = c["scope"], c["volume"]
    projects = {"projects": f", for the projects {', '.join(scope['projects'])}",
                "organization": ", for the whole organization"}.get(scope["kind"], "")
    endpoints = "; ".join([
        *(f"{e['path']} ({e['volume']:,} requests/month)" if e["volume"] else e["path"] for e in c["endpoints"]),
        *(f"{u['what'].replace('`', '')} in {u['project_id'] or 'the organization'} (in use, not declared)"
          for u in c["undeclared"]),
    ]) or "none documented yet"
    blockers = ", ".join(filter(None, [
        f"{counts['open_blockers']} open blocker(s)" if counts["open_blockers"] else "",
        f"{counts['acknowledged']} not eligible but used anyway, with our justification"
        if counts["acknowledged"] else "",
    ])) or "no blocker"
    safeguards = "; ".join(x for x in (c["d"]["minimization"], r["encryption_at_rest"], c["d"]["certifications"]) if x)
    contact = f"{primary['name']}, {primary['email']}" if primary else entity
    return [
        _part(None, f"{entity} requests {s['control_name']} for OpenAI organization "
                    f"{r['openai_org_id'] or '(ID to follow)'}{projects}."),
        _part("Use case", r["product_description"], clip=True),
        _part("Why the data is sensitive", r["sensitivity_reason"], clip=True, optional=3),
        _part("Drivers", c["d"]["drivers"], optional=2),
        _part("Why retention is a problem", r["retention_problem"], clip=True, optional=5),
        _part("Endpoints", f"{endpoints}. Checked against OpenAI's data controls page as of "
                           f"{as_of(s['catalog'])}: {counts['eligible'] + counts['limited']} of "
                           f"{counts['endpoints']} eligible, {blockers}."),
        _part("Safeguards", safeguards, clip=True, optional=4),
        _part("Volume", _volume(volume), clip=True, optional=1),
        _part("Contact", f"{sentence(contact)} Our justification packet (PDF) is ready to send."),
    ]


def _volume(volume):
    figures = [f"{volume[k]:,} {k}" for k in ("requests", "tokens") if volume[k]]
    text = f"about {' and '.join(figures)} a month" if figures else ""
    return ". ".join(x for x in (text, volume["notes"]) if x)


def _part(label, value, *, clip=False, optional=0):
    value = " ".join(str(value or "").split())
    text = (f"{label}: {value}" if label else value) if value else ""
    return {"text": text, "clip": clip, "optional": optional}


def _join(parts):
    return "\n\n".join(p["text"] for p in parts if p["text"])


def _clip(text, length):
    if len(text) <= length:
        return text
    cut = text[: max(length - len(ELLIPSIS), 0)]
    if " " in cut[length // 2:]:
        cut = cut[: cut.rindex(" ")]
    return re.sub(r"[\s,;:.]+$", "", cut) + ELLIPSIS


def email_draft(snapshot):
    """Subject, body and addresses of the email to OpenAI's sales contact."""
    context = packet_context(snapshot)
    contacts = context["contacts"]
    to = [c["email"] for c in contacts if c["role"] == "account_manager" and c["email"]]
    primary = context["primary"]
    return {
        "subject": " ".join(render_to_string("packets/email/packet-subject.txt", context).split()),
        "body": render_to_string("packets/email/packet-body-text.txt", context).strip() + "\n",
        "to": to,
        "from_email": mailbox(primary["name"], primary["email"]) if primary and primary["email"] else "",
        "filename": attachment_name(snapshot),
    }


def mailbox(name, address):
    """One address header value: the name quoted as needed, so "Boss <ceo@bank.example>, Eve" stays one
    display name, and on one line (a name stored with a line break before names were checked)."""
    return formataddr((" ".join(name.split()), address))


def attachment_name(snapshot):
    title = slugify(snapshot["request"]["title"])[:60] or "zdr-request"
    return f"{title}-packet-v{snapshot['meta']['number']}.pdf"


def email_message(snapshot, pdf_bytes):
    """The draft as an .eml: opened in a mail client, it is a new message with the PDF attached."""
    draft = email_draft(snapshot)
    message = EmailMessage(subject=draft["subject"], body=draft["body"], from_email=draft["from_email"] or None,
                           to=draft["to"], headers={"X-Unsent": "1"})
    message.attach(draft["filename"], pdf_bytes, "application/pdf")
    return message.message().as_bytes()
