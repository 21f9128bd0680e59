"""The reminder emails the sweep sends to a request's owner.

The sweep sends hundreds at a time, so a batch loads what its emails need (contact-log facts,
policies, approvals and checks) in a fixed number of queries, whatever its size, and each email
is then rendered from memory."""

from email.charset import Charset

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from apps.accounts.emails import render_email

from .drafts import ContactFacts, contact_facts, follow_up_draft, policies_of
from .models import Approval, FollowUp, FollowUpPolicy, Verification
from .reminder_text import email_html, email_subject, email_text


def _first_per_request(rows):
    first = {}
    for row in rows:  # in the model's own order: the first one seen is the current one
        first.setdefault(row.request_id, row)
    return first


# What the emails read of a follow-up's request, owner, organization, tracking and packet: a
# batch loads only these columns, not a request's wizard answers or a packet's snapshot.
_RELATED_COLUMNS = [f"request__{name}" for name in (
    "title", "legal_entity", "openai_org_id", "requested_control", "organization__name", "owner__email",
    "owner__full_name", "tracking__request", "tracking__channel", "tracking__submitted_at",
    "tracking__packet_version__number", "tracking__packet_version__sha256",
)]


_UTF8 = Charset("utf-8")


class ReminderEmail(EmailMultiAlternatives):
    """An email whose non-ASCII subject is encoded in one step. Python's email.header folds such a
    subject by re-encoding it once for each character (60 µs, the most expensive part of building
    a reminder's MIME message); when the whole subject fits in one encoded word (at most 78
    characters, as with nearly every reminder) that fold gives exactly this one word, and an ASCII
    header passes through unchanged. Longer subjects, and any line break (refused), take Django's way."""

    def message(self):
        subject = self.subject
        if subject.isascii() or "\n" in subject or "\r" in subject:
            return super().message()
        word = _UTF8.header_encode(subject)
        if len(word) > 78:  # email.header.MAXLINELEN
            return super().message()
        self.subject = word
        try:
            return super().message()
        finally:
            self.subject = subject


def reminders_to_send(follow_ups):
    """The follow-ups of the queryset with what ReminderBatch needs, in a fixed number of queries."""
    own = [field.name for field in FollowUp._meta.concrete_fields]
    return list(follow_ups.select_related("request__owner", "request__organization",
                                          "request__tracking__packet_version")
                .only(*own, *_RELATED_COLUMNS).prefetch_related("request__contacts"))


class ReminderBatch:
    """The emails of claimed follow-ups, loaded by reminders_to_send."""

    def __init__(self, follow_ups):
        requests = {f.request_id: f.request for f in follow_ups}
        asking = [f.request_id for f in follow_ups if f.kind == FollowUp.Kind.FOLLOW_UP]
        checking = [f.request_id for f in follow_ups if f.kind == FollowUp.Kind.REVERIFY]
        self.facts = contact_facts(asking) if asking else {}
        self.policies = policies_of({requests[pk].organization_id for pk in asking})
        self.approvals = _first_per_request(
            Approval.objects.filter(request_id__in=checking).select_related("evidence", "recorded_by")
        ) if checking else {}
        self.checks = _first_per_request(
            Verification.objects.filter(request_id__in=checking).select_related("ran_by")) if checking else {}
        self.default_policy = FollowUpPolicy()
        self.path = reverse("tracking:detail", kwargs={"request_id": 0}).replace("/0/", "/{}/")

    def message(self, follow_up):
        zdr_request = follow_up.request
        url = settings.SITE_URL + self.path.format(zdr_request.pk)
        if follow_up.kind == FollowUp.Kind.REVERIFY:  # rare: rendered from its templates
            context = {"follow_up": follow_up, "zdr_request": zdr_request, "tracking_url": url,
                       "approval": self.approvals.get(zdr_request.pk), "last_check": self.checks.get(zdr_request.pk)}
            return render_email("reverification", context, to=[zdr_request.owner.email])
        draft = None
        if follow_up.kind == FollowUp.Kind.FOLLOW_UP:
            draft = follow_up_draft(
                zdr_request, zdr_request.tracking, follow_up, facts=self.facts.get(zdr_request.pk) or ContactFacts(),
                policy=self.policies.get(zdr_request.organization_id) or self.default_policy)
        # What render_email("followup", ...) makes from templates/emails/followup-*, without the templates.
        message = ReminderEmail(email_subject(follow_up, zdr_request),
                                email_text(follow_up, zdr_request, url, draft), to=[zdr_request.owner.email])
        message.attach_alternative(email_html(follow_up, zdr_request, url, draft), "text/html")
        return message


def reminder_message(follow_up):
    """One reminder's email (the batch of one)."""
    [follow_up] = reminders_to_send(FollowUp.objects.filter(pk=follow_up.pk))
    return ReminderBatch([follow_up]).message(follow_up)
