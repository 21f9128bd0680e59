"""What a packet says, frozen as plain JSON: the only input of the PDF, the preview, the diff,
the contact-form text and the email draft.

`packet_snapshot()` copies everything the packet shows out of the live request (its content, the
findings and completeness computed from it, display labels, and the excerpt of the pinned catalog
for the endpoints in scope), so a version rendered or re-read years later shows exactly what was
frozen, whatever happened to the request, the catalog or the vocabularies since.

Two parts of a snapshot are not content: `meta` (version number, who made it, paper size) and
`record` (sign-offs of earlier versions). Approval is about content, so `content_key()` leaves
them out: re-signing an older version or switching to Letter does not ask for a new sign-off.
"""

import hashlib
import json
from dataclasses import asdict

from django.conf import settings
from django.utils import timezone

from apps.codescan.selectors import evidence_by_endpoint
from apps.workspace.findings import CONTROL_LABELS, evaluate_under
from apps.workspace.models import Control, ZdrRequest
from apps.workspace.taxonomy import FIELD_CHOICES, labels
from apps.workspace.usage_reading import read_usage

from .claims import subjects
from .commitments import frozen_labels

SCHEMA = 1
NOT_CONTENT = ("meta", "record")
REQUEST_VOCABULARIES = [field.name for field in ZdrRequest._meta.fields if field.name in FIELD_CHOICES]


def packet_snapshot(assessment, *, number=None, generated_by=None, paper_size="A4", record=()):
    """The frozen packet of `assessment` (a workspace Assessment). `number` is None for a preview."""
    zdr_request, evaluation = assessment.request, assessment.evaluation
    request = assessment.snapshot
    findings = [{**asdict(f), "is_open": f.is_open, "is_acknowledged": f.is_acknowledged} for f in evaluation.findings]
    return {
        "schema": SCHEMA,
        "organization": zdr_request.organization.name,
        "request": request,
        "display": _display(request),
        "control": evaluation.control,
        "control_label": CONTROL_LABELS[evaluation.control],
        # Only a preview can lack a chosen control (no version is made without one): it must not read as chosen.
        "control_name": Control(evaluation.control).label + ("" if evaluation.chosen else " (advised; not chosen yet)"),
        "requested_control": evaluation.requested_control,
        "recommendation": asdict(evaluation.recommendation),
        "blocked_under": {"zdr": _blocked_under_zdr(request, assessment.catalog)},
        "findings": findings,
        "open_blockers": len(evaluation.open_blockers),
        "completeness": {
            "percent": assessment.completeness.percent,
            "missing": [m.label for m in assessment.completeness.missing],
        },
        "catalog": catalog_excerpt(assessment.catalog, request),
        "code_evidence": evidence_by_endpoint(zdr_request),
        "meta": {
            "number": number,
            "generated_by": _person(generated_by),
            "generated_at": timezone.now().isoformat(),
            "paper_size": paper_size,
            "is_draft": is_draft(assessment),
        },
        "record": list(record),
    }


def is_draft(assessment):
    """A packet is final only for a complete request without open blockers."""
    return assessment.completeness.percent < 100 or assessment.evaluation.has_open_blockers


def catalog_excerpt(catalog, request):
    """The pinned catalog's rows for the endpoints and features the request uses (ticked, or implied
    by its store choice and models), in catalog order, with the catalog's controls, BAA rule and
    dated changes: what the packet cites."""
    usages = request.get("usages") or []
    rows = {e["path"]: e for e in catalog["endpoints"]}
    features = {f["key"]: f for f in catalog["features"]}
    paths = {u["endpoint_path"] for u in usages}
    keys = {key for u in usages for key in read_usage(u, rows.get(u["endpoint_path"]), features).features}
    return {
        "provider": catalog["provider"],
        "as_of": str(catalog["as_of"]),
        "as_of_approximate": bool(catalog.get("as_of_approximate")),
        "stale_after_days": settings.CATALOG_STALE_AFTER_DAYS,
        "title": catalog["title"],
        "sources": catalog["sources"],
        "endpoints": [e for e in catalog["endpoints"] if e["path"] in paths],
        "features": [f for f in catalog["features"] if f["key"] in keys],
        **{name: catalog[name] for name in ("schema_version", "controls", "baa", "changelog") if name in catalog},
    }


def _blocked_under_zdr(request, catalog):
    """What ZDR would not cover, named as the claims name it: a MAM packet says why not ZDR."""
    found = [asdict(f) for f in evaluate_under(request, catalog, "zdr") if f.severity == "blocker"]
    return subjects(found, catalog)


def content_key(snapshot):
    """A hash of what the packet says: equal keys mean the same content."""
    content = {k: v for k, v in snapshot.items() if k not in NOT_CONTENT}
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


def _display(request):
    """The wizard's labels for stored keys, frozen with the content."""
    display = {name: labels(request.get(name), name) for name in REQUEST_VOCABULARIES}
    display["contact_roles"] = {str(c["id"]): labels(c["role"], "role") for c in request.get("contacts") or []}
    categories = {key for flow in request.get("flows") or [] for key in flow.get("data_categories") or []}
    display["categories"] = {key: labels(key, "data_categories") for key in sorted(categories)}
    display.update(frozen_labels(request))
    return display


def _person(user):
    if user is None:
        return None
    return {"name": user.get_full_name(), "email": user.email}
