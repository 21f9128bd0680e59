"""Follow-up email drafts, ready to copy: templates with merge fields from the request's record
(days since submission, earlier contacts, OpenAI organization ID, packet version and hash)."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from .models import ContactEntry, Direction, FollowUpPolicy
from .reminder_text import draft_body, draft_subject

BAA_ADDRESS = "baa@openai.com"


@dataclass(frozen=True)
class Draft:
    to: str
    subject: str
    body: str


@dataclass
class ContactFacts:
    """What a draft needs from a request's contact log."""

    outbound: list = field(default_factory=list)  # when we wrote to OpenAI, oldest first
    last_reply: datetime | None = None
    last_counterpart: tuple | None = None  # (name, email) of the newest reply that gave an address


def contact_facts(request_ids):
    """{request id: ContactFacts} in one query, for one request or a whole batch of reminders."""
    facts = {}
    rows = (ContactEntry.objects.filter(request_id__in=request_ids, direction__in=[Direction.IN, Direction.OUT])
            .order_by("occurred_at", "pk")
            .values_list("request_id", "direction", "occurred_at", "counterpart_name", "counterpart_email"))
    for request_id, direction, at, name, email in rows:
        known = facts.setdefault(request_id, ContactFacts())
        if direction == Direction.OUT:
            known.outbound.append(at)
        else:
            known.last_reply = at
            known.last_counterpart = (name, email) if email else known.last_counterpart
    return facts


def policies_of(organization_ids):
    return {p.organization_id: p for p in FollowUpPolicy.objects.filter(organization_id__in=organization_ids)}


def _recipient(zdr_request, tracking, policy, escalate, facts):
    if escalate and policy.escalation_email:
        return policy.escalation_name, policy.escalation_email
    if tracking.channel == "baa":
        return "OpenAI BAA team", BAA_ADDRESS
    manager = next((c for c in zdr_request.contacts.all() if c.role == "account_manager" and c.email), None)
    if manager:
        return manager.name if manager.name and not manager.name.startswith("(") else "", manager.email
    return facts.last_counterpart or ("", "")


def merge_fields(zdr_request, tracking, follow_up, now=None, *, facts=None, policy=None):
    """`facts` and `policy` are loaded here unless the caller (a batch of reminders) has them."""
    now = now or timezone.now()
    if policy is None:
        policy = policies_of([zdr_request.organization_id]).get(zdr_request.organization_id)
    policy = policy or FollowUpPolicy()
    facts = facts or contact_facts([zdr_request.pk]).get(zdr_request.pk) or ContactFacts()
    outbound, last_reply = facts.outbound, facts.last_reply
    name, email = _recipient(zdr_request, tracking, policy, follow_up.escalate if follow_up else False, facts)
    packet = tracking.packet_version
    return {
        "zdr_request": zdr_request,
        "company": zdr_request.legal_entity or zdr_request.organization.name,
        "org_id": zdr_request.openai_org_id or "(our OpenAI organization ID)",
        "control": zdr_request.get_requested_control_display(),
        "submitted_at": tracking.submitted_at,
        "days_since_submission": (now - tracking.submitted_at).days if tracking.submitted_at else None,
        "channel": tracking.get_channel_display() if tracking.channel else "",
        "packet_number": packet.number if packet else None,
        "packet_sha256": packet.sha256 if packet else "",
        "previous_contacts": [tracking.submitted_at, *outbound] if tracking.submitted_at else outbound,
        "last_reply": last_reply,
        "attempt": follow_up.attempt if follow_up else 1,
        "escalate": bool(follow_up and follow_up.escalate),
        "recipient_name": name,
        "recipient_email": email,
        "sender": zdr_request.owner,
    }


def follow_up_draft(zdr_request, tracking, follow_up, now=None, *, facts=None, policy=None):
    context = merge_fields(zdr_request, tracking, follow_up, now, facts=facts, policy=policy)
    return Draft(
        to=f"{context['recipient_name']} <{context['recipient_email']}>" if context["recipient_name"] and
        context["recipient_email"] else context["recipient_email"],
        subject=draft_subject(context),  # what tracking/drafts/followup-subject.txt writes
        body=draft_body(context),  # and tracking/drafts/followup-body.txt
    )
