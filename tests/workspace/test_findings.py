"""The eligibility engine over a table of cases, against the shipped catalog. No database."""

import copy

import pytest

from apps.workspace.findings import GENERIC_REMEDIATION, evaluate, evaluate_under


def usage(usage_id, path, *features):
    return {"id": usage_id, "endpoint_path": path, "models": "gpt-5.1", "features": list(features),
            "monthly_volume": 1000}


def request(*usages, control="zdr", acknowledgements=None):
    return {"id": 7, "title": "Clinic notes", "requested_control": control, "usages": list(usages),
            "flows": [], "acknowledgements": acknowledgements or {}}


CLINIC = (usage(12, "/v1/responses", "file_inputs"), usage(13, "/v1/batches"))
CLINIC_FIXED = (usage(12, "/v1/responses", "file_inputs"), usage(13, "/v1/responses"))

# (usages, control, expected blocker keys, expected warning keys), keys in order.
CASES = {
    "clinic under ZDR: Batch blocks": (
        CLINIC, "zdr", ["usage:13:endpoint"], ["usage:12:feature:file_inputs"],
    ),
    "clinic with Batch replaced by Responses": (CLINIC_FIXED, "zdr", [], ["usage:12:feature:file_inputs"]),
    "plain Responses calls: no limitation concerns them": ((usage(1, "/v1/responses"),), "zdr", [], []),
    "background mode brings its limitation": (
        (usage(1, "/v1/responses", "background_mode"),), "zdr", [], ["usage:1:feature:background_mode"],
    ),
    "chat completions: the model-specific limitation always applies": (
        (usage(1, "/v1/chat/completions"),), "zdr", [], ["usage:1:endpoint"],
    ),
    "clinic under MAM: Batch allowed": (CLINIC, "mam", [], ["usage:12:feature:file_inputs"]),
    "assistants under ZDR": ((usage(1, "/v1/assistants"),), "zdr", ["usage:1:endpoint"], []),
    "store=true is ignored under ZDR": (
        (usage(1, "/v1/responses", "store_true"),), "zdr", [], ["usage:1:feature:store_true"],
    ),
    "store=true is fine under MAM": ((usage(1, "/v1/responses", "store_true"),), "mam", [], []),
    "previous_response_id blocks ZDR": (
        (usage(1, "/v1/responses", "previous_response_id"),), "zdr",
        ["usage:1:feature:previous_response_id"], ["usage:1:endpoint"],
    ),
    "previous_response_id is fine under MAM": ((usage(1, "/v1/responses", "previous_response_id"),), "mam", [], []),
    "dall-e on image generations blocks ZDR": (
        (usage(1, "/v1/images/generations", "dalle_models"),), "zdr",
        ["usage:1:feature:dalle_models"], ["usage:1:endpoint"],
    ),
    "videos block ZDR": ((usage(1, "/v1/videos"),), "zdr", ["usage:1:endpoint"], []),
    "videos block MAM too": ((usage(1, "/v1/videos"),), "mam", ["usage:1:endpoint"], []),
    "endpoint missing from this catalog version": ((usage(1, "/v1/decisions"),), "zdr", ["usage:1:endpoint"], []),
    "embeddings are plainly eligible": ((usage(1, "/v1/embeddings"),), "zdr", [], []),
    "feature not applicable to the endpoint": ((usage(1, "/v1/embeddings", "background_mode"),), "zdr", [], []),
    "no usages": ((), "zdr", [], []),
}


@pytest.mark.parametrize(("usages", "control", "blockers", "warnings"), CASES.values(), ids=CASES.keys())
def test_engine_table(shipped_document, usages, control, blockers, warnings):
    result = evaluate(request(*usages, control=control), shipped_document)

    assert result.control == control
    assert [f.key for f in result.blockers] == blockers
    assert [f.key for f in result.warnings] == warnings
    assert all(f.control == control for f in result.findings)
    assert all(f.remediation.strip() for f in result.blockers)


def test_batch_blocker_says_what_to_do_instead(shipped_document):
    (blocker,) = evaluate(request(*CLINIC), shipped_document).blockers

    assert blocker.title == "/v1/batches is not eligible for ZDR"
    assert "synchronous calls" in blocker.remediation
    assert blocker.usage_id == 13 and blocker.endpoint_path == "/v1/batches" and blocker.feature_key is None
    assert "Until deleted" in blocker.detail


