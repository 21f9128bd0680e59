"""policy.json: what the team's CI may let through, for a submitted or approved request.

The scanner (`python -m zdrscan PATH --policy policy.json`) fails a build whose code uses an
endpoint or feature outside `allowed`. `policy_document` is pure."""

from apps.workspace.findings import CONTROLS

from . import drift
from .selectors import approval_current, tracking_of
from .services import covered_usage
from .usage_checks import verdict
from .verification import project_ids_in_scope
from .workflow import WAITING_ON_OPENAI, WITH_APPROVAL

POLICY_FORMAT = 1
EXPORTABLE = (*WAITING_ON_OPENAI, "info_requested", *WITH_APPROVAL)


def policy_document(*, control, projects, covered, catalog, basis):
    """Allowed: the endpoints and features in the approved (or submitted) scope that the catalog
    does not block under the control. A covered use that the catalog blocks is listed with why,
    so a build that uses it fails and says so."""
    endpoints, features, refused = [], set(), []
    for path, used in covered.items():
        if verdict(catalog, control, path, None) == "no":
            refused.append({"endpoint": path, "feature": None, "why": f"{path} is not eligible under {control}"})
            continue
        endpoints.append(path)
        for feature in used:
            if verdict(catalog, control, path, feature) == "no":
                refused.append({"endpoint": path, "feature": feature,
                                "why": f"{feature} on {path} cannot be used under {control}"})
            else:
                features.add(feature)
    return {
        "format": POLICY_FORMAT,
        "control": control,
        "basis": basis,
        "catalog_version": f"{catalog['provider']}-{catalog['as_of']}",
        "projects": list(projects),
        "allowed": {"endpoints": endpoints, "features": sorted(features)},
        "not_allowed": refused,
    }


def policy_for_request(zdr_request, catalog):
    """The policy of an approved request (the approval's control and scope) or of a submitted one
    (the requested control and the declared usage); None before submission."""
    status = tracking_of(zdr_request).status
    if status not in EXPORTABLE:
        return None
    approval = approval_current(zdr_request) if status in WITH_APPROVAL else None
    if approval is not None:
        return policy_document(control=drift.BASE_CONTROL[approval.control],
                               projects=project_ids_in_scope(approval, zdr_request),
                               covered=approval.covered or {}, catalog=catalog, basis="approval")
    control = zdr_request.requested_control if zdr_request.requested_control in CONTROLS else "zdr"
    return policy_document(control=control, projects=list(zdr_request.project_ids or []),
                           covered=covered_usage(zdr_request), catalog=catalog, basis="submitted request")
