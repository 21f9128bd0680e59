"""The eligibility engine: what one catalog version says about a request's endpoint usage.

`evaluate(snapshot, catalog)` is a pure function of plain dicts (the request snapshot and a catalog
document in the data file's shape), so the wizard, the packet and the tests get the same answer
without a database. The rules, and why:

- An endpoint the catalog version does not list is a blocker: we cannot vouch for something the
  source does not mention (it may have been removed, as /v1/videos was).
- The endpoint's column for the control (`zdr` or `mam`) decides: "no" blocks, with the row's
  remediation; "limited" warns with the limitations that apply to this usage, because OpenAI's
  reviewers expect the team to say how it handles each; "yes" is an info, so the reader sees that
  every endpoint was checked.
- A limitation linked to features applies only when the usage uses one of them (the clinic's plain
  /v1/responses calls are not concerned by background mode or remote MCP); an unlinked one always
  applies. A linked limitation is listed on its feature's warning, so the team answers for it once;
  when no limitation applies, the endpoint is an info.
- A feature counts only on the endpoints the catalog lists it for. Its effect under the control:
  "blocked" blocks; "limited" warns; "ignored" warns too, because the call still succeeds but the
  feature silently does nothing (store=true becomes false under ZDR, so stored responses cannot be
  retrieved): a breakage to plan for, not a refusal. "allowed" says nothing, unless the feature was
  blocked under ZDR in an earlier catalog version: teams remember the old rule, so the dated change
  is noted. Features unknown to the catalog or not applicable to the endpoint are info, never a crash.
- Regulated data (advice.regulated_reasons) on an endpoint that keeps application state, under a
  control that allows the endpoint (MAM), is a warning, not an info: the control removes the
  abuse-monitoring logs but the state (stored PHI, say) stays until deleted, and the team must
  say how it handles that.
- A usage is read whole (usage_reading.py): its `store` choice against the endpoint's default, the
  models it names (matched against the catalog's model patterns) and its ticked features.
- A feature that needs store=true, on a usage that sets store=false, warns: it will not work.
- An endpoint a newer catalog removed (its changelog says when and why) is a blocker naming that
  change; HIPAA among the drivers makes every endpoint or feature a BAA does not cover a blocker.
- Use the Admin API saw in the request's projects but the request does not declare is judged by
  the same rules (observed_findings.py): not eligible is a blocker of the request itself.
- Every finding cites its rule's own source, date and confidence (provenance.py): a limitation's or
  feature's own where it has one, else its endpoint row's, else (version 1 catalogs) the version's.
- A blocker acknowledged with a justification stays listed (it is part of the record) but is no
  longer open. A warning is answered when the team has written how it handles it (or why it does
  not apply); the catalog's remediation is advice to the team, never its answer.
"""

from apps.catalog.limitations import limitations_of
from apps.catalog.provenance import provenance_of

from .advice import keeps_application_state, options, recommend, regulated_reasons
from .advice import stateful_in_use as _stateful_in_use
from .controls import BASE_CONTROLS, CONTROL_LABELS, CONTROLS, control_spec
from .evaluation import Evaluation, Finding
from .observed_findings import observed_findings
from .usage_checks import baa_findings, removals, store_finding
from .usage_reading import read_usage

NOT_CHOSEN = ("", None, "recommend")  # "recommend" was the old default: it never was the team's choice
__all__ = ["CONTROLS", "CONTROL_LABELS", "Evaluation", "Finding", "evaluate", "evaluate_under", "recommend"]
SEVERITIES = ("blocker", "warning", "info")
GENERIC_REMEDIATION = (
    "Replace it with an endpoint or feature that the catalog lists as eligible, or move this workload to a "
    "separate project without data controls that never receives sensitive data."
)
UNKNOWN_ENDPOINT_REMEDIATION = (
    "Use an endpoint that the catalog lists as eligible, or check the path against OpenAI's current data "
    "controls page and load a newer catalog version."
)
# A feature's effect under a control -> (severity, title). "allowed" yields no finding of its own.
FEATURE_EFFECTS = {
    "blocked": ("blocker", "{name} cannot be used under {control}"),
    "limited": ("warning", "{name}: allowed under {control} with limitations"),
    "ignored": ("warning", "{name} is ignored under {control}"),
}


