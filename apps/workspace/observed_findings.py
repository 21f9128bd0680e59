"""Findings about use that a source outside the request saw (the Admin API's usage, stored by the
tracking layer as ObservedUse) but the request does not declare. Pure, for findings.py.

- Declared use says nothing here: the declared usage's own findings cover it. A use counts as
  declared when the request has a usage of one of the endpoints it may stand for and every feature
  it implies is used somewhere in the request (ticked, or implied by a usage's store choice or models).
- Otherwise the engine's own usage rules judge it (the findings a usage of the endpoint with those
  features would have), so an undeclared use is held to exactly the rules a declared one
  is, and cites the same sources. Undeclared and not eligible is a blocker, the request's own, to
  resolve or acknowledge like any other; eligible with limitations is a warning to answer; eligible
  is an info, so the reader still sees it was checked.
- A usage line can stand for a family of endpoints (text generation is /v1/responses or
  /v1/chat/completions or /v1/completions): it blocks only when every one of them would; when only
  some would, it is a warning that says which.
"""

from dataclasses import replace
from datetime import datetime

from .usage_reading import read_usage

RANK = {"blocker": 0, "warning": 1, "info": 2}
SOURCES = {"admin_api_usage": "the Admin API's usage"}


def use_amount(unit, volume):
    """A usage volume as a reader says it: "1,240 requests", "1.5 MB" (stored bytes)."""
    if unit != "bytes":
        return f"{volume:,} {unit}"
    size = float(volume)
    for name in ("bytes", "KB", "MB"):
        if size < 1024:
            return f"{size:,.0f} {name}" if name == "bytes" else f"{size:,.1f} {name}"
        size /= 1024
    return f"{size:,.1f} GB"


def observed_findings(snapshot, endpoints, features, context, usage_findings):
    """`endpoints` and `features` are the catalog's rows by path and by key; `usage_findings` is the
    engine's rule set for one usage (findings._usage_findings)."""
    quiet = {**context, "acks": {}, "answers": {}}  # the rules' own keys are never acknowledged here

    def judge(path, used):
        return usage_findings({"id": None, "endpoint_path": path, "features": list(used)}, endpoints, features, quiet)

    used_features = {key for u in snapshot.get("usages") or []
                     for key in read_usage(u, endpoints.get((u.get("endpoint_path") or "").strip()), features).features}
    feature_names = {key: feature["name"] for key, feature in features.items()}
    declared_paths = {(u.get("endpoint_path") or "").strip() for u in snapshot.get("usages") or []}
    found = []
    for use in snapshot.get("observed_use") or []:
        paths = list(use["endpoints"])
        missing = [key for key in use["features"] if key not in used_features]
        declared_here = [path for path in paths if path in declared_paths]
        if (declared_here or not paths) and not missing or not (paths or use["features"]):
            continue
        finding = _finding(use, declared_here, missing, feature_names, context, judge)
        if finding is not None:
            found.append(finding)
    return found


def _finding(use, declared_here, missing, feature_names, context, judge):
    endpoints, catalog = list(use["endpoints"]), context["catalog"]
    if declared_here or not endpoints:
        # The endpoint is declared (or none is known): only the features it lacks are judged, on the
        # declared endpoints they apply to, else on those the catalog lists them for (file search is
        # judged on /v1/responses, not on /v1/vector_stores, where it does not apply).
        paths = [path for path in declared_here if _feature_paths(missing, catalog, path)]
        verdicts = {path: _rules(judge(path, missing), _feature_paths(missing, catalog, path), features_only=True)
                    for path in paths or _feature_paths(missing, catalog)}
    else:
        verdicts = {path: _rules(judge(path, use["features"]), use["features"]) for path in endpoints}
    verdicts = {path: rules for path, rules in verdicts.items() if rules}
    if not verdicts:
        return None
    worst = {path: rules[0].severity for path, rules in verdicts.items()}
    if all(severity == "blocker" for severity in worst.values()):
        severity, chosen = "blocker", [r for rules in verdicts.values() for r in rules if r.severity == "blocker"]
    elif any(severity != "info" for severity in worst.values()):
        severity, chosen = "warning", [r for rules in verdicts.values() for r in rules if r.severity != "info"]
    else:
        severity, chosen = "info", [rules[0] for rules in verdicts.values()]
    return _make(use, severity, chosen, worst, declared_here, missing, feature_names, context)


def _rules(findings, features, features_only=False):
    """The rule findings that concern the use itself (not what a default `store` would imply), worst first."""
    keep = [f for f in findings if f.feature_key in features or (f.feature_key is None and not features_only)]
    return sorted(keep, key=lambda f: RANK[f.severity])


