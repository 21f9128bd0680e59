"""What the organization really used: the Admin API's usage endpoints, read-only, mapped to catalog
endpoints and features, beside what the request declares.

The admin key lives only in `fetch_usage`'s arguments, as in `admin_api`. Everything after the
fetch (`observed`, `compared`) is pure and works on plain dicts."""

import time
from dataclasses import dataclass

import httpx
from django.views.decorators.debug import sensitive_variables

from apps.workspace.observed_findings import use_amount

from .admin_api import AdminApiError


@dataclass(frozen=True)
class UsageKind:
    """One usage endpoint: how to group it, which catalog endpoint a line means, and its volume."""

    key: str
    label: str
    volume_field: str
    volume_unit: str
    endpoint: str = ""  # the catalog path a line stands for ("" when only a feature is known)
    feature: str = ""
    group_by: tuple = ("project_id", "model")


# Completions cover /v1/chat/completions and /v1/responses alike; `batch` tells Batch API traffic apart.
TEXT_GENERATION = ("/v1/responses", "/v1/chat/completions", "/v1/completions")
KINDS = (
    UsageKind("completions", "Text generation", "num_model_requests", "requests",
              group_by=("project_id", "model", "batch")),
    UsageKind("embeddings", "Embeddings", "num_model_requests", "requests", endpoint="/v1/embeddings"),
    UsageKind("moderations", "Moderations", "num_model_requests", "requests", endpoint="/v1/moderations"),
    UsageKind("images", "Images", "num_model_requests", "requests", endpoint="/v1/images/generations"),
    UsageKind("audio_speeches", "Text to speech", "num_model_requests", "requests", endpoint="/v1/audio/speech"),
    UsageKind("audio_transcriptions", "Transcriptions", "num_model_requests", "requests",
              endpoint="/v1/audio/transcriptions"),
    UsageKind("vector_stores", "Vector stores", "usage_bytes", "bytes", endpoint="/v1/vector_stores",
              feature="file_search", group_by=("project_id",)),
    UsageKind("code_interpreter_sessions", "Code interpreter sessions", "num_sessions", "sessions",
              feature="hosted_containers", group_by=("project_id",)),
)
# The models a catalog feature rule is about, matched by name prefix.
MODEL_FEATURES = (("dall-e", "dalle_models"),)
MAX_PAGES = 50
MAX_RETRY_WAIT = 30.0
DAY = 86400


@sensitive_variables("admin_key", "client")
def fetch_usage(*, base_url, admin_key, project_ids, end, days=30, timeout=10.0, retries=3, sleep=time.sleep):
    """Every usage line of the last `days` days before `end` (a Unix time), per kind, for the given
    projects (all projects when empty), following `next_page` and honouring 429 Retry-After."""
    headers = {"Authorization": f"Bearer {admin_key}", "Accept": "application/json"}
    start = int(end) - days * DAY
    lines = []
    with httpx.Client(base_url=base_url, headers=headers, timeout=timeout, follow_redirects=False) as client:
        for kind in KINDS:
            params = {"start_time": start, "end_time": int(end), "bucket_width": "1d", "limit": days + 1,
                      "group_by": list(kind.group_by)}
            if project_ids:
                params["project_ids"] = list(project_ids)
            for bucket in _pages(client, f"/v1/organization/usage/{kind.key}", params, timeout, retries, sleep):
                lines.extend(_line(kind, result) for result in bucket.get("results") or [] if isinstance(result, dict))
    return lines


def _pages(client, path, params, timeout, retries, sleep):
    page = None
    for _ in range(MAX_PAGES):
        body = _get(client, path, {**params, **({"page": page} if page else {})}, timeout, retries, sleep)
        yield from (bucket for bucket in body.get("data") or [] if isinstance(bucket, dict))
        page = body.get("next_page")
        if not body.get("has_more") or not page:
            return
    raise AdminApiError(f"The Admin API's usage answer for {path} had more than {MAX_PAGES} pages; "
                        "narrow the projects in scope and try again.")


def _get(client, path, params, timeout, retries, sleep):
    for attempt in range(retries + 1):
        try:
            response = client.get(path, params=params)
        except httpx.TimeoutException:
            raise AdminApiError(f"The Admin API did not answer within {timeout:g} seconds (usage). "
                                "Try again later.") from None
        except httpx.HTTPError:
            raise AdminApiError("Could not reach the Admin API to read usage. "
                                "Check the network and the configured base URL.") from None
        if response.status_code != 429:
            return _body(response, path)
        if attempt < retries:
            sleep(_retry_after(response.headers.get("Retry-After")))
    raise AdminApiError("The Admin API kept answering 429 Too Many Requests for usage. Try again in a minute.")


def _retry_after(header):
    try:
        return min(max(float(header), 0.0), MAX_RETRY_WAIT)
    except (TypeError, ValueError):
        return 1.0


