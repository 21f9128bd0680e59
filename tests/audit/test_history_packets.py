"""Packet versions in a request's History: made by a person, rendered (or failed) by the portal,
retried, and signed off on an exact PDF."""

from django.urls import reverse

from apps.packets import rendering
from apps.packets.models import PacketVersion
from tests.packets.test_render_failures import broken_renderer

from .history import find, history_entries


def test_generating_rendering_and_signing_off_a_version(alice_client, alice, client_for, clinic, reviewer):
    alice_client.post(reverse("packets:generate", args=[clinic.pk]))
    version = PacketVersion.objects.get(request=clinic)
    rendering.packet_version_render(version_id=version.pk)  # as the worker does: no person
    version.refresh_from_db()
    client_for(reviewer).post(reverse("packets:sign_off", args=[clinic.pk, 1]),
                              {"decision": "approved", "comment": "Matches our DPIA.", "sha256": version.sha256})

    entries = history_entries(alice_client, clinic)
    signed = entries[0]
    assert signed["what"] == "Sign-off Approved added" and signed["who"] == reviewer.get_full_name()
    assert signed["changes"]["Version"] == (None, "v1")
    assert signed["changes"]["Comment"] == (None, "Matches our DPIA.")
    assert signed["changes"]["SHA-256"] == (None, version.sha256)
    rendered = entries[1]
    assert rendered["what"] == "Packet version v1 changed" and rendered["who"] == "the portal"
    assert rendered["changes"]["State"] == ("Queued", "Ready")
    assert rendered["changes"]["SHA-256"] == ("empty", version.sha256)
    assert rendered["changes"]["Page count"] == ("empty", str(version.page_count))
    made = entries[2]
    assert made["what"] == "Packet version v1 added" and made["who"] == alice.get_full_name()
    assert made["changes"]["State"] == (None, "Queued") and "Snapshot" not in made["changes"]


def test_a_failed_render_and_its_retry(alice_client, alice, clinic, monkeypatch):
    alice_client.post(reverse("packets:generate", args=[clinic.pk]))
    version = PacketVersion.objects.get(request=clinic)
    monkeypatch.setattr(rendering, "packet_pdf", broken_renderer)
    rendering.packet_version_render(version_id=version.pk)
    alice_client.post(reverse("packets:retry", args=[clinic.pk, 1]))

    retried, failed = history_entries(alice_client, clinic)[:2]
    assert failed["who"] == "the portal" and failed["changes"]["State"] == ("Queued", "Failed")
    assert "ran out of memory" in failed["changes"]["Failure reason"][1]
    assert retried["who"] == alice.get_full_name() and retried["changes"]["State"] == ("Failed", "Queued")
    assert find(history_entries(alice_client, clinic), "Packet version v1 added")["who"] == alice.get_full_name()
