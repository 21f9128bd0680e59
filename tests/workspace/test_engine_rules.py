"""The engine against the newest shipped catalog, one case per rule: every endpoint under every
control, and every feature rule on every endpoint it is listed for. The cases are read from the
catalog file, so a row added to it is checked too; each id names the rule it checks. No database."""

import json

import pytest

from apps.workspace.controls import CONTROLS, control_specs
from apps.workspace.findings import evaluate, evaluate_under
from tests.catalog.shipped import CURRENT

CATALOG = json.loads(CURRENT.read_text())
SPECS = control_specs(CATALOG)
SEVERITY_OF_EFFECT = {"blocked": "blocker", "limited": "warning", "ignored": "warning", "allowed": None}


def request(*usages, control="zdr", **fields):
    return {"id": 1, "requested_control": control, "usages": list(usages), "flows": [], "acknowledgements": {},
            **fields}


def usage(path, *features, store="", models="gpt-5.1", usage_id=1):
    return {"id": usage_id, "endpoint_path": path, "models_used": models, "store": store, "features": list(features),
            "monthly_volume": 10, "purpose": ""}


def endpoint_cases():
    for row in CATALOG["endpoints"]:
        unlinked = any(isinstance(lim, dict) and not lim.get("features") for lim in row["limitations"])
        for control in CONTROLS:
            eligibility = row[SPECS[control].column]
            expected = {"no": "blocker", "yes": "info"}.get(eligibility, "warning" if unlinked else "info")
            yield pytest.param(row["path"], control, expected, id=f"endpoint {row['path']} under {control}")


def feature_cases():
    for feature in CATALOG["features"]:
        for path in feature["endpoints"]:
            for control in CONTROLS:
                effect = feature[f"under_{SPECS[control].features_as}"]
                yield pytest.param(feature["key"], path, control, SEVERITY_OF_EFFECT[effect],
                                   id=f"feature {feature['key']} on {path} under {control}")


@pytest.mark.parametrize(("path", "control", "expected"), list(endpoint_cases()))
def test_endpoint_rule(path, control, expected):
    findings = evaluate_under(request(usage(path, store="false")), CATALOG, control)
    endpoint = next(f for f in findings if f.key == "usage:1:endpoint")
    assert endpoint.severity == expected
    row = next(e for e in CATALOG["endpoints"] if e["path"] == path)
    assert (endpoint.source_url, endpoint.as_of) == (row["provenance"]["source"]["url"], row["provenance"]["as_of"])


@pytest.mark.parametrize(("key", "path", "control", "expected"), list(feature_cases()))
def test_feature_rule(key, path, control, expected):
    feature = next(f for f in CATALOG["features"] if f["key"] == key)
    store = "true" if feature.get("requires_store") else ""
    findings = evaluate_under(request(usage(path, key, store=store)), CATALOG, control)
    own = [f for f in findings if f.key == f"usage:1:feature:{key}"]
    assert [f.severity for f in own if f.severity != "info"] == ([expected] if expected else [])
    for finding in own:
        assert finding.source_url == feature["provenance"]["source"]["url"]
        assert finding.as_of == feature["provenance"]["as_of"]


@pytest.mark.parametrize("feature", [f for f in CATALOG["features"] if f.get("model_patterns")],
                         ids=lambda f: f"models named for {f['key']}")
def test_model_rule_applies_when_the_usage_names_a_matching_model(feature):
    path = feature["endpoints"][0]
    named = evaluate_under(request(usage(path, models="gpt-image-1, DALL-E-3")), CATALOG, "zdr")
    plain = evaluate_under(request(usage(path, models="gpt-image-1")), CATALOG, "zdr")

    finding = next(f for f in named if f.feature_key == feature["key"])
    assert finding.severity == SEVERITY_OF_EFFECT[feature["under_zdr"]]
    assert "dall-e-3 named in this usage" in finding.detail
    assert not [f for f in plain if f.feature_key == feature["key"]]


def test_a_model_that_requires_retention_blocks_every_control_it_is_blocked_under():
    catalog = json.loads(CURRENT.read_text())
    catalog["features"].append({
        **next(f for f in catalog["features"] if f["key"] == "dalle_models"),
        "key": "retention_models", "name": "Models that require retention", "endpoints": ["/v1/responses"],
        "under_mam": "blocked", "model_patterns": ["o9-retained*"], "remediation": "Use another model.",
    })
    for control in ("zdr", "mam"):
        findings = evaluate_under(request(usage("/v1/responses", models="o9-retained-pro", store="false")),
                                  catalog, control)
        assert [f.key for f in findings if f.severity == "blocker"] == ["usage:1:feature:retention_models"]


def test_store_left_unset_on_responses_follows_its_default_true():
    findings = evaluate_under(request(usage("/v1/responses")), CATALOG, "zdr")
    store = next(f for f in findings if f.feature_key == "store_true")
    assert store.severity == "warning" and "defaults to true" in store.detail


def test_store_false_on_responses_leaves_no_limitation_to_answer():
    findings = evaluate_under(request(usage("/v1/responses", store="false")), CATALOG, "zdr")
    assert [f.severity for f in findings] == ["info"]
    assert "none of its limitations concerns this usage" in findings[0].title


def test_store_set_to_an_unknown_value_is_refused():
    with pytest.raises(ValueError, match="Unknown store choice"):
        evaluate_under(request(usage("/v1/responses", store="maybe")), CATALOG, "zdr")