def test_clinic_warnings_explain_only_the_limitations_that_apply(shipped_document):
    result = evaluate(request(*CLINIC_FIXED), shipped_document)
    (file_inputs,) = result.warnings
    said = " ".join(f.detail + " ".join(f.points) for f in result.findings)

    assert file_inputs.feature_key == "file_inputs"
    assert [p for p in file_inputs.points if "CSAM" in p]
    for unused in ("Background mode", "Remote MCP", "web search", "containers", "Audio state"):
        assert unused not in said
    infos = {f.key: f for f in result.infos}
    assert infos["usage:13:endpoint"].title == (
        "/v1/responses is eligible for ZDR; none of its limitations concerns this usage")
    # Usage 12's file-input limitation is listed with the feature: its endpoint never says "none concerns it".
    assert infos["usage:12:endpoint"].title == (
        "/v1/responses is eligible for ZDR; the limitations that concern this usage are listed under File inputs")


def test_a_ticked_feature_lists_its_endpoint_limitation_once(shipped_document):
    result = evaluate(request(usage(1, "/v1/responses", "background_mode", "image_inputs", "file_inputs")),
                      shipped_document)
    points = [p for f in result.warnings for p in f.points]

    assert [f.key for f in result.warnings] == [
        "usage:1:feature:background_mode", "usage:1:feature:image_inputs", "usage:1:feature:file_inputs"]
    assert any(p.startswith("Background mode keeps response data") for p in points)
    assert len([p for p in points if "CSAM" in p]) == 1


def test_a_catalog_without_feature_links_still_lists_every_limitation(shipped_document):
    doc = copy.deepcopy(shipped_document)
    for row in doc["endpoints"]:
        row["limitations"] = [item if isinstance(item, str) else item["text"] for item in row["limitations"]]

    (warning,) = evaluate(request(usage(1, "/v1/responses")), doc).warnings

    assert len(warning.points) == 10 and warning.key == "usage:1:endpoint"


def test_a_warning_counts_as_answered_only_with_written_text(shipped_document):
    snapshot = request(usage(1, "/v1/responses", "background_mode"), usage(2, "/v1/chat/completions"))
    snapshot["warning_answers"] = {"usage:1:feature:background_mode": {"text": "We poll within a minute."},
                                   "usage:2:endpoint": {"text": "   "}}

    result = evaluate(snapshot, shipped_document)

    assert [f.key for f in result.unanswered_warnings] == ["usage:2:endpoint"]
    assert result.warnings[0].answer == {"text": "We poll within a minute."}


def test_store_true_warning_says_responses_cannot_be_retrieved(shipped_document):
    result = evaluate(request(usage(1, "/v1/responses", "store_true")), shipped_document)
    (warning,) = [f for f in result.warnings if f.feature_key == "store_true"]

    assert "ignored" in warning.title
    assert "cannot be retrieved" in warning.detail
    assert "store=false" in warning.remediation


def test_unconfirmed_behaviour_is_flagged(shipped_document):
    (blocker,) = evaluate(request(usage(1, "/v1/responses", "previous_response_id")), shipped_document).blockers

    assert blocker.unconfirmed is True
    assert "encrypted_content" in blocker.remediation


def test_unknown_endpoint_names_the_catalog_date(shipped_document):
    (blocker,) = evaluate(request(usage(1, "/v1/decisions")), shipped_document).blockers

    assert blocker.title == "/v1/decisions is not in the catalog as of 2026-09-22"
    assert blocker.remediation


def test_non_applicable_and_unknown_features_are_info_not_errors(shipped_document):
    result = evaluate(request(usage(1, "/v1/embeddings", "background_mode", "teleportation")), shipped_document)
    infos = {f.key: f for f in result.infos}

    assert "does not apply to /v1/embeddings" in infos["usage:1:feature:background_mode"].title
    assert "not in the catalog" in infos["usage:1:feature:teleportation"].title
    assert infos["usage:1:endpoint"].title == "/v1/embeddings is eligible for ZDR"


def test_usage_without_endpoint_yet_is_info(shipped_document):
    result = evaluate(request(usage(1, "", "store_true")), shipped_document)

    assert [(f.severity, f.key) for f in result.findings] == [("info", "usage:1:endpoint")]


def test_blocker_without_catalog_remediation_gets_a_generic_one(shipped_document):
    doc = copy.deepcopy(shipped_document)
    next(f for f in doc["features"] if f["key"] == "dalle_models")["remediation"] = ""

    (blocker,) = evaluate(request(usage(1, "/v1/images/edits", "dalle_models")), doc).blockers

    assert blocker.remediation == GENERIC_REMEDIATION


def test_feature_allowed_now_but_blocked_earlier_notes_the_dated_change(shipped_document):
    doc = copy.deepcopy(shipped_document)
    background = next(f for f in doc["features"] if f["key"] == "background_mode")
    background["under_zdr"] = "allowed"

    (info,) = [f for f in evaluate(request(usage(1, "/v1/responses", "background_mode")), doc).infos if f.feature_key]

    assert "blocked in earlier versions" in info.title
    assert "from 2025-12-01 to 2026-04-09" in info.detail


