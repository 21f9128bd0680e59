"""Checks of a usage beyond its endpoint's column and its features' effects, for findings.py:
a feature that needs store=true on a usage that sets store=false, HIPAA against the catalog's BAA
rule, and endpoints a catalog's changelog removed. Pure; `make` is the engine's Finding factory."""


def _sentences(*parts):
    return " ".join(part.strip() for part in parts if part and part.strip())


def store_finding(key, feature, path, reading, make):
    """A feature that needs store=true does not work on a usage that sets store=false."""
    if not feature or not feature.get("requires_store") or path not in feature["endpoints"]:
        return []
    if reading.store is not False:
        return []
    how = "sets store=false" if reading.store_explicit else "leaves store unset, and it defaults to false here"
    return [make("warning", f"{feature['name']} needs store=true", f"This usage {how}, so it will not work.",
                 feature_key=key, feature=feature, suffix=":store",
                 remediation="Set store=true where the control allows it, or stop using the feature.")]


def baa_findings(row, used, features, path, context, make):
    """HIPAA among the drivers: PHI may only go where a BAA covers it. Only the catalog's BAA rule
    says which endpoints that is (version 1 catalogs have none, so nothing is said)."""
    rule = context["catalog"].get("baa")
    if not context["hipaa"] or not rule or row is None:
        return []
    status = {"signed": "The signed BAA does not cover it.", "wanted": "The BAA the team wants would not cover it.",
              "none": "The request says no BAA is needed, but HIPAA is among its drivers."}
    said = _sentences(rule["text"], status.get(context["baa_status"], "No BAA status is given yet."))
    remedy = "Keep PHI away from it, or use a BAA-covered (ZDR-eligible) endpoint or feature instead."
    found = []
    if rule["covers"] == "zdr_eligible" and row["zdr"] == "no":
        found.append(make("blocker", f"HIPAA: {path} is not covered by a BAA", said, remediation=remedy,
                          rule=rule, suffix=":baa"))
    for key in used:
        feature = features.get(key)
        if feature and path in feature["endpoints"] and feature.get("baa_covered") is False:
            found.append(make("blocker", f"HIPAA: {feature['name']} is not covered by a BAA", said,
                              feature_key=key, feature=feature, remediation=feature["remediation"] or remedy,
                              rule=feature, suffix=":baa"))
    return found


def removals(catalog):
    """Endpoint paths the catalog's changelog removed, each with its change."""
    return {path: change for change in catalog.get("changelog") or () for path in change.get("endpoints") or ()
            if not any(e["path"] == path for e in catalog["endpoints"])}
