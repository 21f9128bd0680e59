"""The CI gate: a policy.json exported by the portal for an approved request, and the findings it
does not allow.

    {"control": "zdr", "catalog_version": "2026-09-22", "projects": ["proj_abc"],
     "allowed": {"endpoints": ["/v1/responses"], "features": ["image_inputs"]}}
"""

import json
from dataclasses import dataclass

# The portal's controls (apps/workspace/controls.py), spelled out: this library imports no Django app.
CONTROLS = {"zdr", "mam", "zdr_psp", "private_retention_psp", "safety_retention"}


class PolicyError(ValueError):
    """The policy file is unreadable or malformed; the message says what to fix."""


@dataclass(frozen=True)
class Policy:
    control: str
    catalog_version: str
    projects: tuple
    endpoints: frozenset
    features: frozenset


@dataclass(frozen=True)
class Violation:
    finding: object
    rule: str  # "endpoint-not-allowed" or "feature-not-allowed"
    subject: str  # the endpoint path or the feature key
    control: str

    @property
    def message(self):
        control = self.control.upper()
        if self.rule == "endpoint-not-allowed":
            return f"{self.subject} is not in the endpoints allowed under this {control} policy"
        return f"{self.subject} (on {self.finding.endpoint}) is not in the features allowed under this {control} policy"


def policy_load(path):
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as error:
        raise PolicyError(f"cannot read the policy file {path}: {error.strerror or error}") from error
    except json.JSONDecodeError as error:
        raise PolicyError(f"the policy file {path} is not JSON: {error.msg} at line {error.lineno}") from error
    return policy_parse(data)


def policy_parse(data):
    if not isinstance(data, dict):
        raise PolicyError("the policy must be a JSON object")
    control = data.get("control")
    if control not in CONTROLS:
        raise PolicyError(f'"control" must be one of {sorted(CONTROLS)}, not {control!r}')
    allowed = data.get("allowed")
    if not isinstance(allowed, dict):
        raise PolicyError('"allowed" must be an object with "endpoints" and "features" lists')
    lists = {}
    for key in ("endpoints", "features"):
        value = allowed.get(key)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise PolicyError(f'"allowed.{key}" must be a list of strings')
        lists[key] = frozenset(value)
    bad = sorted(path for path in lists["endpoints"] if not path.startswith("/v1/"))
    if bad:
        raise PolicyError(f'"allowed.endpoints" holds catalog paths such as "/v1/responses", not {bad[0]!r}')
    projects = data.get("projects", [])
    if not isinstance(projects, list) or not all(isinstance(item, str) for item in projects):
        raise PolicyError('"projects" must be a list of project ids')
    version = data.get("catalog_version", "")
    if not isinstance(version, str):
        raise PolicyError('"catalog_version" must be a string such as "2026-09-22"')
    return Policy(control=control, catalog_version=version, projects=tuple(projects),
                  endpoints=lists["endpoints"], features=lists["features"])


def policy_violations(policy, findings):
    """Every endpoint and feature in the findings that the policy does not allow, in file order."""
    violations = []
    for finding in findings:
        if finding.endpoint not in policy.endpoints:
            violations.append(Violation(finding, "endpoint-not-allowed", finding.endpoint, policy.control))
        violations.extend(Violation(finding, "feature-not-allowed", feature, policy.control)
                          for feature in finding.features if feature not in policy.features)
    return violations
