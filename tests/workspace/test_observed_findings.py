"""Use the Admin API saw but the request does not declare, judged by the engine: a pure function of
the snapshot (with its observed use) and the catalog. No database."""

import json

import pytest

from apps.workspace.findings import evaluate, evaluate_under
from tests.catalog.shipped import CURRENT

CATALOG = json.loads(CURRENT.read_text())
PROJECT = "proj_NotesAssistant01"


def seen(*endpoints, features=(), volume=1240, unit="requests", read_at="2026-11-30T09:15:00+00:00"):
    return {"source": "admin_api_usage", "project_id": PROJECT, "endpoints": list(endpoints),
            "features": list(features), "models": ["gpt-4.1"], "label": "Batch API", "unit": unit, "volume": volume,
            "window_start": "2026-10-31T09:15:00+00:00", "window_end": "2026-11-30T09:15:00+00:00",
            "read_at": read_at}


def usage(path, *features, usage_id=1):
    return {"id": usage_id, "endpoint_path": path, "models_used": "gpt-5.1", "store": "false",
            "features": list(features), "monthly_volume": 10, "purpose": ""}


def request(*usages, observed=(), **fields):
    return {"id": 1, "requested_control": "zdr", "usages": list(usages) or [usage("/v1/responses")], "flows": [],
            "acknowledgements": {}, "observed_use": list(observed), **fields}


def observed_of(snapshot, control="zdr"):
    return [f for f in evaluate_under(snapshot, CATALOG, control) if f.evidence]


@pytest.mark.parametrize(("snapshot", "expected"), [
    pytest.param(request(observed=[seen("/v1/batches")]), ["blocker"], id="undeclared and not eligible: blocker"),
    pytest.param(request(observed=[seen("/v1/images/edits")]), ["warning"],
                 id="undeclared and eligible with limitations: warning"),
    pytest.param(request(observed=[seen("/v1/embeddings")]), ["info"], id="undeclared and eligible: info"),
    pytest.param(request(usage("/v1/batches"), observed=[seen("/v1/batches")]), [],
                 id="declared: nothing (its usage's findings cover it)"),
    pytest.param(request(), [], id="no usage check: nothing"),
    pytest.param(request(observed=[seen("/v1/responses", "/v1/chat/completions", "/v1/completions")]), [],
                 id="text generation when /v1/responses is declared: nothing"),
    pytest.param(request(usage("/v1/embeddings"), observed=[seen("/v1/responses", "/v1/chat/completions",
                                                                  "/v1/completions")]), ["info"],
                 id="text generation, none declared: every candidate is eligible"),
    pytest.param(request(usage("/v1/images/generations"), observed=[seen("/v1/images/generations",
                                                                          features=["dalle_models"])]),
                 ["blocker"], id="declared endpoint, undeclared blocked feature: blocker"),
    pytest.param(request(observed=[seen(features=["hosted_containers"], unit="sessions", volume=12)]), ["warning"],
                 id="code interpreter sessions, not declared: the feature's warning"),
    pytest.param(request(usage("/v1/responses", "hosted_containers"),
                         observed=[seen(features=["hosted_containers"], unit="sessions", volume=12)]), [],
                 id="code interpreter sessions, declared: nothing"),
])
def test_undeclared_use_is_judged_by_the_catalog(snapshot, expected):
    assert [f.severity for f in observed_of(snapshot)] == expected


def test_the_blocker_says_exactly_what_was_seen_and_cites_the_rule():
    (finding,) = observed_of(request(observed=[seen("/v1/batches")]))
    assert finding.title == f"/v1/batches is used in {PROJECT} but not declared; it is not eligible for ZDR"
    assert finding.detail.startswith(
        f"{PROJECT} called `/v1/batches` 1,240 times in the 30 days from 2026-10-31 to 2026-11-30, according to "
        "the Admin API's usage read on 2026-11-30. The request does not declare it. /v1/batches is not eligible")
    row = next(e for e in CATALOG["endpoints"] if e["path"] == "/v1/batches")
    assert (finding.source_url, finding.as_of) == (row["provenance"]["source"]["url"], row["provenance"]["as_of"])
    assert finding.is_open and finding.usage_id is None and finding.key == f"observed:{PROJECT}:/v1/batches:"


def test_it_blocks_the_request_until_acknowledged_like_any_blocker():
    snapshot = request(observed=[seen("/v1/batches")])
    assert evaluate(snapshot, CATALOG).has_open_blockers
    snapshot["acknowledgements"] = {f"observed:{PROJECT}:/v1/batches:": {"justification": "Nightly re-run."}}
    evaluation = evaluate(snapshot, CATALOG)
    assert not evaluation.has_open_blockers and [f.is_acknowledged for f in evaluation.blockers] == [True]


def test_under_mam_the_same_use_is_eligible():
    assert [f.severity for f in observed_of(request(observed=[seen("/v1/batches")]), "mam")] == ["info"]


def test_a_newer_clean_reading_clears_it():
    """The tracking layer replaces the observed set with each reading: a clean one leaves none."""
    older = request(observed=[seen("/v1/batches")])
    newer = {**older, "observed_use": []}
    assert observed_of(older) and not observed_of(newer)
    assert not evaluate(newer, CATALOG).has_open_blockers


def test_stored_bytes_are_said_as_a_size():
    snapshot = request(observed=[seen("/v1/vector_stores", features=["file_search"], unit="bytes",
                                      volume=3 * 1024 * 1024)])
    (finding,) = observed_of(snapshot)
    assert finding.severity == "blocker"
    assert (f"{PROJECT} stored up to 3.0 MB in `/v1/vector_stores` with Hosted file search (file_search tool) "
            "in the 30 days") in finding.detail


def test_a_family_blocks_only_when_every_endpoint_it_may_be_would(current_document):
    """Text generation may be any of three endpoints: if only one is not eligible, it is not said to block."""
    next(e for e in current_document["endpoints"] if e["path"] == "/v1/completions")["zdr"] = "no"
    family = seen("/v1/responses", "/v1/chat/completions", "/v1/completions")
    (finding,) = [f for f in evaluate_under(request(usage("/v1/embeddings"), observed=[family]), current_document,
                                            "zdr") if f.evidence]
    assert finding.severity == "warning" and "depends on which endpoint it is" in finding.title
    assert "The request declares none of these endpoints. /v1/completions is not eligible for ZDR." in finding.detail


def test_file_search_with_declared_vector_stores_is_judged_where_it_applies():
    """The request declares /v1/vector_stores but never uses file search: the stored vectors say it does,
    and file search is blocked under ZDR (on /v1/responses, where the catalog lists it)."""
    snapshot = request(usage("/v1/vector_stores"), observed=[seen("/v1/vector_stores", features=["file_search"],
                                                                  unit="bytes", volume=2048)])
    (finding,) = observed_of(snapshot)
    assert finding.severity == "blocker" and finding.feature_key == "file_search"
    assert "The request declares `/v1/vector_stores` but not Hosted file search" in finding.detail