def evaluate(snapshot, catalog):
    """Findings for the snapshot's usages under its requested control, plus advice.

    ZDR and MAM are always evaluated, because the advice compares them side by side; until the
    team has chosen a control, the findings are shown under the advised one.
    """
    requested = snapshot.get("requested_control")
    if requested not in (*CONTROLS, *NOT_CHOSEN):
        raise ValueError(f"Unknown requested control: {requested!r}")
    requested = requested if requested in CONTROLS else ""
    under = {control: evaluate_under(snapshot, catalog, control) for control in BASE_CONTROLS}
    endpoints = {e["path"]: e for e in catalog["endpoints"]}
    regulated = regulated_reasons(snapshot)
    recommendation = recommend(under["zdr"], under["mam"], regulated, _stateful_in_use(snapshot, endpoints))
    control = requested or recommendation.control
    findings = under[control] if control in under else evaluate_under(snapshot, catalog, control)
    return Evaluation(
        control=control, requested_control=requested, findings=findings, recommendation=recommendation,
        options=options(snapshot, endpoints, under, recommendation.control), regulated=regulated,
    )


def evaluate_under(snapshot, catalog, control):
    """The findings under one control: blockers, then warnings, then info; within each, in usage
    order with the endpoint before its features."""
    if control not in CONTROLS:
        raise ValueError(f"Unknown control: {control!r}")
    spec = control_spec(catalog, control)
    endpoints = {e["path"]: e for e in catalog["endpoints"]}
    features = {f["key"]: f for f in catalog["features"]}
    context = {
        "control": control, "label": CONTROL_LABELS[control], "as_of": str(catalog["as_of"]),
        "column": spec.column, "effects": spec.features_as, "catalog": catalog,
        "acks": snapshot.get("acknowledgements") or {}, "answers": snapshot.get("warning_answers") or {},
        "removed": removals(catalog), "hipaa": "hipaa" in (snapshot.get("drivers") or []),
        "baa_status": snapshot.get("baa_status") or "", "regulated": regulated_reasons(snapshot),
    }
    found = []
    for usage in snapshot.get("usages") or []:
        found.extend(_usage_findings(usage, endpoints, features, context))
    found.extend(observed_findings(snapshot, endpoints, features, context, _usage_findings))
    return tuple(sorted(found, key=lambda f: SEVERITIES.index(f.severity)))


def _usage_findings(usage, endpoints, features, context):
    usage_id = usage.get("id")
    path = (usage.get("endpoint_path") or "").strip()
    catalog = context["catalog"]

    def make(severity, title, detail, *, feature_key=None, feature=None, remediation="", points=(), rule=None,
             citations=(), suffix=""):
        key = f"usage:{usage_id}:endpoint" if feature_key is None else f"usage:{usage_id}:feature:{feature_key}"
        key += suffix
        if severity == "blocker" and not remediation.strip():
            remediation = GENERIC_REMEDIATION
        own = provenance_of(rule if rule is not None else (feature or {}), catalog)
        cited = tuple(dict.fromkeys(c for c in (own, *citations)))
        return Finding(
            key=key, severity=severity, control=context["control"], title=title, detail=detail,
            usage_id=usage_id, endpoint_path=path, feature_key=feature_key, remediation=remediation,
            source_url=own.url, as_of=own.as_of, source_title=own.title, confidence=own.confidence,
            citations=tuple(c.as_dict() for c in cited),
            unconfirmed=bool(feature and feature.get("unconfirmed")) or any(c.is_reported for c in cited),
            acknowledgement=context["acks"].get(key), points=tuple(points),
            answer=context["answers"].get(key) if severity == "warning" else None,
        )

    if not path:
        # Not an eligibility problem yet: completeness reports the missing endpoint.
        return [make("info", "No endpoint chosen for this usage yet", "Pick an endpoint to check its eligibility.")]
    row = endpoints.get(path)
    reading = read_usage(usage, row, features)
    limits = _applicable_limitations(row, reading.features, context)
    found, carried = [], []  # carried: the features whose warnings list the row's limitations
    for key in reading.features:
        linked = [lim for lim in limits if key in lim.features]
        finding = _feature_finding(key, features.get(key), path, context, make, linked, reading.derived.get(key), row)
        if finding is not None:
            found.append(finding)
            if finding.severity == "warning":
                limits = [lim for lim in limits if lim.text not in finding.points]
                if finding.points:
                    carried.append(features[key]["name"])
        found.extend(store_finding(key, features.get(key), path, reading, make))
    found.extend(baa_findings(row, reading.features, features, path, context, make))
    return [_endpoint_finding(path, row, limits, context, make, carried), *found]


def _applicable_limitations(row, used, context):
    """The row's limitations that concern this usage, when its column is "limited"."""
    if row is None or row[context["column"]] != "limited":
        return []
    return [lim for lim in limitations_of(row) if lim.applies_to(used)]


def _citations(limitations, row, catalog):
    parent = provenance_of(row, catalog)
    return tuple(provenance_of({"provenance": lim.provenance}, catalog, parent=parent) for lim in limitations)


