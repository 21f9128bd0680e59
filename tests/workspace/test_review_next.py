"""The Review step is never a dead end: one primary next action chosen from the state."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from apps.packets import services as packets
from apps.tracking.models import Tracking
from apps.workspace.completeness import completeness
from apps.workspace.next_action import review_next_action
from apps.workspace.selectors import request_get
from apps.workspace.services import fingerprint
from apps.workspace.steps import STEP_BY_SLUG

from .steps import step_url

CHOSEN, NOT_CHOSEN = SimpleNamespace(chosen=True), SimpleNamespace(chosen=False)


@pytest.mark.parametrize(("evaluation", "snapshot", "versions", "status", "kind"), [
    (NOT_CHOSEN, {}, 0, "draft", "choose_control"),
    (CHOSEN, {}, 0, "draft", "fix"),
    (CHOSEN, "complete", 0, "draft", "generate"),
    (CHOSEN, "complete", 1, "draft", "send_to_review"),
    (CHOSEN, "complete", 1, "internal_review", "track"),
])
def test_the_next_action_follows_the_state(clinic_snapshot, evaluation, snapshot, versions, status, kind):
    score = completeness(clinic_snapshot if snapshot == "complete" else snapshot)
    action = review_next_action(score, evaluation, versions=versions, status=status)
    assert action.kind == kind
    if kind == "fix":
        assert action.missing == tuple(score.missing) and action.label == f"Fix the first: {score.missing[0].label}"


@pytest.fixture
def clinic_snapshot(clinic):
    from apps.workspace.selectors import Assessment

    return Assessment(request_get(organization=clinic.organization, request_id=clinic.pk)).snapshot


def next_action(client, zdr_request):
    html = client.get(step_url(zdr_request, "review")).content.decode()
    return html.split('id="next-action"')[1].split("</section>")[0]


def test_a_new_request_is_told_what_to_fix_with_a_link_to_each_thing(client_for, alice, blank_request):
    card = next_action(client_for(alice), blank_request)
    assert "Next: Fix the first: OpenAI organization ID" in card
    assert card.count('class="btn btn-primary"') == 1
    assert f'href="/requests/{blank_request.pk}/steps/organization/#div_id_openai_org_id"' in card
    assert f'href="/requests/{blank_request.pk}/steps/rollout/#div_id_signatory_email"' in card


def test_without_a_control_the_next_action_is_to_choose_one(client_for, alice, clinic):
    clinic.requested_control = ""
    clinic.save()
    card = next_action(client_for(alice), clinic)
    assert "Next: Choose ZDR or MAM" in card
    assert f'href="/requests/{clinic.pk}/steps/organization/#div_id_requested_control"' in card


def test_a_complete_request_generates_its_packet_then_goes_to_review(client_for, alice, clinic):
    client = client_for(alice)
    card = next_action(client, clinic)
    assert "Next: Generate the packet" in card
    assert f'action="/requests/{clinic.pk}/packet/generate/"' in card

    packets.packet_version_create(zdr_request=request_get(organization=clinic.organization, request_id=clinic.pk),
                                  user=alice)
    card = next_action(client, clinic)
    assert "Next: Send to internal review" in card
    client.post(reverse("tracking:transition", args=[clinic.pk, "send_to_review"]))
    assert Tracking.objects.get(request=clinic).status == "internal_review"
    assert "Next: Open the tracking page" in next_action(client, clinic)


def test_save_and_continue_on_the_last_step_lands_on_a_review_that_says_what_to_do(client_for, alice, clinic):
    fields = STEP_BY_SLUG["rollout"].fields
    data = {name: getattr(clinic, name) or "" for name in fields}
    data.update(verification_plan=clinic.verification_plan, seen=fingerprint(clinic, fields), save_next="")
    response = client_for(alice).post(step_url(clinic, "rollout"), data, follow=True)
    assert response.redirect_chain[-1][0] == step_url(clinic, "review")
    assert "Next: Generate the packet" in response.content.decode()


def test_choosing_the_control_first_still_lists_what_is_missing(client_for, alice, blank_request):
    blank_request.requested_control = ""
    blank_request.save()
    html = client_for(alice).get(step_url(blank_request, "review")).content.decode()
    assert "Next: Choose ZDR or MAM" in html
    completeness = html.split('id="completeness-heading"')[1].split("</section>")[0]
    assert f'href="/requests/{blank_request.pk}/steps/organization/#div_id_legal_entity"' in completeness
