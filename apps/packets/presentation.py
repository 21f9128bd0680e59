"""What the packet template needs, derived from a frozen snapshot alone (see content.py).

Pure: the same snapshot always gives the same context, for the PDF and for the on-screen preview.
"""

from datetime import datetime

from apps.catalog.limitations import limitations_of
from apps.catalog.models import Eligibility
from apps.catalog.provenance import provenance_of
from apps.catalog.taxonomy import EFFECT_IN_PACKET
from apps.workspace.controls import control_spec
from apps.workspace.diagram import render_html

from . import claims
from .commitments import commitments, scope, volume

SECTIONS = (
    ("letter", "Cover letter"),
    ("summary", "Executive summary"),
    ("use-case", "Use case and drivers"),
    ("data", "Data inventory"),
    ("flows", "Data flows"),
    ("usage", "Endpoint usage and eligibility"),
    ("findings", "Findings and remediation plan"),
    ("safeguards", "Safeguards"),
    ("commitments", "Commitments and agreements"),
    ("rollout", "Rollout and verification"),
    ("contacts", "Contacts and internal sign-off"),
    ("appendix", "Appendix: catalog excerpt and glossary"),
)


def packet_context(snapshot):
    request, catalog = snapshot["request"], snapshot["catalog"]
    spec = control_spec(catalog, snapshot["control"])
    column, effects = spec.column, spec.features_as
    meta = snapshot["meta"]
    rows = {e["path"]: e for e in catalog["endpoints"]}
    feature_rows = {f["key"]: f for f in catalog["features"]}
    findings = [{**f, "sources": _sources(f, catalog)} for f in snapshot["findings"]]
    contacts = [_contact(c, snapshot["display"]) for c in request["contacts"]]
    usages = [_usage(n, u, rows, feature_rows, column, findings) for n, u in enumerate(request["usages"], start=1)]
    usage_labels = {u["id"]: f"Usage {u['n']}" + (f": {u['purpose']}" if u["purpose"] else "") for u in usages}
    endpoints = _with_limitations(_endpoints(usages, rows, column, catalog), findings)
    for entry in endpoints:
        entry["evidence"] = (snapshot.get("code_evidence") or {}).get(entry["path"], [])
    warnings = _grouped([f for f in findings if f["severity"] == "warning"], usage_labels, rows)
    undeclared = [_undeclared(f) for f in claims.undeclared(snapshot)]
    return {
        "s": snapshot,
        "r": request,
        "d": snapshot["display"],
        "meta": meta,
        "version_label": f"v{meta['number']}" if meta["number"] else "preview",
        "generated_at": datetime.fromisoformat(meta["generated_at"]),
        "sections": SECTIONS,
        "contacts": contacts,
        "primary": next((c for c in contacts if c["role"] == "primary"), contacts[0] if contacts else None),
        "usages": usages,
        "endpoints": endpoints,
        "undeclared": undeclared,
        "counts": _counts(endpoints, findings, warnings, undeclared),
        "claims": {
            "status": claims.status(snapshot),
            "eligibility": claims.eligibility(snapshot, endpoints),
            "eligibility_below": claims.eligibility(snapshot, endpoints, where="below"),
            "why": claims.why_control(snapshot),
            "as_of": claims.as_of(catalog),
            "catalog_age": claims.catalog_age(snapshot),
        },
        "security": next((c for c in contacts if c["role"] in ("security", "privacy")), None),
        "flows": [_flow(n, f, usages, snapshot["display"]) for n, f in enumerate(request["flows"], start=1)],
        "blockers": _grouped([f for f in findings if f["severity"] == "blocker"], usage_labels, rows),
        "warnings": warnings,
        "infos": _grouped([f for f in findings if f["severity"] == "info"], usage_labels, rows),
        "features": [_feature(f, effects, catalog) for f in catalog["features"]],
        "control_spec": spec,
        "source": (catalog["sources"] or [{}])[0],
        "diagram": render_html(request, catalog, snapshot["control"]),
        "scope": scope(request, snapshot["display"]),
        "volume": volume(request),
        "commit": commitments(request, snapshot["display"]),
    }


def _contact(contact, display):
    return {**contact, "role_label": display["contact_roles"].get(str(contact["id"]), contact["role"])}


def _usage(n, usage, rows, feature_rows, control, findings):
    row = rows.get(usage["endpoint_path"])
    return {
        **usage,
        "n": n,
        "name": row["name"] if row else "Not in the catalog",
        "eligibility": Eligibility(row[control]).label if row else "Not in the catalog",
        "eligibility_key": row[control] if row else "no",
        "feature_names": [feature_rows[k]["name"] if k in feature_rows else k for k in usage["features"]],
        "findings": [f for f in findings if f["usage_id"] == usage["id"] and f["severity"] != "info"],
    }


