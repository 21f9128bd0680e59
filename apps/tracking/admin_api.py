"""The read-only Admin API check: two kinds of GET, never a POST (a POST changes the setting).

The admin key lives only in this call's arguments: it is not stored, logged, put in an
exception message, or handed to the task queue. `compare()` is pure."""

from dataclasses import dataclass, field

import httpx
from django.views.decorators.debug import sensitive_variables

EXPECTED_TYPE = {
    "zdr": "zero_data_retention",
    "mam": "modified_abuse_monitoring",
    "enhanced_zero_data_retention": "enhanced_zero_data_retention",
    "enhanced_modified_abuse_monitoring": "enhanced_modified_abuse_monitoring",
    "zdr_psp": "zero_data_retention",
}
ORGANIZATION_TYPES = frozenset(EXPECTED_TYPE.values())
# How the Admin API reports ZDR with Private Safety Processing is not documented (reference, section
# 6): either ZDR type is accepted for it, and the line says the dashboard is what confirms PSP.
ALSO_ACCEPTED = {"zdr_psp": {"enhanced_zero_data_retention"}}
UNCONFIRMED = {"zdr_psp": "how the Admin API reports PSP is not documented: check that the dashboard's retention "
                          "policy reads “Zero Data Retention with Private Safety Processing”"}
# What "enhanced" adds is not documented either: said when it differs from what was approved.
ENHANCED = {"enhanced_zero_data_retention": "enhanced ZDR, whose additions OpenAI does not document",
            "enhanced_modified_abuse_monitoring": "enhanced MAM, whose additions OpenAI does not document"}
PROJECT_TYPES = ORGANIZATION_TYPES | {"organization_default", "none"}
KEPT_FIELDS = ("object", "type", "id", "project_id")


class AdminApiError(Exception):
    """The check could not be made; the message says what to do, and never contains the key."""


@dataclass
class Comparison:
    outcome: str  # "match" or "mismatch"
    expected: str
    lines: list = field(default_factory=list)  # (subject, reported type, effective type, ok, explanation)

    @property
    def summary(self):
        bad = [line for line in self.lines if not line[3]]
        if not bad:
            return f"Every checked setting is {self.expected}, as approved."
        # Only what differs: the outcome's own label ("Differs from the approval") is shown next to it.
        return "; ".join(f"{subject}: {why}" for subject, _, _, _, why in bad) + "."


def _get(client, path, subject, timeout):
    try:
        response = client.get(path)
    except httpx.TimeoutException:
        raise AdminApiError(f"The Admin API did not answer within {timeout:g} seconds ({subject}). "
                            "Try again later; nothing was recorded as verified.") from None
    except httpx.HTTPError as error:
        raise AdminApiError(_unreachable(client, error)) from None
    if response.status_code == 401:
        raise AdminApiError("The Admin API refused the key (401 Unauthorized). Paste an admin key (sk-admin-…) "
                            "of the approved organization; project and user keys do not work.")
    if response.status_code == 403:
        raise AdminApiError("The key may not read data-retention settings (403 Forbidden). Use an admin key "
                            "of an organization owner.")
    if response.status_code == 404:
        raise AdminApiError(f"The Admin API does not know {subject} (404 Not Found). Check the project ID and "
                            "that the key belongs to the approved organization.")
    if response.status_code != 200:
        raise AdminApiError(f"The Admin API answered {response.status_code} for {subject}.")
    try:
        body = response.json()
    except ValueError:
        raise AdminApiError(f"The Admin API's answer for {subject} was not JSON.") from None
    if not isinstance(body, dict) or not isinstance(body.get("type"), str):
        raise AdminApiError(f"The Admin API's answer for {subject} has no data-retention type.")
    return {k: body[k] for k in KEPT_FIELDS if isinstance(body.get(k), str)}


def _unreachable(client, error):
    """What happened, in words a person can act on: never the exception's class name."""
    where = f"{client.base_url.scheme}://{client.base_url.netloc.decode()}"
    if isinstance(error, httpx.ConnectError):
        what = f"Could not reach the Admin API at {where}: no server answered there."
    elif isinstance(error, httpx.UnsupportedProtocol):
        what = f"Could not reach the Admin API: the configured base URL ({where}) is not an http(s) address."
    else:
        what = f"Could not reach the Admin API at {where}: the connection broke off before an answer came."
    return (f"{what} Check the configured base URL (OPENAI_ADMIN_API_BASE_URL) and this server's network "
            "connection, then try again; nothing was recorded as verified.")


@sensitive_variables("admin_key", "client")
def fetch_retention(*, base_url, admin_key, project_ids, timeout):
    """GET the organization's and each project's data-retention setting."""
    headers = {"Authorization": f"Bearer {admin_key}", "Accept": "application/json"}
    with httpx.Client(base_url=base_url, headers=headers, timeout=timeout, follow_redirects=False) as client:
        organization = _get(client, "/v1/organization/data_retention", "the organization", timeout)
        projects = {
            project_id: _get(client, f"/v1/organization/projects/{project_id}/data_retention",
                             f"project {project_id}", timeout)
            for project_id in project_ids
        }
    return {"organization": organization, "projects": projects}


def compare(*, control, scope, fetched):
    """Compare what the Admin API reports with the approved control. A project set to
    organization_default inherits the organization's type; `none` turns the controls off."""
    if control not in EXPECTED_TYPE:
        raise AdminApiError("The Admin API has no documented type for this control: check it on the dashboard.")
    expected = EXPECTED_TYPE[control]
    accepted = {expected, *ALSO_ACCEPTED.get(control, ())}
    org_type = fetched["organization"]["type"]
    lines = []
    if scope == "organization":
        lines.append(_line("Organization", org_type, org_type, expected, ORGANIZATION_TYPES, accepted, control))
    for project_id, body in fetched["projects"].items():
        reported = body["type"]
        effective = org_type if reported == "organization_default" else reported
        lines.append(_line(f"Project {project_id}", reported, effective, expected, PROJECT_TYPES, accepted, control))
    if not lines:
        lines.append(_line("Organization", org_type, org_type, expected, ORGANIZATION_TYPES, accepted, control))
    outcome = "match" if all(line[3] for line in lines) else "mismatch"
    return Comparison(outcome=outcome, expected=expected, lines=lines)


def _line(subject, reported, effective, expected, known, accepted, control):
    if reported not in known:
        return (subject, reported, effective, False, f"unexpected type “{reported}”")
    if effective in accepted:
        caveat = UNCONFIRMED.get(control)
        return (subject, reported, effective, True, f"as approved; {caveat}" if caveat else "as approved")
    if effective == "none":
        return (subject, reported, effective, False, "data controls are off (none)")
    if effective in ENHANCED:
        return (subject, reported, effective, False, f"{effective} ({ENHANCED[effective]}), not {expected}")
    return (subject, reported, effective, False, f"{effective}, not {expected}")
