"""Drift: the live setting or the team's usage no longer matches the approval.

`uncovered()` is pure: the endpoints and features in use that the approval did not cover, plus
the ones the catalog says are not eligible under the approved control."""

from django.db import transaction
from django.utils import timezone

from apps.catalog.selectors import catalog_document
from apps.foundation.history import update_with_history
from apps.workspace.findings import evaluate_under
from apps.workspace.models import ZdrRequest
from apps.workspace.selectors import request_snapshot

from .models import DriftAlert, FollowUp
from .selectors import approval_current, tracking_of
from .workflow import WITH_APPROVAL

BASE_CONTROL = {"zdr": "zdr", "enhanced_zero_data_retention": "zdr", "zdr_psp": "zdr_psp", "mam": "mam",
                "enhanced_modified_abuse_monitoring": "mam"}


def uncovered(usages, covered, open_blockers):
    """Keys (with a readable label) of what the approval does not cover, in usage order."""
    found = {}
    for usage in usages:
        path = usage["endpoint_path"]
        if path not in covered:
            found[f"endpoint:{path}"] = f"{path} was not in use when the approval was recorded"
            continue
        for feature in usage["features"] or []:
            if feature not in covered[path]:
                found[f"feature:{path}:{feature}"] = f"feature {feature} on {path} was not in use when approved"
    for finding in open_blockers:
        found[f"ineligible:{finding.endpoint_path}:{finding.feature_key or ''}"] = finding.title
    return found


@transaction.atomic
def drift_raise(*, zdr_request, kind, keys, detail):
    """Flag the request and owe its owner a reminder, once per set of keys still open."""
    now = timezone.now()
    follow_up = FollowUp.objects.create(request=zdr_request, kind=FollowUp.Kind.DRIFT, due_at=now, reason=detail)
    return DriftAlert.objects.create(request=zdr_request, kind=kind, keys=keys, detail=detail, follow_up=follow_up,
                                     detected_at=now)


def scope_check(*, request_id):
    """Run after the request's usage changed: on an approved or verified request, anything the
    approval does not cover raises a scope-drift alert (once per new item)."""
    zdr_request = ZdrRequest.objects.select_related("catalog_version", "tracking").filter(pk=request_id).first()
    if zdr_request is None or tracking_of(zdr_request).status not in WITH_APPROVAL:
        return None
    approval = approval_current(zdr_request)
    if approval is None:
        return None
    snapshot = request_snapshot(zdr_request)
    # Judged under the control OpenAI granted, whatever the request now asks for.
    findings = evaluate_under(snapshot, catalog_document(zdr_request.catalog_version), BASE_CONTROL[approval.control])
    # Observed use raises its own drift when the usage check reads it (usage_checks._record).
    found = uncovered(snapshot["usages"], approval.covered or {}, [f for f in findings if f.is_open and not f.evidence])
    return drift_raise_new(zdr_request=zdr_request, kind=DriftAlert.Kind.SCOPE, found=found,
                           lead="Usage outside the approval: ")


def drift_raise_new(*, zdr_request, kind, found, lead):
    """Raise one alert for the keys of `found` (key -> sentence) that no open alert already holds."""
    known = {key for keys in DriftAlert.objects.filter(request=zdr_request, kind=kind,
                                                       resolved_at__isnull=True).values_list("keys", flat=True)
             for key in keys}
    new = [key for key in found if key not in known]
    if not new:
        return None
    detail = lead + "; ".join(found[key].rstrip(".") for key in new) + "."
    return drift_raise(zdr_request=zdr_request, kind=kind, keys=new, detail=detail)


@transaction.atomic
def drift_resolve(*, alert, user):
    now = timezone.now()
    update_with_history(DriftAlert.objects.filter(pk=alert.pk, resolved_at__isnull=True), user=user,
                        resolved_at=now, resolved_by=user)
    if alert.follow_up_id:
        update_with_history(FollowUp.objects.filter(pk=alert.follow_up_id, state__in=FollowUp.OPEN), user=user,
                            state=FollowUp.State.DONE, resolved_at=now)
