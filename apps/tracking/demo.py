"""Demo requests in different tracking states for `make run`, so a newcomer's dashboard shows
what the portal does: one waiting on OpenAI with an overdue follow-up, one OpenAI asked about,
one under review, one approved and verified. Each is created once; running again changes nothing.

The history is backdated, so it is written as rows (the services stamp the current time); the
derived state (who waits, the follow-up plan) still comes from the services."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from apps.workspace.models import Contact, EndpointUsage, ZdrRequest
from apps.workspace.services import request_create

from . import followups
from .models import Approval, ChecklistTick, ContactEntry, Transition, Verification
from .services import _refresh_waiting
from .workflow import MOVES

OPENAI = ("Jordan Lee", "jordan.lee@openai.example")  # the demo's account manager at OpenAI
DEMOS = [
    {"title": "Patient-portal triage chatbot", "control": "zdr", "org": "org-NorthwindTriage01",
     "usage": ("/v1/chat/completions", []),
     "moves": [("send_to_review", 16), ("mark_ready", 14), ("submit", 13)], "contacts": []},
    {"title": "Billing-code suggestions", "control": "mam", "org": "org-NorthwindBilling02",
     "usage": ("/v1/responses", ["background_mode"]),
     "moves": [("send_to_review", 30), ("mark_ready", 28), ("submit", 27), ("acknowledge", 24),
               ("request_info", 2)],
     "contacts": [(24, "in", "Thanks, we received your request and will review it."),
                  (2, "in", "Which projects would MAM apply to, and do you use background mode?")]},
    {"title": "Insurance letter drafting", "control": "zdr", "org": "org-NorthwindLetters03",
     "usage": ("/v1/responses", []),
     "moves": [("send_to_review", 20), ("mark_ready", 19), ("submit", 18), ("start_review", 6)],
     "contacts": [(11, "out", "Follow-up #1 sent."), (6, "in", "Your request is with our review team.")]},
    {"title": "Lab-report extraction", "control": "zdr", "org": "org-NorthwindLabs04",
     "usage": ("/v1/responses", ["file_inputs"]),
     "moves": [("send_to_review", 60), ("mark_ready", 58), ("submit", 57), ("acknowledge", 50),
               ("approve_zdr", 21), ("verify", 19)],
     "contacts": [(50, "in", "Received, thank you."), (21, "in", "Approved: ZDR is enabled for your organization.")]},
]


def _status_before(moves, index):
    return MOVES[moves[index - 1][0]].target if index else "draft"


@transaction.atomic
def demo_seed(*, organization, owner):
    created = []
    for demo in DEMOS:
        if ZdrRequest.objects.filter(organization=organization, title=demo["title"]).exists():
            continue
        created.append(_seed_one(organization, owner, demo))
    return created


def _seed_one(organization, owner, demo):
    now = timezone.now()
    zdr_request = request_create(organization=organization, owner=owner, title=demo["title"],
                                 requested_control=demo["control"], openai_org_id=demo["org"])
    path, features = demo["usage"]
    EndpointUsage.objects.create(request=zdr_request, position=1, endpoint_path=path, features=features,
                                 purpose="Demo usage", monthly_volume=20000)
    Contact.objects.create(request=zdr_request, position=2, role="account_manager", name=OPENAI[0], email=OPENAI[1],
                           job_title="Account manager, OpenAI")
    tracking = zdr_request.tracking
    for index, (key, days_ago) in enumerate(demo["moves"]):
        at = now - timedelta(days=days_ago)
        move = MOVES[key]
        Transition.objects.create(request=zdr_request, move=key, from_status=_status_before(demo["moves"], index),
                                  to_status=move.target, by=owner, at=at, note=_note(key),
                                  channel="sales_form" if key == "submit" else "")
        tracking.status, tracking.status_changed_at = move.target, at
        if key == "submit":
            tracking.channel, tracking.submitted_at = "sales_form", at
        if key.startswith("approve_"):
            _approve(zdr_request, owner, at)
        if key == "verify":
            _verify(zdr_request, owner, at)
    for days_ago, direction, summary in demo["contacts"]:
        ContactEntry.objects.create(
            request=zdr_request, occurred_at=now - timedelta(days=days_ago, hours=-1), direction=direction,
            channel="email", counterpart_name=OPENAI[0], counterpart_email=OPENAI[1], summary=summary,
            created_by=owner)
    _refresh_waiting(tracking)
    tracking.save()
    followups.follow_ups_reschedule(request_id=zdr_request.pk)
    return zdr_request


def _note(key):
    return {"submit": "Sent packet through the sales contact form.",
            "request_info": "OpenAI asked which projects and whether we use background mode.",
            "verify": "The Admin API check matched the approval."}.get(key, "")


def _approve(zdr_request, owner, at):
    approval = Approval.objects.create(
        request=zdr_request, control="zdr", effective_date=at.date(), scope="organization",
        message="Approved: Zero Data Retention is enabled for your organization.", recorded_by=owner, recorded_at=at,
        covered={u.endpoint_path: sorted(u.features) for u in zdr_request.usages.all()})
    ChecklistTick.objects.create(approval=approval, item="dashboard_tab", done=True, by=owner,
                                 note="The Data retention tab shows Zero data retention.")


def _verify(zdr_request, owner, at):
    approval = zdr_request.approvals.first()
    Verification.objects.create(
        request=zdr_request, approval=approval, outcome="match", ran_by=owner, ran_at=at,
        summary="Every checked setting is zero_data_retention, as approved.",
        evidence={"base_url": "https://api.openai.com", "expected_type": "zero_data_retention",
                  "organization": {"object": "organization.data_retention", "type": "zero_data_retention"},
                  "projects": {}})
    followups.reverification_schedule(request_id=zdr_request.pk, after=at)