def _endpoints(usages, rows, control, catalog):
    """Each endpoint in scope once, with its catalog row and the usages that call it."""
    endpoints = {}
    for usage in usages:
        path = usage["endpoint_path"]
        entry = endpoints.setdefault(path, {"path": path, "row": rows.get(path), "usages": [], "volume": 0})
        entry["usages"].append(usage["n"])
        entry["volume"] += usage["monthly_volume"] or 0
    for entry in endpoints.values():
        row = entry["row"]
        entry["zdr"] = Eligibility(row["zdr"]).label if row else "Not in the catalog"
        entry["mam"] = Eligibility(row["mam"]).label if row else "Not in the catalog"
        entry["eligibility_key"] = row[control] if row else "no"
        entry["eligibility"] = Eligibility(row[control]).label if row else "Not in the catalog"
        entry["source"] = provenance_of(row, catalog) if row else None
    return list(endpoints.values())


def _with_limitations(endpoints, findings):
    """Each endpoint's limitations that apply to the request (in catalog order) and how many others
    the catalog lists; before the engine recorded which apply, all of them were printed."""
    legacy = any("points" not in f for f in findings)
    for entry in endpoints:
        texts = [lim.text for lim in limitations_of(entry["row"])]
        applicable = set(texts) if legacy else {
            point for f in findings if f["endpoint_path"] == entry["path"] and f["severity"] == "warning"
            for point in f["points"]
        }
        entry["limitations"] = [t for t in texts if t in applicable]
        entry["other_limitations"] = len(texts) - len(entry["limitations"])
    return endpoints


def _grouped(findings, usage_labels, rows):
    """Findings that say the same thing (two usages of one endpoint, the same answer) once, with the
    usages they concern. A warning lists the limitations that apply, one by one."""
    groups = {}
    for f in findings:
        answer = _answer(f)
        key = (f["title"], f["detail"], f["is_open"], str(f["acknowledgement"]), answer)
        group = groups.setdefault(key, {**f, "usages": [], "points": _points(f, rows), "answer_text": answer})
        if f["usage_id"] in usage_labels:
            group["usages"].append(usage_labels[f["usage_id"]])
    return list(groups.values())


def _answer(finding):
    return str((finding.get("answer") or {}).get("text") or "").strip() if finding["severity"] == "warning" else ""


def _points(finding, rows):
    """The applicable limitations the engine recorded; snapshots frozen before it recorded them
    list every limitation of the endpoint, as they were printed then."""
    if "points" in finding:
        return list(finding["points"])
    row = rows.get(finding["endpoint_path"])
    if row and finding["feature_key"] is None and finding["severity"] == "warning":
        return [lim.text for lim in limitations_of(row)]
    return []


def _undeclared(finding):
    """Use seen in a project but not declared, as a row beside the declared endpoints."""
    evidence = finding["evidence"]
    key = evidence["eligibility"]
    label = Eligibility(key).label if key in Eligibility.values else "Depends on which endpoint it is"
    return {**evidence, "verdict": key, "eligibility_key": key if key in Eligibility.values else "limited",
            "eligibility": label}


def _counts(endpoints, findings, warnings, undeclared=()):
    """Every endpoint in use is counted: the declared ones and those only the Admin API saw."""
    eligibility = [e["eligibility_key"] for e in endpoints] + [u["verdict"] for u in undeclared]
    blockers = [f for f in findings if f["severity"] == "blocker"]
    return {
        "endpoints": len(eligibility),
        "undeclared": len(undeclared),
        "eligible": eligibility.count("yes"),
        "limited": eligibility.count("limited"),
        "not_eligible": eligibility.count("no"),
        "open_blockers": sum(f["is_open"] for f in blockers),
        "acknowledged": sum(not f["is_open"] for f in blockers),
        "warnings": len(warnings),
        "unanswered_warnings": sum(not w["answer_text"] for w in warnings),
    }


def _flow(n, flow, usages, display):
    usage = next((u for u in usages if u["id"] == flow["usage_id"]), None)
    return {
        **flow,
        "n": n,
        "endpoint_path": usage["endpoint_path"] if usage else "",
        "usage_n": usage["n"] if usage else None,
        "categories": [display["categories"].get(key, key) for key in flow["data_categories"]],
    }


def _feature(feature, control, catalog):
    return {**feature, "effect": EFFECT_IN_PACKET.get(feature[f"under_{control}"], feature[f"under_{control}"]),
            "effect_key": feature[f"under_{control}"], "text": feature[f"under_{control}_text"],
            "source": provenance_of(feature, catalog)}


def _sources(finding, catalog):
    """What a finding cites: its rule's own sources (frozen with it); a snapshot frozen before
    findings cited their rule cites the catalog version's page, as it did then."""
    if finding.get("citations"):
        return list(finding["citations"])
    return [{**provenance_of({}, catalog).as_dict(), "url": finding.get("source_url", ""),
             "as_of": finding.get("as_of", "")}]