def test_limited_feature_with_history_mentions_the_old_rule(shipped_document):
    result = evaluate(request(usage(1, "/v1/responses", "hosted_containers")), shipped_document)
    (warning,) = [f for f in result.warnings if f.feature_key == "hosted_containers"]

    assert "Changed: blocked under ZDR" in warning.detail


def test_acknowledged_blocker_stays_listed_but_is_not_open(shipped_document):
    ack = {"justification": "Batch runs only on synthetic data.", "by": "alice@example.com",
           "at": "2026-11-26T10:00:00+00:00"}
    result = evaluate(request(*CLINIC, acknowledgements={"usage:13:endpoint": ack}), shipped_document)

    (blocker,) = result.blockers
    assert blocker.acknowledgement == ack
    assert not blocker.is_open
    assert result.open_blockers == ()
    assert not result.has_open_blockers


def test_acknowledgement_without_justification_does_not_close_the_blocker(shipped_document):
    ack = {"justification": "  ", "by": "alice@example.com", "at": "2026-11-26T10:00:00+00:00"}
    result = evaluate(request(*CLINIC, acknowledgements={"usage:13:endpoint": ack}), shipped_document)

    assert result.has_open_blockers


RECOMMENDATIONS = {
    "background mode alone (limited now) -> ZDR": ((usage(1, "/v1/responses", "background_mode"),), "zdr", None),
    "previous_response_id -> MAM": (
        (usage(1, "/v1/responses", "previous_response_id"),), "mam", "previous_response_id",
    ),
    "batch -> MAM": (CLINIC, "mam", "/v1/batches"),
    "videos block both -> ZDR after remediation": (
        (usage(1, "/v1/videos"), usage(2, "/v1/batches")), "zdr", "/v1/videos",
    ),
    "no usages -> ZDR": ((), "zdr", None),
}


@pytest.mark.parametrize(("usages", "expected", "named"), RECOMMENDATIONS.values(), ids=RECOMMENDATIONS.keys())
def test_recommendation(shipped_document, usages, expected, named):
    result = evaluate(request(*usages, control=""), shipped_document)

    assert result.requested_control == "" and not result.chosen
    assert result.recommendation.control == expected
    assert result.control == expected
    assert result.recommendation.reasons
    if named:
        assert any(named in reason for reason in result.recommendation.reasons)


def test_recommendation_to_mam_offers_the_design_change_too(shipped_document):
    result = evaluate(request(usage(1, "/v1/responses", "previous_response_id"), control="recommend"), shipped_document)
    (reason,) = result.recommendation.reasons

    assert "MAM keeps it available" in reason and "store=false" in reason


def test_recommendation_is_advice_when_a_control_was_requested(shipped_document):
    result = evaluate(request(*CLINIC, control="zdr"), shipped_document)

    assert result.control == "zdr"
    assert result.recommendation.control == "mam"


def test_acknowledged_blockers_do_not_push_the_recommendation(shipped_document):
    ack = {"justification": "Accepted: legacy ZDR key.", "by": "alice@example.com", "at": "2026-11-26T10:00:00+00:00"}
    snapshot = request(*CLINIC, control="recommend", acknowledgements={"usage:13:endpoint": ack})

    recommendation = evaluate(snapshot, shipped_document).recommendation
    assert recommendation.control == "zdr"
    assert recommendation.reasons == (
        "Nothing open blocks ZDR, but 1 blocker is acknowledged: not eligible, used anyway with a justification.",
    )


def test_order_is_blockers_warnings_info_then_usage_order(shipped_document):
    snapshot = request(usage(1, "/v1/embeddings"), usage(2, "/v1/responses", "file_inputs", "previous_response_id"),
                       usage(3, "/v1/batches"))
    result = evaluate(snapshot, shipped_document)

    assert [(f.severity, f.key) for f in result.findings] == [
        ("blocker", "usage:2:feature:previous_response_id"),
        ("blocker", "usage:3:endpoint"),
        ("warning", "usage:2:endpoint"),
        ("warning", "usage:2:feature:file_inputs"),
        ("info", "usage:1:endpoint"),
    ]
    assert [f.key for f in result.for_usage(2)] == [
        "usage:2:feature:previous_response_id", "usage:2:endpoint", "usage:2:feature:file_inputs",
    ]


