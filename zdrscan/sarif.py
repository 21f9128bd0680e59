"""SARIF 2.1.0, the format GitHub code scanning reads: one result per finding, and with a policy one
error per violation, pointing at the line that makes the call."""

from . import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RULES = {
    "openai-endpoint": ("OpenAI API call",
                        "The code calls this OpenAI endpoint; check its data-retention eligibility."),
    "endpoint-not-allowed": ("Endpoint not allowed by the data-retention policy",
                             "The endpoint is outside the scope approved for ZDR/MAM in policy.json."),
    "feature-not-allowed": ("Feature not allowed by the data-retention policy",
                            "The call uses a feature outside the scope approved for ZDR/MAM in policy.json."),
}


def _location(finding):
    return {"physicalLocation": {
        "artifactLocation": {"uri": finding.file, "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": finding.line, "startColumn": finding.column, "snippet": {"text": finding.snippet}},
    }}


def _properties(finding):
    return {"endpoint": finding.endpoint, "features": finding.features, "models": finding.models,
            "confidence": finding.confidence}


def sarif_log(result, violations=None):
    """The SARIF log (a dict) for a ScanResult; violations (from a policy) become error results."""
    rule_ids = list(RULES)
    results = []
    for finding in result.findings:
        detail = f" with {', '.join(finding.features)}" if finding.features else ""
        results.append({
            "ruleId": "openai-endpoint", "ruleIndex": 0, "level": "note",
            "message": {"text": f"Calls {finding.endpoint}{detail} ({finding.confidence})."},
            "locations": [_location(finding)], "properties": _properties(finding),
        })
    for violation in violations or []:
        results.append({
            "ruleId": violation.rule, "ruleIndex": rule_ids.index(violation.rule), "level": "error",
            "message": {"text": violation.message + "."},
            "locations": [_location(violation.finding)],
            "partialFingerprints": {"zdrscan/v1": f"{violation.finding.file}:{violation.rule}:{violation.subject}"},
            "properties": _properties(violation.finding),
        })
    notifications = [{"level": "warning", "message": {"text": f"{item.file}: {item.error}"},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": item.file,
                                                                               "uriBaseId": "%SRCROOT%"}}}]}
                     for item in result.unparsed]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "zdrscan", "version": __version__,
                "rules": [{"id": rule, "name": name.title().replace(" ", "").replace("/", ""),
                           "shortDescription": {"text": name}, "fullDescription": {"text": text},
                           "defaultConfiguration": {"level": "note" if rule == "openai-endpoint" else "error"}}
                          for rule, (name, text) in RULES.items()],
            }},
            "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
            "results": results,
        }],
    }
