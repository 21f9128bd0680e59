"""Use the Admin API sees but the request does not declare becomes the request's own finding: stored
with the usage check (together or not at all), shown where the decision is made, and blocking the
request until it is declared, stopped or acknowledged."""

import re

from django.urls import reverse

from apps.tracking.drift import scope_check
from apps.tracking.models import DriftAlert, UsageCheck
from apps.workspace.models import ObservedUse
from apps.workspace.selectors import Assessment, request_get
from tests.fakes.openai_admin import VALID_KEY

from .test_usage_check import PROJECT, batches_and_responses, run

SENTENCE = re.compile(rf"{PROJECT} called <code>/v1/batches</code> 1,240 times in the 30 days from "
                      r"(\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d), according to the Admin API&#x27;s usage read on "
                      r"(\d{4}-\d\d-\d\d)\.")
KEY = f"observed:{PROJECT}:/v1/batches:"


def assessment(zdr_request):
    return Assessment(request_get(organization=zdr_request.organization, request_id=zdr_request.pk))


def review(client, zdr_request):
    return client.get(reverse("workspace:step", args=[zdr_request.pk, "review"])).content.decode()


def test_the_check_stores_what_it_saw_with_its_window(client_for, clinic, alice, fake_admin_api):
    batches_and_responses(fake_admin_api)
    run(client_for(alice), clinic)
    check = UsageCheck.objects.get()
    uses = {tuple(use.endpoints): use for use in ObservedUse.objects.filter(request=clinic)}
    batch = uses[("/v1/batches",)]
    assert (batch.project_id, batch.volume, batch.unit, batch.model_names) == (PROJECT, 1240, "requests", ["gpt-4.1"])
    assert batch.read_at == batch.window_end == check.ran_at
    assert (batch.window_end - batch.window_start).days == 30
    assert len(uses) == 2  # the declared text generation is kept too: declaring is judged when findings are


def test_a_failing_admin_api_stores_nothing_and_keeps_the_last_reading(client_for, clinic, alice, fake_admin_api):
    batches_and_responses(fake_admin_api)
    client = client_for(alice)
    run(client, clinic)
    before = list(ObservedUse.objects.values_list("pk", "volume"))
    fake_admin_api.state.usage_status = 502
    page = run(client, clinic).content.decode()
    assert "had an error (502)" in page
    assert UsageCheck.objects.count() == 1 and list(ObservedUse.objects.values_list("pk", "volume")) == before


def test_a_refused_key_on_the_first_check_leaves_the_request_without_observed_use(client_for, clinic, alice,
                                                                                    fake_admin_api):
    batches_and_responses(fake_admin_api)
    run(client_for(alice), clinic, key="sk-admin-wrong")
    assert not ObservedUse.objects.exists() and not assessment(clinic).evaluation.observed


def test_undeclared_batch_traffic_is_an_open_blocker_on_the_review_step(client_for, clinic, alice, fake_admin_api):
    client = client_for(alice)
    assert not assessment(clinic).evaluation.has_open_blockers  # the clinic is complete before the check
    batches_and_responses(fake_admin_api)
    run(client, clinic)
    evaluation = assessment(clinic).evaluation
    assert [f.key for f in evaluation.open_blockers] == [KEY]
    page = review(client, clinic)
    start, end, read = SENTENCE.search(page).groups()
    assert end == read and start < end
    assert f'id="finding-{KEY}"' in page
    assert "Resolve or acknowledge: /v1/batches is used in proj_NotesAssistant01 but not declared" in page
    assert "1 open blocker under ZDR" in page
    usage_step = client.get(reverse("workspace:step", args=[clinic.pk, "usage"])).content.decode()
    assert "In use, but not declared here" in usage_step and SENTENCE.search(usage_step)