def test_keys_are_stable_across_evaluations_and_controls(shipped_document):
    snapshot = request(usage(5, "/v1/responses", "store_true", "file_inputs", "store_true"))
    zdr_keys = [f.key for f in evaluate_under(snapshot, shipped_document, "zdr")]

    assert zdr_keys == [f.key for f in evaluate(snapshot, shipped_document).findings]
    assert set(zdr_keys) == {"usage:5:endpoint", "usage:5:feature:store_true", "usage:5:feature:file_inputs"}
    assert {f.key for f in evaluate_under(snapshot, shipped_document, "mam")} <= set(zdr_keys)


def test_every_finding_names_its_source_and_date(shipped_document):
    everything = [usage(i, e["path"], *[f["key"] for f in shipped_document["features"]])
                  for i, e in enumerate(shipped_document["endpoints"])]
    for control in ("zdr", "mam"):
        findings = evaluate_under(request(*everything), shipped_document, control)
        assert findings
        assert all(f.source_url == "https://developers.openai.com/api/docs/guides/your-data" for f in findings)
        assert all(f.as_of == "2026-09-22" for f in findings)
        assert all(f.remediation.strip() for f in findings if f.severity == "blocker")


def test_inputs_are_not_modified(shipped_document):
    snapshot = request(*CLINIC)
    before = (copy.deepcopy(snapshot), copy.deepcopy(shipped_document))

    evaluate(snapshot, shipped_document)

    assert (snapshot, shipped_document) == before


def test_unknown_requested_control_is_refused(shipped_document):
    with pytest.raises(ValueError, match="requested control"):
        evaluate(request(control="eyes_off"), shipped_document)


def test_no_usages_means_no_findings_and_zdr(shipped_document):
    result = evaluate(request(control="recommend"), shipped_document)

    assert result.findings == ()
    assert result.control == "zdr"
    assert result.recommendation.reasons == ("All endpoints and features in use are ZDR-eligible.",)


HIPAA_TEAM = {"drivers": ["hipaa"], "data_categories": ["user.health_and_medical"]}
STATEFUL = (usage(1, "/v1/assistants"), usage(2, "/v1/batches"))


def test_application_state_under_mam_is_a_warning_for_regulated_data(shipped_document):
    result = evaluate({**request(*STATEFUL, control="mam"), **HIPAA_TEAM}, shipped_document)

    (assistants,) = result.for_usage(1)
    assert assistants.severity == "warning" and assistants.needs_answer
    assert assistants.title == "/v1/assistants keeps regulated data as application state until deleted under MAM"
    assert "stays at OpenAI until it is deleted" in assistants.points[0] and "HIPAA / PHI" in assistants.points[0]
    assert not result.has_open_blockers and len(result.unanswered_warnings) == 2


def test_application_state_under_mam_stays_an_info_without_regulated_data(shipped_document):
    result = evaluate(request(*STATEFUL, control="mam"), shipped_document)
    assert [f.severity for f in result.findings] == ["info", "info"] and result.regulated == ()


def test_regulated_data_is_advised_zdr_with_what_mam_would_keep(shipped_document):
    result = evaluate({**request(*STATEFUL, control=""), **HIPAA_TEAM}, shipped_document)

    assert result.recommendation.control == "zdr" and result.control == "zdr"
    lead, *fixes = result.recommendation.reasons
    assert lead.startswith("Your data is regulated (HIPAA / PHI, Health and medical records (PHI)): ZDR is usually")
    assert "/v1/assistants (until deleted), /v1/batches (until deleted)" in lead
    assert [fix.split(" → ")[0] for fix in fixes] == ["/v1/assistants is not eligible for ZDR",
                                                      "/v1/batches is not eligible for ZDR"]


def test_the_controls_are_compared_side_by_side(shipped_document):
    result = evaluate({**request(*STATEFUL, usage(3, "/v1/responses"), control=""), **HIPAA_TEAM}, shipped_document)
    zdr, mam = result.options

    assert (zdr.label, zdr.recommended, mam.label, mam.recommended) == ("ZDR", True, "MAM", False)
    assert zdr.open_blockers == ("/v1/assistants", "/v1/batches")
    assert mam.open_blockers == () and mam.warnings == 2
    assert mam.keeps[:2] == ("/v1/assistants: application state until deleted",
                             "/v1/batches: application state until deleted")
    assert "unless every request sends store=false" in mam.keeps[2]
    assert all("not eligible" in kept for kept in zdr.keeps)
    assert "excluded from abuse-monitoring logs" in zdr.abuse_logs == mam.abuse_logs


def test_the_old_recommend_value_counts_as_not_chosen(shipped_document):
    result = evaluate(request(*CLINIC, control="recommend"), shipped_document)
    assert result.requested_control == "" and not result.chosen and result.control == "mam"