def test_background_mode_is_not_zdr_compatible_and_mam_relies_on_it():
    zdr = evaluate_under(request(usage("/v1/responses", "background_mode", store="true")), CATALOG, "zdr")
    mam = evaluate_under(request(usage("/v1/responses", "background_mode", store="true")), CATALOG, "mam")
    blocker = next(f for f in zdr if f.key == "usage:1:feature:background_mode")
    assert blocker.severity == "blocker" and "breaks ZDR's guarantees" in blocker.detail
    assert "developers.openai.com/api/docs/guides/background" in blocker.source_url
    assert not [f for f in mam if f.severity == "blocker"]


def test_background_mode_with_store_false_says_it_needs_store_true():
    findings = evaluate_under(request(usage("/v1/responses", "background_mode", store="false")), CATALOG, "mam")
    assert [f.key for f in findings if f.severity == "warning"] == ["usage:1:feature:background_mode:store"]


def test_previous_response_id_is_reported_by_developers_with_the_link_and_names_fc_items():
    findings = evaluate_under(request(usage("/v1/responses", "previous_response_id", store="true")), CATALOG, "zdr")
    finding = next(f for f in findings if f.key == "usage:1:feature:previous_response_id")
    assert finding.confidence == "reported" and finding.unconfirmed
    assert finding.source_url == "https://github.com/openai/codex/issues/106"
    assert "`fc_…`" in finding.detail and "`rs_…`" in finding.detail


def test_hosted_file_search_and_the_conversation_parameter_block_zdr():
    findings = evaluate_under(request(usage("/v1/responses", "file_search", "conversation", store="false")),
                              CATALOG, "zdr")
    assert [f.key for f in findings if f.severity == "blocker"] == [
        "usage:1:feature:file_search", "usage:1:feature:conversation"]


def test_hipaa_with_an_endpoint_a_baa_does_not_cover_is_a_blocker():
    snapshot = request(usage("/v1/files"), usage("/v1/embeddings", usage_id=2), control="mam",
                       drivers=["hipaa"], baa_status="signed")
    findings = evaluate(snapshot, CATALOG).findings
    baa = [f for f in findings if f.key.endswith(":baa")]
    assert [f.key for f in baa] == ["usage:1:endpoint:baa"]
    assert "The signed BAA does not cover it." in baa[0].detail


def test_hipaa_with_live_web_search_is_a_blocker_and_offline_is_not():
    snapshot = request(usage("/v1/responses", "web_search_live", store="false"),
                       usage("/v1/responses", "web_search_offline", store="false", usage_id=2), drivers=["hipaa"])
    blockers = [f.key for f in evaluate_under(snapshot, CATALOG, "zdr") if f.severity == "blocker"]
    assert blockers == ["usage:1:feature:web_search_live:baa"]


def test_without_hipaa_no_baa_finding():
    findings = evaluate_under(request(usage("/v1/files")), CATALOG, "mam")
    assert not [f for f in findings if f.key.endswith(":baa")]


def test_videos_usage_is_told_the_endpoint_was_removed_and_when():
    findings = evaluate_under(request(usage("/v1/videos")), CATALOG, "mam")
    assert findings[0].severity == "blocker"
    assert findings[0].title == "/v1/videos was removed on 2026-09-24"
    assert "shut down on 2026-09-24" in findings[0].detail


def test_the_mid_2025_structured_outputs_fact_is_not_a_current_confirmed_limitation():
    findings = evaluate_under(request(usage("/v1/responses", "structured_output_schemas", store="false")),
                              CATALOG, "zdr")
    finding = next(f for f in findings if f.feature_key == "structured_output_schemas")
    assert finding.unconfirmed and finding.as_of == "2025-07-01"
    assert "no longer" in finding.detail


def test_live_sessions_list_their_limitation_instead_of_check_the_source():
    findings = evaluate_under(request(usage("/v1/live/sessions", store="true")), CATALOG, "zdr")
    assert not any("check the source" in point for f in findings for point in f.points)
    assert any("30 days when the session is stored" in point for f in findings for point in f.points)


def test_a_newer_control_is_checked_against_its_own_column():
    snapshot = request(usage("/v1/embeddings"), control="private_retention_psp")
    result = evaluate(snapshot, CATALOG)
    assert result.control == "private_retention_psp"
    assert [f.key for f in result.blockers] == ["usage:1:endpoint"]
    assert evaluate(request(usage("/v1/embeddings"), control="zdr_psp"), CATALOG).blockers == ()


def test_a_version_1_catalog_cites_its_page_and_says_it_is_inherited(shipped_document):
    finding = evaluate_under(request(usage("/v1/batches")), shipped_document, "zdr")[0]
    assert finding.source_url == shipped_document["sources"][0]["url"]
    assert finding.citations[0]["inherited"] is True


@pytest.mark.parametrize("row", [e for e in CATALOG["endpoints"] if e["zdr"] != "yes"], ids=lambda e: e["path"])
def test_every_endpoint_with_a_zdr_limit_lists_it_once_and_says_what_to_do(row):
    texts = [lim["text"] for lim in row["limitations"]]
    assert len(texts) == len(set(texts))
    assert texts or row["zdr"] == "no"  # "with limitations" names them; "no" is said by the column
    assert row["remediation"].strip()


def test_responses_lists_no_non_limitation():
    responses = next(e for e in CATALOG["endpoints"] if e["path"] == "/v1/responses")
    texts = " ".join(lim["text"] for lim in responses["limitations"])
    assert "Organizations without ZDR" not in texts and "keeps nothing" not in texts
    assert "Structured Outputs" not in texts
