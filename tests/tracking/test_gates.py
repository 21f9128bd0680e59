"""The gates of the workflow: a control chosen before review, a signed-off version before "ready to
send", and a signed-off, non-draft version for "submitted" unless the team says why it sent another."""

import pytest
from django.urls import reverse

from apps.packets.models import SignOff
from apps.tracking import services
from apps.tracking.models import Tracking, Transition
from apps.tracking.workflow import REQUIREMENTS

from .moves import bring_to, make_packet, move


def status_of(zdr_request):
    return Tracking.objects.get(request=zdr_request).status


def test_no_review_before_the_team_chooses_a_control(client_for, clinic, alice):
    clinic.requested_control = ""
    clinic.save()
    with pytest.raises(services.Refused) as refused:
        move(clinic, "send_to_review", alice)
    assert REQUIREMENTS["control"] in str(refused.value) and status_of(clinic) == "draft"

    html = client_for(alice).get(reverse("tracking:detail", args=[clinic.pk])).content.decode()
    assert 'aria-describedby="why-not-send_to_review"' in html
    why = html.split('id="why-not-send_to_review"')[1].split("</p>")[0]
    assert f'href="/requests/{clinic.pk}/steps/organization/#div_id_requested_control"' in why


def test_mark_ready_needs_a_sign_off_of_that_exact_version(client_for, clinic, alice, reviewer):
    bring_to(clinic, "internal_review", alice)
    unsigned = make_packet(clinic, 1, signed=False)
    changed = make_packet(clinic, 2, signed=False)
    SignOff.objects.create(version=changed, reviewer=reviewer, decision="changes_requested", sha256=changed.sha256)
    stale = make_packet(clinic, 3, signed=False)
    SignOff.objects.create(version=stale, reviewer=reviewer, decision="approved", sha256="cd" * 32)  # another PDF
    for version in (unsigned, changed, stale):
        with pytest.raises(services.Refused) as refused:
            move(clinic, "mark_ready", reviewer, role="reviewer", packet_version=version)
        assert REQUIREMENTS["signed_off_version"] in str(refused.value)

    client = client_for(reviewer)
    page = client.get(reverse("tracking:detail", args=[clinic.pk])).content.decode()
    why = page.split('id="why-not-mark_ready"')[1].split("</p>")[0]
    assert f'href="/requests/{clinic.pk}/packet/"' in why
    signed = make_packet(clinic, 4)
    form = client.get(reverse("tracking:transition", args=[clinic.pk, "mark_ready"])).content.decode()
    assert f'value="{signed.pk}"' in form and f'value="{unsigned.pk}"' not in form
    response = client.post(reverse("tracking:transition", args=[clinic.pk, "mark_ready"]),
                           {"packet_version": unsigned.pk})
    assert "Select a valid choice" in response.content.decode() and status_of(clinic) == "internal_review"
    client.post(reverse("tracking:transition", args=[clinic.pk, "mark_ready"]), {"packet_version": signed.pk})
    assert status_of(clinic) == "ready_to_send"
    assert Transition.objects.filter(request=clinic, move="mark_ready").get().packet_version == signed


def test_submitted_offers_only_signed_off_final_versions(client_for, clinic, alice):
    draft = make_packet(clinic, 1, signed=False, is_draft=True)
    final = make_packet(clinic, 2)
    bring_to(clinic, "ready_to_send", alice, final)
    html = client_for(alice).get(reverse("tracking:transition", args=[clinic.pk, "submit"])).content.decode()

    offered = html.split('name="packet_version"')[1].split("</select>")[0]
    assert f'value="{final.pk}" selected' in offered and f'value="{draft.pk}"' not in offered
    other = html.split('name="other_version"')[1].split("</select>")[0]
    assert f'value="{draft.pk}"' in other and "v1 · DRAFT" in other


def test_sending_another_version_needs_a_reason_kept_in_the_history(client_for, clinic, alice):
    draft = make_packet(clinic, 1, signed=False, is_draft=True)
    bring_to(clinic, "ready_to_send", alice, make_packet(clinic, 2))
    client = client_for(alice)
    url = reverse("tracking:transition", args=[clinic.pk, "submit"])

    refused = client.post(url, {"other_version": draft.pk, "channel": "sales_form"})
    assert "v1 is not a signed-off final version: say why you sent it" in refused.content.decode()
    assert status_of(clinic) == "ready_to_send" and not Transition.objects.filter(move="submit").exists()

    client.post(url, {"other_version": draft.pk, "channel": "sales_form",
                      "override_reason": "OpenAI asked for the draft before our review ended."})
    assert status_of(clinic) == "submitted"
    submitted = Transition.objects.get(move="submit")
    assert submitted.packet_version == draft
    assert submitted.note == ("Sent v1, which is a draft and not signed off. Why: OpenAI asked for the draft before "
                              "our review ended.")
    timeline = client.get(reverse("tracking:detail", args=[clinic.pk])).content.decode()
    assert "Sent v1, which is a draft and not signed off." in timeline


def test_the_service_refuses_an_unsigned_version_without_a_reason(clinic, alice):
    bring_to(clinic, "ready_to_send", alice)
    unsigned = make_packet(clinic, 2, signed=False)
    with pytest.raises(services.Refused) as refused:
        move(clinic, "submit", alice, packet_version=unsigned, channel="sales_form")
    assert REQUIREMENTS["packet_version"] in str(refused.value) and status_of(clinic) == "ready_to_send"


def test_choosing_two_versions_is_refused(client_for, clinic, alice):
    draft = make_packet(clinic, 1, signed=False, is_draft=True)
    final = make_packet(clinic, 2)
    bring_to(clinic, "ready_to_send", alice, final)
    response = client_for(alice).post(reverse("tracking:transition", args=[clinic.pk, "submit"]), {
        "packet_version": final.pk, "other_version": draft.pk, "channel": "sales_form", "override_reason": "x"})
    assert "Choose one version" in response.content.decode() and status_of(clinic) == "ready_to_send"