def _endpoint_finding(path, row, limits, context, make, carried=()):
    label, as_of = context["label"], context["as_of"]
    if row is None:
        removal = context["removed"].get(path)
        if removal is not None:
            return make("blocker", f"{path} was removed on {removal['date']}", _sentences(removal["text"]),
                        remediation=UNKNOWN_ENDPOINT_REMEDIATION, rule=removal)
        return make(
            "blocker", f"{path} is not in the catalog as of {as_of}",
            f"The catalog version of {as_of} does not list {path} (it may have been removed or renamed), "
            "so its eligibility cannot be shown.",
            remediation=UNKNOWN_ENDPOINT_REMEDIATION,
        )
    retention = (f"{row['name']}: abuse-monitoring logs {row['abuse_monitoring_retention']}; "
                 f"application state {row['application_state_retention']}.")
    eligibility = row[context["column"]]
    every = limitations_of(row)
    catalog = context["catalog"]
    if eligibility == "no":
        detail = _sentences(retention, row["zdr_note"], *(lim.text for lim in every))
        return make("blocker", f"{path} is not eligible for {label}", detail, remediation=row["remediation"],
                    rule=row, citations=_citations(every, row, catalog))
    points = [lim.text for lim in limits]
    if eligibility == "limited" and not every:
        points = ["The catalog marks it eligible with limitations without listing them; check the source."]
    if eligibility != "no" and context["regulated"] and keeps_application_state(row):
        return _state_warning(path, row, points, context, make)
    if eligibility == "limited" and points:
        return make("warning", f"{path} is eligible for {label} with limitations", _sentences(*points),
                    remediation=row["remediation"], points=points, rule=row,
                    citations=_citations(limits, row, catalog))
    if eligibility == "limited" and carried:
        # Never "none concerns this usage" while a feature's warning lists one of the row's limitations.
        names = ", ".join(carried)
        return make("info", f"{path} is eligible for {label}; the limitations that concern this usage are listed "
                            f"under {names}", f"{retention} The catalog lists {len(every)} "
                    f"limitation{'s' if len(every) > 1 else ''} for it; those that concern this usage are about "
                    f"{names}, the others about features this usage does not use.", rule=row)
    if eligibility == "limited":
        return make("info", f"{path} is eligible for {label}; none of its limitations concerns this usage",
                    f"{retention} The catalog lists {len(every)} limitation{'s' if len(every) > 1 else ''} "
                    "for it, each about a feature this usage does not use.", rule=row)
    return make("info", f"{path} is eligible for {label}", retention, rule=row)


def _state_warning(path, row, points, context, make):
    state = row["application_state_retention"].lower()
    kept = (f"Under {context['label']}, {path} keeps application state {state}: what these calls store "
            f"({', '.join(context['regulated'])}) stays at OpenAI until it is deleted. {context['label']} only "
            "removes the abuse-monitoring logs.")
    return make("warning", f"{path} keeps regulated data as application state {state} under {context['label']}",
                _sentences(kept, row["zdr_note"]), remediation=row["remediation"], points=[kept, *points])


def _feature_finding(key, feature, path, context, make, linked=(), why=None, row=None):
    label, as_of, effects = context["label"], context["as_of"], context["effects"]
    if feature is None:
        return make("info", f"Feature “{key}” is not in the catalog as of {as_of}",
                    "The catalog does not describe it, so it was not checked.", feature_key=key)
    name = feature["name"]
    if path not in feature["endpoints"]:
        return make("info", f"{name} does not apply to {path}",
                    f"The catalog lists it for {', '.join(feature['endpoints'])} only; it does not change "
                    "eligibility here.", feature_key=key, feature=feature)
    earlier = _earlier_zdr_blocks(feature, as_of) if effects == "zdr" else []
    because = f"It counts for this usage because of the {why}." if why else ""
    detail = _sentences(feature[f"under_{effects}_text"], because, *earlier)
    effect = feature[f"under_{effects}"]
    row_citations = _citations(linked, row or {}, context["catalog"]) if linked else ()
    if effect in FEATURE_EFFECTS:
        severity, title = FEATURE_EFFECTS[effect]
        warning = severity == "warning"
        return make(severity, title.format(name=name, control=label), detail, feature_key=key, feature=feature,
                    remediation=feature["remediation"], points=[lim.text for lim in linked] if warning else (),
                    citations=row_citations if warning else ())
    if earlier:
        return make("info", f"{name}: allowed under {label} now; blocked in earlier versions", detail,
                    feature_key=key, feature=feature, remediation=feature["remediation"])
    return None


def _earlier_zdr_blocks(feature, as_of):
    return [
        f"Changed: blocked under ZDR from {entry['from']} to {entry['to']}. {entry['text']}"
        for entry in feature.get("history") or []
        if entry["under_zdr"] == "blocked" and entry["to"] <= as_of
    ]


def _sentences(*parts):
    return " ".join(part.strip() for part in parts if part and part.strip())
