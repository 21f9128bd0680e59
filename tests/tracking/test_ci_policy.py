"""policy.json for the team's CI: what the approval (or the submitted request) allows."""

import json

import pytest
from django.urls import reverse

from apps.tracking.ci_policy import policy_document

CATALOG = {
    "provider": "openai", "as_of": "2026-09-22",
    "endpoints": [
        {"path": "/v1/responses", "name": "Responses", "zdr": "yes", "mam": "yes", "zdr_note": "", "remediation": "",
         "abuse_monitoring_retention": "None", "application_state_retention": "None", "limitations": []},
        {"path": "/v1/batches", "name": "Batch", "zdr": "no", "mam": "no", "zdr_note": "", "remediation": "",
         "abuse_monitoring_retention": "30 days", "application_state_retention": "Until deleted", "limitations": []},
    ],
    "features": [
        {"key": "previous_response_id", "name": "previous_response_id", "endpoints": ["/v1/responses"],
         "under_zdr": "blocked", "under_zdr_text": "Refused under ZDR.", "under_mam": "allowed", "under_mam_text": "",
         "remediation": "", "unconfirmed": False, "history": []},
    ],
}


def test_blocked_uses_are_refused_with_why_and_the_rest_allowed():
    document = policy_document(control="zdr", projects=["proj_a"], catalog=CATALOG, basis="approval",
                               covered={"/v1/responses": ["previous_response_id"], "/v1/batches": []})
    assert document["allowed"] == {"endpoints": ["/v1/responses"], "features": []}
    assert [item["why"] for item in document["not_allowed"]] == [
        "previous_response_id on /v1/responses cannot be used under zdr", "/v1/batches is not eligible under zdr"]
    assert (document["control"], document["catalog_version"], document["projects"]) == (
        "zdr", "openai-2026-09-22", ["proj_a"])


def test_under_mam_the_same_feature_is_allowed():
    document = policy_document(control="mam", projects=[], catalog=CATALOG, basis="approval",
                               covered={"/v1/responses": ["previous_response_id"]})
    assert document["allowed"]["features"] == ["previous_response_id"] and document["not_allowed"] == []


def test_an_approved_request_downloads_its_policy(client_for, approved, alice):
    response = client_for(alice).get(reverse("tracking:ci_policy", args=[approved.pk]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    document = json.loads(response.content)
    assert document["basis"] == "approval" and document["control"] == "zdr"
    assert "/v1/responses" in document["allowed"]["endpoints"]


@pytest.mark.parametrize("who", ["bob", "reviewer", "viewer"])
def test_every_member_may_read_it(client_for, approved, request, who):
    assert client_for(request.getfixturevalue(who)).get(
        reverse("tracking:ci_policy", args=[approved.pk])).status_code == 200


def test_a_draft_has_no_policy_yet_and_says_when_it_will(client_for, clinic, alice):
    response = client_for(alice).get(reverse("tracking:ci_policy", args=[clinic.pk]), follow=True)
    assert "The CI policy exists once the request is submitted" in response.content.decode()


def test_another_organization_gets_404(client_for, approved, charlie):
    assert client_for(charlie).get(reverse("tracking:ci_policy", args=[approved.pk])).status_code == 404


@pytest.mark.parametrize("control", ["zdr", "mam", "zdr_psp", "private_retention_psp", "safety_retention"])
def test_the_scanner_reads_a_policy_of_every_control_the_portal_offers(tmp_path, control):
    from zdrscan.policy import policy_load

    document = policy_document(control="zdr", projects=["proj_a"], catalog=CATALOG, basis="approval",
                               covered={"/v1/responses": []})
    path = tmp_path / "policy.json"
    path.write_text(json.dumps({**document, "control": control}))
    assert policy_load(path).control == control
