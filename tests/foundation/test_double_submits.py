"""Double submits are harmless: a form that acts once carries a one-time token, and the same
submission sent again (a double click) is not acted on twice; it is sent where the first one went,
with a message, not an error."""

import re

from django.urls import reverse

from apps.foundation.models import Submission
from apps.foundation.submissions import REPEATED
from apps.packets.models import PacketVersion
from apps.tracking.models import ContactEntry
from apps.workspace.models import Contact
from tests.tracking.test_contact_log import entry_data
from tests.workspace.steps import step_url


def token_in(html, action):
    """The one-time token of the form posting to `action`, as the page gives it."""
    form = re.search(rf'<form[^>]*action="{re.escape(action)}"[^>]*>(.*?)</form>', html, re.S)
    assert form, f"no form posting to {action}"
    token = re.search(r'name="submission_token" value="([0-9a-f]{32})"', form.group(1))
    assert token, f"the form posting to {action} carries no token"
    return token.group(1)


def twice(client, page_url, action, data=None):
    token = token_in(client.get(page_url).content.decode(), action)
    first = client.post(action, {**(data or {}), "submission_token": token})
    second = client.post(action, {**(data or {}), "submission_token": token}, follow=True)
    return first, second


def test_generate_packet_clicked_twice_makes_one_version(client_for, alice, clinic):
    client = client_for(alice)
    first, second = twice(client, reverse("packets:packet", args=[clinic.pk]),
                          reverse("packets:generate", args=[clinic.pk]))

    assert PacketVersion.objects.filter(request=clinic).count() == 1
    assert second.status_code == 200 and second.redirect_chain[0][0] == first["Location"]
    assert REPEATED in second.content.decode()


def test_log_a_message_sent_twice_logs_one_entry(client_for, alice, submitted):
    client = client_for(alice)
    first, second = twice(client, reverse("tracking:detail", args=[submitted.pk]),
                          reverse("tracking:contact_add", args=[submitted.pk]), entry_data())

    assert ContactEntry.objects.filter(request=submitted).count() == 1
    assert second.redirect_chain[0][0] == first["Location"] and REPEATED in second.content.decode()


def test_add_a_contact_clicked_twice_adds_one(client_for, alice, blank_request):
    client = client_for(alice)
    first, second = twice(client, step_url(blank_request, "organization"),
                          reverse("workspace:item_add", args=[blank_request.pk, "contacts"]))

    assert Contact.objects.filter(request=blank_request).count() == 2  # the owner, and the one added
    assert second.redirect_chain[0][0] == first["Location"]


def test_each_page_load_gives_a_new_token_and_a_new_submission_acts_again(client_for, alice, blank_request):
    client, page = client_for(alice), step_url(blank_request, "organization")
    add = reverse("workspace:item_add", args=[blank_request.pk, "contacts"])
    for _ in range(2):
        client.post(add, {"submission_token": token_in(client.get(page).content.decode(), add)})

    assert Contact.objects.filter(request=blank_request).count() == 3


def test_a_refused_submission_releases_its_token(client_for, alice, submitted):
    # The form comes back with an error: nothing was done, so the corrected form may be sent.
    client = client_for(alice)
    action = reverse("tracking:contact_add", args=[submitted.pk])
    token = token_in(client.get(reverse("tracking:detail", args=[submitted.pk])).content.decode(), action)
    refused = client.post(action, {**entry_data(summary=""), "submission_token": token})
    assert refused.status_code == 200 and not Submission.objects.exists()

    client.post(action, {**entry_data(), "submission_token": token})

    assert ContactEntry.objects.filter(request=submitted).count() == 1


def test_tokens_are_per_user(client_for, alice, bob, blank_request):
    add = reverse("workspace:item_add", args=[blank_request.pk, "contacts"])
    token = token_in(client_for(alice).get(step_url(blank_request, "organization")).content.decode(), add)
    for user in (alice, bob):
        client_for(user).post(add, {"submission_token": token})

    assert Contact.objects.filter(request=blank_request).count() == 3
