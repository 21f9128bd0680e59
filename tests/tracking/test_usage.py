"""Reading the organization's real usage from the Admin API (a local fake over real HTTP) and
setting it beside what the request declares."""

import pytest

from apps.tracking.admin_api import AdminApiError
from apps.tracking.usage import compared, fetch_usage, observed
from tests.fakes.openai_admin import VALID_KEY

END = 1_764_547_200  # 2025-12-01 00:00 UTC


def completions(project, model, requests, *, batch=False):
    return {"object": "organization.usage.completions.result", "project_id": project, "model": model,
            "batch": batch, "num_model_requests": requests, "input_tokens": requests * 100}


def fetch(server, **kwargs):
    waits = []
    lines = fetch_usage(base_url=server.url, admin_key=kwargs.pop("key", VALID_KEY), end=END, timeout=1.0,
                        sleep=waits.append, project_ids=kwargs.pop("project_ids", []), **kwargs)
    return lines, waits


def usage_gets(server, kind):
    return [path for method, path, _ in server.state.requests if f"/usage/{kind}?" in path]


def test_every_page_of_thirty_days_is_read_and_summed(fake_admin_api):
    fake_admin_api.state.usage["completions"] = [
        {"results": [completions("proj_a", "gpt-4.1", 40, batch=True), completions("proj_a", "gpt-4.1", 5)]}
        for _ in range(31)
    ]
    lines, _ = fetch(fake_admin_api)
    use = observed(lines)
    assert {(u["project_id"], u["label"], u["volume"]) for u in use} == {
        ("proj_a", "Batch API", 1240), ("proj_a", "Text generation", 155)}
    assert len(usage_gets(fake_admin_api, "completions")) == 5  # 31 buckets, 7 a page
    first = usage_gets(fake_admin_api, "completions")[0]
    assert "group_by=batch" in first and f"start_time={END - 30 * 86400}" in first


def test_only_the_projects_in_scope_are_asked_for(fake_admin_api):
    fake_admin_api.state.usage["embeddings"] = [{"results": [
        {"project_id": "proj_a", "num_model_requests": 3}, {"project_id": "proj_b", "num_model_requests": 9}]}]
    lines, _ = fetch(fake_admin_api, project_ids=["proj_a"])
    assert [(line["project_id"], line["volume"]) for line in lines] == [("proj_a", 3)]
    assert "project_ids=proj_a" in usage_gets(fake_admin_api, "embeddings")[0]


def test_empty_buckets_mean_nothing_was_used(fake_admin_api):
    fake_admin_api.state.usage["moderations"] = [{"results": []}, {"results": []}]
    lines, _ = fetch(fake_admin_api)
    assert observed(lines) == []


def test_a_429_waits_as_long_as_retry_after_says_then_goes_on(fake_admin_api):
    fake_admin_api.state.rate_limited = 2
    fake_admin_api.state.retry_after = "3"
    fake_admin_api.state.usage["images"] = [{"results": [{"project_id": "proj_a", "model": "dall-e-3",
                                                          "num_model_requests": 2}]}]
    lines, waits = fetch(fake_admin_api)
    assert waits == [3.0, 3.0]
    assert observed(lines)[0]["features"] == ["dalle_models"]


def test_an_endless_429_gives_up_with_words(fake_admin_api):
    fake_admin_api.state.rate_limited = 100
    with pytest.raises(AdminApiError, match="kept answering 429"):
        fetch(fake_admin_api)


@pytest.mark.parametrize(("status", "words"), [(401, "refused the key"), (403, "may not read usage"),
                                                (502, "had an error \\(502\\)")])
def test_refusals_and_server_errors_say_what_happened_without_the_key(fake_admin_api, status, words):
    fake_admin_api.state.usage_status = status
    with pytest.raises(AdminApiError, match=words) as caught:
        fetch(fake_admin_api)
    assert VALID_KEY not in str(caught.value)


def test_a_wrong_key_is_refused(fake_admin_api):
    with pytest.raises(AdminApiError, match="401"):
        fetch(fake_admin_api, key="sk-admin-wrong")


def test_an_unreachable_server_is_named_in_words():
    with pytest.raises(AdminApiError, match="Could not reach the Admin API") as caught:
        fetch_usage(base_url="http://127.0.0.1:9", admin_key=VALID_KEY, project_ids=[], end=END, timeout=0.5)
    assert "Error" not in str(caught.value)


def test_stored_bytes_are_the_largest_day_not_a_sum():
    lines = [{"kind": "vector_stores", "project_id": "proj_a", "model": "", "batch": False, "volume": v}
             for v in (100, 300, 200)]
    [use] = observed(lines)
    assert (use["endpoints"], use["features"], use["volume"]) == (["/v1/vector_stores"], ["file_search"], 300)


def eligible_under_zdr(path, feature):
    return "no" if path == "/v1/batches" or feature in ("file_search", "dalle_models") else "yes"


def test_undeclared_ineligible_use_is_a_blocker_with_its_volume():
    lines = [{"kind": "completions", "project_id": "proj_a", "model": "gpt-4.1", "batch": True, "volume": 1240},
             {"kind": "completions", "project_id": "proj_a", "model": "gpt-4.1", "batch": False, "volume": 90}]
    rows = compared(observed(lines), {"/v1/responses": []}, eligible_under_zdr)
    by_label = {row["label"]: row for row in rows}
    assert by_label["Batch API"]["severity"] == "blocker"
    assert by_label["Batch API"]["sentence"].startswith("proj_a called /v1/batches 1,240 times in the last 30 days")
    assert by_label["Text generation"]["severity"] == "ok"


def test_a_declared_endpoint_without_the_feature_in_use_is_not_declared():
    lines = [{"kind": "vector_stores", "project_id": "proj_a", "model": "", "batch": False, "volume": 10}]
    [row] = compared(observed(lines), {"/v1/vector_stores": []}, eligible_under_zdr)
    assert (row["declared"], row["severity"]) == (False, "blocker")
    [row] = compared(observed(lines), {"/v1/vector_stores": [], "/v1/responses": ["file_search"]},
                     eligible_under_zdr)
    assert (row["declared"], row["severity"]) == (True, "ok")


def test_code_interpreter_sessions_are_declared_by_the_feature_wherever_it_is_used():
    lines = [{"kind": "code_interpreter_sessions", "project_id": "proj_a", "model": "", "batch": False, "volume": 4}]
    [row] = compared(observed(lines), {"/v1/responses": []}, eligible_under_zdr)
    assert row["declared"] is False
    [row] = compared(observed(lines), {"/v1/responses": ["hosted_containers"]}, eligible_under_zdr)
    assert (row["declared"], row["severity"]) == (True, "ok")


def test_rows_put_blockers_first_and_say_amounts_in_words():
    lines = [{"kind": "embeddings", "project_id": "proj_a", "model": "", "batch": False, "volume": 12000},
             {"kind": "vector_stores", "project_id": "proj_a", "model": "", "batch": False, "volume": 52428800}]
    rows = compared(observed(lines), {"/v1/embeddings": []}, eligible_under_zdr)
    assert [(row["severity"], row["amount"]) for row in rows] == [("blocker", "50.0 MB"), ("ok", "12,000 requests")]
    assert rows[0]["sentence"].startswith("proj_a stored up to 50.0 MB in /v1/vector_stores (file_search)")
