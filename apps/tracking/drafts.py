"""Follow-up email drafts, ready to copy: templates with merge fields from the request's record
(days since submission, earlier contacts, OpenAI organization ID, packet version and hash)."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone

from .models import ContactEntry, Direction, FollowUpPolicy

BAA_ADDRESS = "baa@openai.com"


@dataclass(frozen=True)
class Draft:
    to: str
    subject: str
    body: str


def _recipient(zdr_request, tracking, policy, escalate):
    if escalate and policy.escalation_email:
        return policy.escalation_name, policy.escalation_email
    if tracking.channel == "baa":
        return "OpenAI BAA team", BAA_ADDRESS
    manager = next((c for c in zdr_request.contacts.all() if c.role == "account_manager" and c.email), None)
    if manager:
        return manager.name if manager.name and not manager.name.startswith("(") else "", manager.email
    last_in = (ContactEntry.objects.filter(request=zdr_request, direction=Direction.IN)
               .exclude(counterpart_email="").first())
    if last_in:
        return last_in.counterpart_name, last_in.counterpart_email
    return "", ""


def merge_fields(zdr_request, tracking, follow_up, now=None):
    now = now or timezone.now()
    policy = FollowUpPolicy.objects.filter(organization_id=zdr_request.organization_id).first() or FollowUpPolicy()
    outbound = list(ContactEntry.objects.filter(request=zdr_request, direction=Direction.OUT)
                    .order_by("occurred_at").values_list("occurred_at", flat=True))
    last_reply = (ContactEntry.objects.filter(request=zdr_request, direction=Direction.IN)
                  .values_list("occurred_at", flat=True).first())
    name, email = _recipient(zdr_request, tracking, policy, follow_up.escalate if follow_up else False)
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


def follow_up_draft(zdr_request, tracking, follow_up, now=None):
    context = merge_fields(zdr_request, tracking, follow_up, now)
    return Draft(
        to=f"{context['recipient_name']} <{context['recipient_email']}>" if context["recipient_name"] and
        context["recipient_email"] else context["recipient_email"],
        subject=" ".join(render_to_string("tracking/drafts/followup-subject.txt", context).split()),
        body=render_to_string("tracking/drafts/followup-body.txt", context).strip() + "\n",
    )
