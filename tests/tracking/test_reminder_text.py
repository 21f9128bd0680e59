"""The sweep writes follow-up drafts and reminder emails with plain functions (apps/tracking/
reminder_text.py) instead of rendering templates for each email: they must write exactly what the
templates write, for every branch of the templates."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.mail import BadHeaderError, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from apps.tracking.drafts import Draft, follow_up_draft, merge_fields
from apps.tracking.emails import ReminderEmail, reminder_message
from apps.tracking.models import ContactEntry, FollowUp
from apps.tracking.reminder_text import draft_body, draft_subject


def template_draft(fields):
    return Draft(to="", subject=" ".join(render_to_string("tracking/drafts/followup-subject.txt", fields).split()),
                 body=render_to_string("tracking/drafts/followup-body.txt", fields).strip() + "\n")


def template_email(follow_up, draft):
    zdr_request = follow_up.request
    context = {"follow_up": follow_up, "zdr_request": zdr_request, "draft": draft,
               "tracking_url": settings.SITE_URL + reverse("tracking:detail", kwargs={"request_id": zdr_request.pk})}
    return (render_to_string("emails/followup-subject.txt", context).strip(),
            render_to_string("emails/followup-body-text.txt", context),
            render_to_string("emails/followup-body-html.html", context))


def sent_email(follow_up):
    message = reminder_message(follow_up)
    [(html, kind)] = message.alternatives
    assert kind == "text/html"
    return message.subject, message.body, html


VARIANTS = {
    "as planned": {},
    "an escalation to nobody in particular": {"escalate": True, "attempt": 4, "recipient_name": ""},
    "a day after submission, no packet": {"days_since_submission": 1, "packet_number": None, "channel": ""},
    "never submitted, no contact": {"submitted_at": None, "previous_contacts": [], "last_reply": None},
    "a packet not rendered yet": {"packet_sha256": ""},
    "characters HTML escapes": {"company": "Tom & Jerry's <Clinic>", "control": "ZDR \"strict\""},
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_draft_is_what_its_templates_write(submitted, alice, variant):
    now = timezone.now()
    for days in (3, 40):  # earlier messages and a reply, on different days
        for direction in ("out", "in"):
            ContactEntry.objects.create(request=submitted, occurred_at=now - timedelta(days=days), direction=direction,
                                        channel="email", counterpart_name="Sam Sales",
                                        counterpart_email="sam@openai.com", summary="Asked.", created_by=alice)
    follow_up = FollowUp.objects.get(request=submitted)
    fields = {**merge_fields(submitted, submitted.tracking, follow_up), **VARIANTS[variant]}
    for zone in ("UTC", "Pacific/Kiritimati"):  # dates are the local day (UTC+14: usually another day)
        with timezone.override(zone):
            expected = template_draft(fields)
            assert (draft_subject(fields), draft_body(fields)) == (expected.subject, expected.body)
    if fields["previous_contacts"]:  # the dates, a day's text formatted once, are among them
        assert "Our earlier messages: " in expected.body and "Your last reply: " in expected.body


@pytest.mark.parametrize("change", [
    {},
    {"escalate": True, "attempt": 3},
    {"kind": FollowUp.Kind.DRIFT, "reason": "The check says <ZDR> is off & MAM is on."},
])
@pytest.mark.parametrize("title", ["Clinic assistant", "Tom & Jerry's \"<b>bold</b>\" assistant"])
def test_the_reminder_email_is_what_its_templates_write(submitted, change, title):
    submitted.title = title
    submitted.save()
    follow_up = FollowUp.objects.get(request=submitted)
    for name, value in change.items():
        setattr(follow_up, name, value)
    follow_up.save()
    follow_up = FollowUp.objects.select_related("request__owner", "request__organization",
                                                "request__tracking__packet_version").get(pk=follow_up.pk)
    subject, text, html = sent_email(follow_up)
    draft = None
    if follow_up.kind == FollowUp.Kind.FOLLOW_UP:
        draft = follow_up_draft(follow_up.request, follow_up.request.tracking, follow_up)
    assert (subject, text, html) == template_email(follow_up, draft)
    assert title in subject


@pytest.mark.parametrize("subject", [
    "Follow-up #2 due for “Clinic assistant”",  # the usual reminder: one encoded word
    "Follow-up #2 due for “" + "x" * 25 + "”",  # the longest subject that fits in one word
    "Follow-up #2 due for “" + "x" * 26 + "”",  # and one more character: folded into two
    "Escalation due for “Ünïcödé 🙂 assistant with a title long enough to be folded over lines”",
    "Plain ASCII subject, long enough to need folding over two lines of at most 78 characters",
])
def test_the_reminder_subject_header_is_what_django_writes(subject):
    fast, django_way = ReminderEmail(subject, "Body", to=["a@example.com"]), EmailMultiAlternatives(
        subject, "Body", to=["a@example.com"])
    assert fast.message()["Subject"] == django_way.message()["Subject"]
    assert fast.subject == subject  # the message keeps its subject


def test_a_line_break_in_a_reminder_subject_is_refused():
    with pytest.raises(BadHeaderError):
        ReminderEmail("Follow-up “due”\nBcc: someone@example.com", "Body", to=["a@example.com"]).message()
