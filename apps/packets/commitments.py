"""What the packet says about scope, volume and the team's commitments: pure functions of the
frozen request and its display labels (see content.py).

Only what the team recorded is stated: an unticked requirement is not printed as accepted, a scope
nobody chose is not printed at all, and the volume is the one figure the team entered. Snapshots
frozen before these fields existed lack their keys, so every read has a default.
"""

from datetime import date

from apps.workspace.taxonomy import ABUSE_MEASURES, labels

# Multiple-choice answers printed as lists, one label per ticked key.
LISTED = ("requirements_accepted", "abuse_measures", "hipaa_terms", "verification_plan")


def frozen_labels(request):
    """Labels to freeze with the content: each ticked key of LISTED, and the abuse-prevention
    measures not ticked (the packet names them beside the team's explanation)."""
    ticked = {name: [labels(key, name) for key in request.get(name) or []] for name in LISTED}
    taken = set(request.get("abuse_measures") or [])
    return {"ticked": ticked, "abuse_untaken": [label for key, label in ABUSE_MEASURES if key not in taken]}


def scope(request, display):
    """What the control should cover, as chosen: {"kind": "organization" | "projects" | "", "label",
    "projects"}. Without a choice, project IDs entered before the choice existed still name projects;
    with neither, the scope is unstated (never "all projects")."""
    projects = list(request.get("project_ids") or [])
    kind = request.get("scope") or ("projects" if projects else "")
    label = display.get("scope") or ("Named projects only" if projects else "")
    return {"kind": kind, "label": label, "projects": projects if kind == "projects" else []}


def volume(request):
    """The request's one monthly figure of requests (and tokens). A snapshot frozen before the figure
    existed had only the usages' volumes: their sum was its figure."""
    if "monthly_requests" in request:
        requests = request["monthly_requests"]
    else:
        requests = sum(u.get("monthly_volume") or 0 for u in request.get("usages") or []) or None
    return {"requests": requests, "tokens": request.get("monthly_tokens"), "notes": request.get("expected_volume", "")}


def commitments(request, display):
    """Sections 9 and 10: what the team accepted, the measures replacing OpenAI's abuse monitoring,
    the HIPAA terms (only when HIPAA drives the request), residency, rollout and verification."""
    ticked = display.get("ticked") or {}
    go_live = request.get("go_live")
    return {
        "accepted": ticked.get("requirements_accepted", []),
        "abuse_taken": ticked.get("abuse_measures", []),
        "abuse_untaken": display.get("abuse_untaken", []) if "abuse_measures" in request else [],
        "abuse_notes": request.get("abuse_measures_notes", ""),
        "hipaa": "hipaa" in (request.get("drivers") or []),
        "hipaa_terms": ticked.get("hipaa_terms", []),
        "verification": ticked.get("verification_plan", []),
        "go_live": date.fromisoformat(go_live) if go_live else None,
        "signatory": {
            "name": request.get("signatory_name", ""),
            "title": request.get("signatory_title", ""),
            "email": request.get("signatory_email", ""),
        },
    }