def test_the_usage_check_page_says_where_to_declare_or_acknowledge_it(client_for, clinic, alice, fake_admin_api):
    batches_and_responses(fake_admin_api)
    page = run(client_for(alice), clinic).content.decode()
    usage = reverse("workspace:step", args=[clinic.pk, "usage"])
    review_url = reverse("workspace:step", args=[clinic.pk, "review"])
    assert f'<a href="{usage}#observed-use">Declare it on the Endpoint usage step</a>' in page
    assert f'<a href="{review_url}#findings">acknowledge or answer it on the Review step</a>' in page


def test_acknowledging_it_closes_the_blocker_like_any_other(client_for, clinic, alice, fake_admin_api):
    batches_and_responses(fake_admin_api)
    client = client_for(alice)
    run(client, clinic)
    client.post(reverse("workspace:acknowledge", args=[clinic.pk]),
                {"key": KEY, "justification": "Nightly re-summaries, PHI-free.", "next_step": "review"})
    evaluation = assessment(clinic).evaluation
    assert not evaluation.has_open_blockers and evaluation.blockers[0].is_acknowledged
    assert "Blocker, acknowledged" in review(client, clinic)


def test_declaring_it_turns_it_into_its_usage_s_own_findings(client_for, clinic, alice, fake_admin_api):
    batches_and_responses(fake_admin_api)
    client = client_for(alice)
    run(client, clinic)
    client.post(reverse("workspace:item_add", args=[clinic.pk, "usages"]), {"endpoint_path": "/v1/batches"})
    evaluation = assessment(clinic).evaluation
    assert not evaluation.observed
    assert any(f.usage_id and f.endpoint_path == "/v1/batches" for f in evaluation.open_blockers)


def test_a_clean_newer_check_clears_it(client_for, clinic, alice, fake_admin_api):
    batches_and_responses(fake_admin_api)
    client = client_for(alice)
    run(client, clinic)
    fake_admin_api.state.usage = {}
    run(client, clinic)
    assert not ObservedUse.objects.exists() and not assessment(clinic).evaluation.observed
    assert UsageCheck.objects.first().outcome == "declared"


def test_another_organization_never_sees_it(client_for, clinic, alice, charlie, fake_admin_api):
    batches_and_responses(fake_admin_api)
    run(client_for(alice), clinic)
    assert client_for(charlie).get(reverse("workspace:step", args=[clinic.pk, "review"])).status_code == 404


def test_the_key_is_never_stored_with_the_observed_use(client_for, clinic, alice, fake_admin_api):
    batches_and_responses(fake_admin_api)
    run(client_for(alice), clinic)
    assert VALID_KEY not in str(list(ObservedUse.objects.values()))


def test_after_approval_it_is_one_drift_alert_not_two(client_for, approved, alice, fake_admin_api):
    """The usage check raises drift for what it saw; the scope check after a usage edit must not raise
    the same use again as an open blocker."""
    batches_and_responses(fake_admin_api)
    run(client_for(alice), approved)
    assert scope_check(request_id=approved.pk) is None
    assert DriftAlert.objects.count() == 1


def test_the_usage_check_page_grades_a_use_as_the_request_s_finding_does(client_for, clinic, alice, fake_admin_api):
    """Embeddings the clinic does not declare: eligible, so the request notes it and blocks nothing;
    the check's page says the same, not a warning of its own."""
    fake_admin_api.state.usage["embeddings"] = [{"results": [
        {"project_id": PROJECT, "model": "text-embedding-3-small", "num_model_requests": 310}]}]
    page = run(client_for(alice), clinic).content.decode()
    finding = next(f for f in assessment(clinic).evaluation.findings if f.key.startswith("observed:"))
    check = UsageCheck.objects.get()
    row = next(row for row in check.rows if not row["declared"])
    assert (finding.severity, row["severity"]) == ("info", "info")
    assert "it is eligible." in row["sentence"] and "Eligible" in page and "not eligible" not in row["sentence"]
    assert not assessment(clinic).evaluation.has_open_blockers
