"""Verification after approval: the checklist (from the reference facts, section 3) and the
Admin API check, whose result is stored as evidence without the key."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from . import drift, followups
from .admin_api import AdminApiError, compare, fetch_retention
from .models import Approval, Verification
from .selectors import approval_current, tracking_of
from .services import Refused, transition_perform
from .workflow import APPROVED


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    title: str
    how: str
    zdr_only: bool = False
    official: bool = True
    psp_only: bool = False


CHECKLIST = [
    ChecklistItem("dashboard_tab", "Dashboard: the Data retention tab shows the approved setting",
                  "Settings → Organization → Data controls → Data retention. The tab appears only after approval and "
                  "shows the organization and project settings."),
    ChecklistItem("admin_api_organization", "Admin API: the organization's type is the approved one",
                  "GET /v1/organization/data_retention with an admin key: “Check with the Admin API” does it."),
    ChecklistItem("admin_api_projects", "Admin API: every project in scope inherits or has the approved type",
                  "GET /v1/organization/projects/{id}/data_retention: organization_default inherits; none means off."),
    ChecklistItem("dashboard_psp",
                  "Dashboard: the retention policy reads “Zero Data Retention with Private Safety Processing”",
                  "The Admin API does not document how it reports PSP, so the dashboard is what shows it "
                  "(help.openai.com article 20001595).", psp_only=True),
    ChecklistItem("probe_store", "Probe: a stored response cannot be retrieved",
                  "Send a Responses request with store=true, then GET /v1/responses/{id}: under ZDR it answers 404.",
                  zdr_only=True, official=False),
    ChecklistItem("probe_previous_response", "Probe: previous_response_id is refused",
                  "Under ZDR it answers 400 unsupported_parameter: “Previous response cannot be used for this "
                  "organization due to Zero Data Retention.”", zdr_only=True, official=False),
    ChecklistItem("probe_reasoning_items", "Probe: replayed reasoning items are not found",
                  "Under ZDR: “Items are not persisted for Zero Data Retention organizations.” Send store=false with "
                  "include=[\"reasoning.encrypted_content\"] instead.", zdr_only=True, official=False),
]
CHECKLIST_KEYS = {item.key for item in CHECKLIST}


def checklist_for(approval):
    """The items that apply to the approved control, each with its tick (or None)."""
    if approval is None:
        return []
    ticks = {tick.item: tick for tick in approval.ticks.select_related("by")}
    zdr = approval.control in ("zdr", "enhanced_zero_data_retention", "zdr_psp")
    psp = approval.control == "zdr_psp"
    return [(item, ticks.get(item.key)) for item in CHECKLIST
            if (zdr or not item.zdr_only) and (psp or not item.psp_only)]


def project_ids_in_scope(approval, zdr_request):
    if approval.scope == Approval.Scope.PROJECTS:
        return list(approval.project_ids)
    return list(zdr_request.project_ids or [])


@sensitive_variables("admin_key")
def verification_run(*, zdr_request, admin_key, user, role):
    """Check the live setting with the Admin API (synchronously, with a short timeout: the key
    must never reach the task queue) and store the outcome as evidence.

    A match on an approved request marks it verified; a mismatch on a verified one raises a drift
    alert with a follow-up."""
    approval = approval_current(zdr_request)
    if approval is None:
        raise AdminApiError("Record the approval first: the check compares the live setting with it.")
    base_url = settings.OPENAI_ADMIN_API_BASE_URL
    evidence = {"base_url": base_url, "expected_control": approval.control, "scope": approval.scope}
    try:
        fetched = fetch_retention(base_url=base_url, admin_key=admin_key,
                                  project_ids=project_ids_in_scope(approval, zdr_request),
                                  timeout=settings.OPENAI_ADMIN_API_TIMEOUT)
    except AdminApiError as error:
        outcome, summary = Verification.Outcome.ERROR, str(error)
    else:
        comparison = compare(control=approval.control, scope=approval.scope, fetched=fetched)
        outcome, summary = comparison.outcome, comparison.summary
        evidence.update(fetched, expected_type=comparison.expected, lines=[
            {"subject": s, "reported": r, "effective": e, "ok": ok, "explanation": why}
            for s, r, e, ok, why in comparison.lines
        ])
    return _record(zdr_request, approval, user, role, outcome, summary, evidence)


@transaction.atomic
def _record(zdr_request, approval, user, role, outcome, summary, evidence):
    verification = Verification.objects.create(
        request=zdr_request, approval=approval, outcome=outcome, summary=summary, evidence=evidence,
        ran_by=user, ran_at=timezone.now(),
    )
    status = tracking_of(zdr_request).status
    if outcome == Verification.Outcome.MATCH and status in APPROVED:
        try:
            transition_perform(zdr_request=zdr_request, move_key="verify", user=user, role=role,
                               note="The Admin API check matched the approval.")
        except Refused:
            pass  # e.g. a reviewer ran the check: the evidence is stored, an editor marks it verified
    elif outcome == Verification.Outcome.MATCH and status == "verified":
        transaction.on_commit(lambda: followups.reverification_schedule(request_id=zdr_request.pk))
    elif outcome == Verification.Outcome.MISMATCH and status == "verified":
        drift.drift_raise(zdr_request=zdr_request, kind="verification", keys=[f"verification:{verification.pk}"],
                          detail=f"The Admin API check of {verification.ran_at:%Y-%m-%d %H:%M} differs from the "
                                 f"approval: {summary}")
    return verification
