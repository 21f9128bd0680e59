"""The status workflow is a table: every move is allowed exactly from its listed statuses, for its
listed roles, with its required fields; anything else is refused with the reason."""

import itertools

import pytest
from django.urls import reverse

from apps.accounts.models import Role
from apps.packets.models import PacketState
from apps.tracking import services
from apps.tracking.models import Tracking, Transition
from apps.tracking.workflow import MOVES, REQUIREMENTS, STATUSES, refusals

from .moves import bring_to, make_packet, move

ROLES = [r.value for r in Role]
ALL = {r: True for r in REQUIREMENTS}
CASES = list(itertools.product(MOVES.values(), STATUSES, ROLES))


@pytest.mark.parametrize("rule,status,role", CASES, ids=[f"{m.key}-{s}-{r}" for m, s, r in CASES])
def test_the_table_decides_every_move(rule, status, role):
    allowed = status in rule.sources and role in rule.roles
    assert (refusals(rule, status=status, role=role, provided=ALL) == []) is allowed


@pytest.mark.parametrize("rule", [m for m in MOVES.values() if m.requires], ids=lambda m: m.key)
def test_each_missing_field_is_named(rule):
    reasons = refusals(rule, status=rule.sources[0], role=rule.roles[0], provided={})
    assert len(reasons) == 1
    for requirement in rule.requires:
        assert REQUIREMENTS[requirement] in reasons[0]


def test_a_refusal_says_every_reason_at_once():
    reasons = refusals(MOVES["submit"], status="draft", role="viewer", provided={})
    assert reasons == [
        "“Record as submitted” starts from Ready to send; this request is Draft.",
        "“Record as submitted” needs the role owner or editor; yours is viewer.",
        f"“Record as submitted” needs {REQUIREMENTS['packet_version']}; {REQUIREMENTS['channel']}.",
    ]


@pytest.mark.parametrize("final", [k for k, s in STATUSES.items() if s.final])
def test_a_final_status_only_reopens(final):
    for rule in MOVES.values():
        reasons = refusals(rule, status=final, role="owner", provided=ALL)
        assert (reasons == []) is (rule.key == "reopen")
        if rule.key != "reopen":
            assert "is a final status: only reopening it changes it" in reasons[0]


def test_every_status_is_reachable_and_every_move_is_well_formed():
    reached = {"draft"} | {m.target for m in MOVES.values()}
    assert reached == set(STATUSES)
    for rule in MOVES.values():
        assert set(rule.sources) <= set(STATUSES) and rule.target in STATUSES
        assert set(rule.requires) <= set(REQUIREMENTS)


def test_a_move_is_recorded_with_who_when_and_note(clinic, alice, packet):
    bring_to(clinic, "ready_to_send", alice)
    move(clinic, "submit", alice, packet_version=packet, channel="account_manager", note="Sent to Jo at OpenAI.")

    last = Transition.objects.filter(request=clinic).first()
    assert (last.from_status, last.to_status, last.by, last.note) == ("ready_to_send", "submitted", alice,
                                                                     "Sent to Jo at OpenAI.")
    assert (last.channel, last.packet_version) == ("account_manager", packet)
    tracking = Tracking.objects.get(request=clinic)
    assert (tracking.status, tracking.channel, tracking.packet_version) == ("submitted", "account_manager", packet)
    assert tracking.waiting_on == "openai" and tracking.submitted_at == last.at
    assert Transition.objects.filter(request=clinic).count() == 3


def test_submitting_needs_a_ready_packet_of_this_request(clinic, blank_request, alice):
    bring_to(clinic, "ready_to_send", alice)
    for version in (make_packet(clinic, 2, PacketState.RENDERING), make_packet(blank_request, 1)):
        with pytest.raises(services.Refused) as refused:
            move(clinic, "submit", alice, packet_version=version, channel="sales_form")
        assert REQUIREMENTS["packet_version"] in str(refused.value)
    assert Tracking.objects.get(request=clinic).status == "ready_to_send"


def test_a_reviewer_marks_ready_but_cannot_submit(client_for, clinic, alice, reviewer, packet):
    bring_to(clinic, "internal_review", alice)
    client = client_for(reviewer)
    response = client.post(reverse("tracking:transition", args=[clinic.pk, "mark_ready"]),
                           {"packet_version": packet.pk}, follow=True)
    assert "the request is now Ready to send" in response.content.decode()

    response = client.post(reverse("tracking:transition", args=[clinic.pk, "submit"]),
                           {"packet_version": packet.pk, "channel": "sales_form"})
    assert response.status_code == 200
    assert "needs the role owner or editor; yours is reviewer" in response.content.decode()
    assert Tracking.objects.get(request=clinic).status == "ready_to_send"


def test_the_submit_form_asks_for_the_missing_fields(client_for, clinic, alice):
    bring_to(clinic, "ready_to_send", alice)
    response = client_for(alice).post(reverse("tracking:transition", args=[clinic.pk, "submit"]),
                                      {"packet_version": "999999", "channel": "carrier-pigeon"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in body and "carrier-pigeon is not one of the available choices" in body
    assert Tracking.objects.get(request=clinic).status == "ready_to_send"


def test_a_wrong_state_move_over_http_is_refused_with_the_reason(client_for, clinic, alice):
    response = client_for(alice).post(reverse("tracking:transition", args=[clinic.pk, "acknowledge"]))
    assert "“OpenAI acknowledged” starts from Submitted; this request is Draft." in response.content.decode()
    assert not Transition.objects.exists()


def test_reopen_goes_back_to_draft_and_forgets_the_submission(submitted, alice):
    move(submitted, "withdraw", alice, note="Design changes first.")
    with pytest.raises(services.Refused):
        move(submitted, "send_to_review", alice)
    move(submitted, "reopen", alice, note="New design is ready.")
    tracking = Tracking.objects.get(request=submitted)
    assert (tracking.status, tracking.submitted_at, tracking.packet_version) == ("draft", None, None)


def test_an_unknown_move_is_a_404(client_for, clinic, alice):
    assert client_for(alice).get(reverse("tracking:transition", args=[clinic.pk, "teleport"])).status_code == 404