def _feature_paths(keys, catalog, path=None):
    """The endpoints the catalog lists these features for; with `path`, the features that apply to it."""
    if path is not None:
        return [f["key"] for f in catalog["features"] if f["key"] in keys and path in f["endpoints"]]
    return list(dict.fromkeys(p for f in catalog["features"] if f["key"] in keys for p in f["endpoints"]))


def _make(use, severity, chosen, worst, declared_here, missing, feature_names, context):
    label = context["label"]
    project = use["project_id"] or "the organization"
    names = [feature_names.get(key, key) for key in missing]
    what = _what(use, declared_here, names, feature_names, str)
    eligibility = {"blocker": "no", "info": "yes", "warning": "limited"}[severity]
    if severity == "warning" and "blocker" in worst.values():
        eligibility = "depends"
    verdict = {"no": f"it is not eligible for {label}", "yes": f"it is eligible for {label}",
               "limited": f"it is eligible for {label} with limitations",
               "depends": f"whether it is eligible for {label} depends on which endpoint it is"}[eligibility]
    key = f"observed:{use['project_id']}:{'|'.join(use['endpoints'])}:{'|'.join(use['features'])}"
    first = chosen[0]
    citations = tuple(dict.fromkeys(tuple(sorted(c.items())) for f in chosen for c in f.citations))
    evidence = {**_evidence(use, _what(use, declared_here, names, feature_names, lambda path: f"`{path}`")),
                "eligibility": eligibility, "endpoint_declared": bool(declared_here) or not use["endpoints"]}
    detail = " ".join([evidence["sentence"], _declared(use, declared_here, names), *_verdict_lines(chosen)])
    remedy = (f"Declare it on the Endpoint usage step if the team keeps it (its usage's findings then apply), "
              f"or stop calling it from {project}.")
    return replace(
        first, key=key, severity=severity, title=f"{what} is used in {project} but not declared; {verdict}",
        detail=detail, usage_id=None, endpoint_path=" or ".join(declared_here or use["endpoints"]),
        feature_key=missing[0] if declared_here and len(missing) == 1 else None,
        # A warning's remediation is shown as the catalog's advice: only a blocker's carries ours.
        remediation=f"{remedy} {first.remediation}" if severity == "blocker" else first.remediation,
        citations=tuple(dict(c) for c in citations), unconfirmed=any(f.unconfirmed for f in chosen),
        points=tuple(dict.fromkeys(p for f in chosen for p in f.points)),
        acknowledgement=context["acks"].get(key) if severity == "blocker" else None,
        answer=context["answers"].get(key) if severity == "warning" else None, evidence=evidence,
    )


def _what(use, declared_here, names, feature_names, code):
    """What was used, named as the catalog names it; `code` marks up a path."""
    if declared_here:
        return f"{' and '.join(names)} on {' or '.join(map(code, declared_here))}"
    if not use["endpoints"]:
        return " and ".join(names)
    extra = [feature_names.get(key, key) for key in use["features"]]
    return " or ".join(map(code, use["endpoints"])) + (f" with {' and '.join(extra)}" if extra else "")


def _evidence(use, what):
    """What was seen, said exactly: who, what, how much, over which days, from which source and when."""
    start, end = datetime.fromisoformat(use["window_start"]), datetime.fromisoformat(use["window_end"])
    days = round((end - start).total_seconds() / 86400)
    window = f"in the {days} days from {start:%Y-%m-%d} to {end:%Y-%m-%d}"
    read = use["read_at"][:10]
    project = use["project_id"] or "The organization"
    amount = use_amount(use["unit"], use["volume"])
    if use["unit"] == "requests":
        seen = f"{project} called {what} {use['volume']:,} times {window}"
    elif use["unit"] == "bytes":
        seen = f"{project} stored up to {amount} in {what} {window}"
    else:
        seen = f"{project} used {what} in {amount} {window}"
    source = SOURCES.get(use["source"], use["source"])
    return {
        "source": use["source"], "project_id": use["project_id"], "endpoints": list(use["endpoints"]),
        "features": list(use["features"]), "what": what, "amount": amount, "window_start": f"{start:%Y-%m-%d}",
        "window_end": f"{end:%Y-%m-%d}", "read_at": read,
        "sentence": f"{seen}, according to {source} read on {read}.",
    }


def _declared(use, declared_here, names):
    if declared_here:
        return f"The request declares {' or '.join(f'`{p}`' for p in declared_here)} but not {' or '.join(names)}."
    if len(use["endpoints"]) > 1:
        return "The request declares none of these endpoints."
    return "The request does not declare it."


def _verdict_lines(chosen):
    return [title if title.endswith(".") else f"{title}." for title in dict.fromkeys(f.title for f in chosen)]
