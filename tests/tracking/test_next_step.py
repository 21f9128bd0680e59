"""The tracking page offers one primary next action, the move that fits, and logging OpenAI's
message moves the status in the same form."""

import re

import pytest
from django.urls import reverse

from apps.tracking.models import ContactEntry, Tracking, Transition

from .moves import bring_to
from .test_contact_log import post_entry


def next_step(client, zdr_request):
    html = client.get(reverse("tracking:detail", args=[zdr_request.pk])).content.decode()
    return html.split('id="next-step"')[1].split("</section>")[0]


def primaries(card):
    return re.findall(r'class="btn btn-sm btn-primary"[^>]*>([^<]+)<', card)


@pytest.mark.parametrize(("status", "control", "primary"), [
    ("draft", "zdr", "Send to internal review"),
    ("submitted", "zdr", "OpenAI acknowledged"),
    ("under_review", "zdr", "Record approval (ZDR)"),
    ("under_review", "mam", "Record approval (MAM)"),
])
def test_one_primary_action_the_move_that_fits(client_for, clinic, alice, status, control, primary):
    clinic.requested_control = control
    clinic.save()
    if status != "draft":
        bring_to(clinic, status, alice)
    card = next_step(client_for(alice), clinic)
    assert primaries(card) == [primary]
    assert "btn-outline-primary" not in card  # the others are secondary, not seven equal outlines


def test_without_a_control_the_primary_action_is_to_choose_one(client_for, clinic, alice):
    clinic.requested_control = ""
    clinic.save()
    card = next_step(client_for(alice), clinic)
    assert primaries(card) == ["Choose ZDR or MAM"]
    assert f'href="/requests/{clinic.pk}/steps/organization/#div_id_requested_control"' in card


def test_in_review_without_a_signed_off_version_the_primary_action_is_to_sign_off(client_for, clinic, alice, reviewer):
    clinic.requested_control = "zdr"
    clinic.save()
    bring_to(clinic, "internal_review", alice)
    card = next_step(client_for(reviewer), clinic)
    assert primaries(card) == ["Review and sign off the packet"]


def test_logging_a_reply_offers_the_move_that_fits(client_for, clinic, alice):
    bring_to(clinic, "submitted", alice)
    html = client_for(alice).get(reverse("tracking:detail", args=[clinic.pk])).content.decode()
    select = html.split('name="move"')[1].split("</select>")[0]
    assert '<option value="acknowledge" selected>OpenAI acknowledged → Acknowledged by OpenAI</option>' in select
    assert "approve_zdr" not in select  # an approval has its own form with evidence


def test_a_reply_and_its_status_move_are_logged_in_one_form(client_for, clinic, alice):
    bring_to(clinic, "submitted", alice)
    response = post_entry(client_for(alice), clinic, summary="Jo: received, we are on it.", move="acknowledge")

    assert response.status_code == 302
    assert Tracking.objects.get(request=clinic).status == "acknowledged"
    assert Transition.objects.filter(request=clinic).first().note == "Jo: received, we are on it."
    assert ContactEntry.objects.filter(request=clinic).count() == 1


def test_an_outbound_message_leaves_the_status_alone(client_for, clinic, alice):
    bring_to(clinic, "submitted", alice)
    post_entry(client_for(alice), clinic, direction="out", summary="We asked Jo for news.", move="acknowledge")
    assert Tracking.objects.get(request=clinic).status == "submitted"
    assert ContactEntry.objects.filter(request=clinic).count() == 1


def test_a_move_that_does_not_fit_is_refused_and_nothing_is_logged(client_for, clinic, alice):
    bring_to(clinic, "submitted", alice)
    response = post_entry(client_for(alice), clinic, move="answer_info")
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert Tracking.objects.get(request=clinic).status == "submitted"
    assert not ContactEntry.objects.filter(request=clinic).exists()


def test_an_overdue_follow_up_comes_first(client_for, clinic, alice, run_on_commit):
    from django.utils import timezone

    from apps.tracking.models import FollowUp

    with run_on_commit():
        bring_to(clinic, "submitted", alice)
    assert FollowUp.objects.filter(request=clinic, kind="follow_up").update(due_at=timezone.now()) == 1
    client = client_for(alice)
    card = next_step(client, clinic)
    assert primaries(card) == [] and "First: follow-up #1 is overdue." in card
    html = client.get(reverse("tracking:detail", args=[clinic.pk])).content.decode()
    follow_ups = html.split('id="follow-ups"')[1].split("</section>")[0]
    assert re.findall(r'class="btn btn-sm btn-primary"[^>]*>([^<]+)<', follow_ups) == ["Mark as sent"]
