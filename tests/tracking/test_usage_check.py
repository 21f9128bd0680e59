"""The usage check in the portal: an editor pastes an admin key, sees each real use beside the
request's declaration; after approval, undeclared use raises drift, also on the schedule."""

from django.urls import reverse

from apps.tracking.models import DriftAlert, UsageCheck
from apps.tracking.usage_checks import usage_checks_due, usage_checks_scheduled
from tests.fakes.openai_admin import VALID_KEY

PROJECT = "proj_NotesAssistant01"


def batches_and_responses(server):
    server.state.usage["completions"] = [{"results": [
        {"project_id": PROJECT, "model": "gpt-4.1", "batch": True, "num_model_requests": 1240},
        {"project_id": PROJECT, "model": "gpt-4.1", "batch": False, "num_model_requests": 88},
    ]}]


def run(client, zdr_request, key=VALID_KEY):
    return client.post(reverse("tracking:usage_check", args=[zdr_request.pk]), {"admin_key": key}, follow=True)


def test_the_page_says_what_it_reads_and_what_to_do_before_any_check(client_for, clinic, alice):
    page = client_for(alice).get(reverse("tracking:usage_check", args=[clinic.pk])).content.decode()
    assert "No usage check yet" in page and PROJECT in page and 'type="password"' in page


def test_undeclared_batch_traffic_is_a_blocker_with_its_volume(client_for, clinic, alice, fake_admin_api):
    batches_and_responses(fake_admin_api)
    page = run(client_for(alice), clinic).content.decode()
    assert f"{PROJECT} called /v1/batches 1,240 times in the last 30 days" in page
    assert "Blocker" in page and "Endpoint usage" in page
    check = UsageCheck.objects.get()
    assert check.outcome == "undeclared" and len(check.blockers) == 1
    assert VALID_KEY not in str(check.rows) + check.summary
    declared = next(row for row in check.rows if not row["endpoints"] == ["/v1/batches"])
    assert declared["declared"] is True and declared["severity"] == "ok"
    assert not DriftAlert.objects.exists()  # not approved yet: a finding, not drift


def test_a_refused_key_is_said_on_the_form_and_nothing_is_stored(client_for, clinic, alice, fake_admin_api):
    page = run(client_for(alice), clinic, key="sk-admin-wrong").content.decode()
    assert "refused the key (401 Unauthorized)" in page
    assert not UsageCheck.objects.exists()


def test_a_scheduled_check_that_fails_is_tried_again_later(approved, fake_admin_api, settings):
    settings.OPENAI_ADMIN_KEY = "sk-admin-revoked"
    assert usage_checks_scheduled() == 0
    assert usage_checks_due() == [approved]


def test_after_approval_undeclared_use_raises_drift_once(client_for, approved, alice, fake_admin_api):
    batches_and_responses(fake_admin_api)
    client = client_for(alice)
    run(client, approved)
    run(client, approved)
    alert = DriftAlert.objects.get()
    assert alert.kind == "scope" and "/v1/batches 1,240 times" in alert.detail
    assert UsageCheck.objects.count() == 2


def test_the_schedule_checks_due_approved_requests_only_with_a_key(approved, fake_admin_api, settings):
    batches_and_responses(fake_admin_api)
    settings.OPENAI_ADMIN_KEY = ""
    assert usage_checks_scheduled() == 0
    settings.OPENAI_ADMIN_KEY = VALID_KEY
    assert usage_checks_scheduled() == 1
    assert usage_checks_due() == []  # checked now: due again after the re-verification interval
    assert DriftAlert.objects.get().kind == "scope"


def test_other_organizations_and_readers_cannot_run_it(client_for, clinic, charlie, viewer):
    url = reverse("tracking:usage_check", args=[clinic.pk])
    assert client_for(charlie).get(url).status_code == 404
    assert client_for(viewer).post(url, {"admin_key": VALID_KEY}).status_code == 403
    assert not UsageCheck.objects.exists()


def test_a_key_with_non_ascii_characters_is_a_field_error_not_a_crash(client_for, clinic, alice, fake_admin_api):
    response = client_for(alice).post(reverse("tracking:usage_check", args=[clinic.pk]), {"admin_key": "sk-admin-é"})
    assert response.status_code == 200 and "plain letters, digits and dashes" in response.content.decode()
    assert not UsageCheck.objects.exists() and fake_admin_api.state.requests == []