def _body(response, path):
    status = response.status_code
    if status == 401:
        raise AdminApiError("The Admin API refused the key (401 Unauthorized). Paste an admin key (sk-admin-…) "
                            "of the organization; project and user keys do not work.")
    if status == 403:
        raise AdminApiError("The key may not read usage (403 Forbidden). Use an admin key of an organization owner.")
    if status >= 500:
        raise AdminApiError(f"OpenAI's Admin API had an error ({status}) reading usage. Try again later.")
    if status != 200:
        raise AdminApiError(f"The Admin API answered {status} for {path}.")
    try:
        body = response.json()
    except ValueError:
        raise AdminApiError(f"The Admin API's answer for {path} was not JSON.") from None
    if not isinstance(body, dict):
        raise AdminApiError(f"The Admin API's answer for {path} was not a page of usage buckets.")
    return body


def _line(kind, result):
    volume = result.get(kind.volume_field)
    return {
        "kind": kind.key,
        "project_id": result.get("project_id") or "",
        "model": result.get("model") or "",
        "batch": result.get("batch") is True,
        "volume": volume if isinstance(volume, int) and volume >= 0 else 0,
    }


# Pure from here on.

def line_endpoints(line):
    """The catalog paths a usage line may stand for (one, or the text-generation family)."""
    kind = _KIND[line["kind"]]
    if kind.key == "completions":
        return ("/v1/batches",) if line["batch"] else TEXT_GENERATION
    return (kind.endpoint,) if kind.endpoint else ()


def line_features(line):
    kind = _KIND[line["kind"]]
    features = [kind.feature] if kind.feature else []
    model = line["model"].lower()
    features += [feature for prefix, feature in MODEL_FEATURES if model.startswith(prefix)]
    return features


def observed(lines):
    """Usage lines summed per (project, what it stands for): a list of dicts, largest volume first."""
    totals = {}
    for line in lines:
        if not line["volume"]:
            continue
        kind = _KIND[line["kind"]]
        key = (line["project_id"], line_endpoints(line), tuple(line_features(line)), kind.volume_unit)
        entry = totals.setdefault(key, {
            "project_id": line["project_id"], "endpoints": list(key[1]), "features": list(key[2]),
            "label": _label(kind, line), "unit": kind.volume_unit, "volume": 0, "models": set(),
        })
        # Stored bytes are a level, not a count: the largest day is the figure, not the sum.
        entry["volume"] = max(entry["volume"], line["volume"]) if kind.volume_unit == "bytes" \
            else entry["volume"] + line["volume"]
        if line["model"]:
            entry["models"].add(line["model"])
    result = [{**entry, "models": sorted(entry["models"])} for entry in totals.values()]
    return sorted(result, key=lambda entry: (entry["project_id"], -entry["volume"]))


def _label(kind, line):
    if kind.key == "completions":
        return "Batch API" if line["batch"] else kind.label
    return kind.label


def compared(observed_use, declared, eligibility):
    """Each observed use beside the request's declaration.

    `declared` maps a catalog path to the feature keys its usages use; `eligibility(path, feature)`
    answers "yes", "limited" or "no" under the requested control. An undeclared use that is not
    eligible is a blocker. As in the engine (workspace.observed_findings), a feature counts as declared
    wherever the request uses it: the wizard offers a feature only on the endpoints it applies to, so
    file search is declared on /v1/responses, never on /v1/vector_stores."""
    rows = []
    in_use = {feature for features in declared.values() for feature in features}
    for use in observed_use:
        declared_here = [path for path in use["endpoints"] if path in declared]
        missing_features = [f for f in use["features"] if f not in in_use]
        verdicts = [eligibility(path, None) for path in use["endpoints"]]
        verdicts += [eligibility(path, f) for f in use["features"] for path in use["endpoints"][:1]]
        worst = "no" if "no" in verdicts else "limited" if "limited" in verdicts else "yes"
        is_declared = (bool(declared_here) or not use["endpoints"]) and not missing_features
        severity = "ok" if is_declared else "blocker" if worst == "no" else "warning"
        rows.append({**use, "declared": is_declared, "eligibility": worst, "severity": severity,
                     "amount": use_amount(use["unit"], use["volume"]),
                     "sentence": use_sentence(use, is_declared, worst)})
    return sorted(rows, key=lambda row: SEVERITY_ORDER.index(row["severity"]))


SEVERITY_ORDER = ("blocker", "warning", "info", "ok")
UNDECLARED = {  # the request's finding's verdict on an undeclared use (workspace.observed_findings)
    "no": "; the request does not declare it, and it is not eligible under the requested control.",
    "limited": "; the request does not declare it, and it is eligible with limitations that concern it.",
    "yes": "; the request does not declare it, and it is eligible.",
    "depends": "; the request does not declare it, and whether it is eligible depends on which endpoint it is.",
}


def use_sentence(use, is_declared, worst):
    what = " or ".join(use["endpoints"]) or use["label"]
    if use["features"]:
        what += f" ({', '.join(use['features'])})"
    project = use["project_id"] or "The organization"
    if use["unit"] == "requests":
        sentence = f"{project} called {what} {use['volume']:,} times in the last 30 days"
    elif use["unit"] == "bytes":
        sentence = f"{project} stored up to {use_amount(use['unit'], use['volume'])} in {what} in the last 30 days"
    else:
        sentence = f"{project} used {what} in {use_amount(use['unit'], use['volume'])} in the last 30 days"
    if is_declared:
        return sentence + "; the request declares it."
    return sentence + UNDECLARED.get(worst, "; the request does not declare it.")


_KIND = {kind.key: kind for kind in KINDS}
