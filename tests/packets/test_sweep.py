"""The database is the truth about pending renders: the sweep finds a version whose task message
was lost, or whose render died with its process, and claims it again, a bounded number of times."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from apps.packets import recovery, rendering, services
from apps.packets.models import PacketState, PacketVersion
from apps.packets.tasks import render_packet_version

from .rendered import fresh


@pytest.fixture
def doorbell(monkeypatch):
    """The render messages sent, as version ids (no broker needed)."""
    sent = []
    monkeypatch.setattr(render_packet_version, "apply_async", lambda args, **options: sent.append(args[0]))
    return sent


@pytest.fixture
def queued(clinic, alice):
    return services.packet_version_create(zdr_request=fresh(clinic), user=alice, enqueue=False)


def age(version, seconds, **fields):
    then = timezone.now() - timedelta(seconds=seconds)
    PacketVersion.objects.filter(pk=version.pk).update(queued_at=then, **fields)
    return then


def test_a_version_whose_message_was_lost_is_rung_again_after_the_grace_and_renders(queued, doorbell, settings):
    settings.PACKET_QUEUE_GRACE_SECONDS = 60
    age(queued, 30)
    assert recovery.packet_versions_sweep() == (0, 0) and doorbell == []  # within the grace: its message may be coming

    age(queued, 61)
    assert recovery.packet_versions_sweep() == (1, 0) and doorbell == [queued.pk]
    assert recovery.packet_versions_sweep() == (0, 0) and doorbell == [queued.pk]  # rung once per grace, not per sweep

    assert rendering.packet_version_render(version_id=queued.pk) == PacketState.READY
    assert rendering.packet_version_render(version_id=queued.pk) is None  # the first message, late, renders nothing


def test_two_sweeps_at_once_ring_once(queued, doorbell):
    age(queued, 3600)
    now = timezone.now()

    recovery.packet_versions_sweep(now=now)
    recovery.packet_versions_sweep(now=now)

    assert doorbell == [queued.pk]


def test_a_render_that_died_with_its_process_is_queued_again_and_finished(queued, doorbell, settings):
    PacketVersion.objects.filter(pk=queued.pk).update(
        state=PacketState.RENDERING, attempts=1,
        rendering_started_at=timezone.now() - timedelta(seconds=settings.PACKET_RENDER_LEASE_SECONDS - 5))
    assert recovery.packet_versions_sweep() == (0, 0)  # within its lease the render may still be running
    assert rendering.packet_version_render(version_id=queued.pk) is None  # and a redelivered message leaves it alone

    PacketVersion.objects.filter(pk=queued.pk).update(
        rendering_started_at=timezone.now() - timedelta(seconds=settings.PACKET_RENDER_LEASE_SECONDS + 1))
    queued.refresh_from_db()
    assert queued.shown_state == PacketState.QUEUED and queued.is_pending  # nobody is asked to act

    assert recovery.packet_versions_sweep() == (1, 0) and doorbell == [queued.pk]
    assert rendering.packet_version_render(version_id=queued.pk) == PacketState.READY
    queued.refresh_from_db()
    assert queued.attempts == 2 and len(queued.sha256) == 64


def test_a_render_that_keeps_dying_ends_failed_with_a_reason_after_the_last_attempt(client_for, queued, alice,
                                                                                      doorbell, settings):
    settings.PACKET_RENDER_MAX_ATTEMPTS = 3
    PacketVersion.objects.filter(pk=queued.pk).update(
        state=PacketState.RENDERING, attempts=3,
        rendering_started_at=timezone.now() - timedelta(seconds=settings.PACKET_RENDER_LEASE_SECONDS + 1))

    assert recovery.packet_versions_sweep() == (0, 1) and doorbell == []

    queued.refresh_from_db()
    assert queued.state == PacketState.FAILED
    page = client_for(alice).get(reverse("packets:version", args=[queued.request_id, 1])).content.decode()
    assert "The render was interrupted 3 times" in page and "more memory" in page and ">Retry</button>" in page
    assert rendering.packet_version_render(version_id=queued.pk) is None  # a stray late message renders nothing
    assert recovery.packet_versions_sweep() == (0, 0)  # and the sweep leaves a failed version to a person


def test_a_version_generated_while_the_broker_is_down_is_saved_and_rung_by_the_sweep(
        client_for, clinic, alice, monkeypatch, django_capture_on_commit_callbacks, settings):
    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(render_packet_version, "apply_async", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(alice).post(reverse("packets:generate", args=[clinic.pk]), follow=True)

    assert response.status_code == 200 and "Packet v1 is queued" in response.content.decode()
    version = PacketVersion.objects.get()
    assert version.state == PacketState.QUEUED

    sent = []
    monkeypatch.setattr(render_packet_version, "apply_async", lambda args, **options: sent.append(args[0]))
    age(version, settings.PACKET_QUEUE_GRACE_SECONDS + 1)
    recovery.packet_versions_sweep()
    assert sent == [version.pk]


def test_the_queued_notice_belongs_to_the_live_status_and_is_gone_once_ready(client_for, clinic, alice, doorbell):
    client = client_for(alice)
    page = client.post(reverse("packets:generate", args=[clinic.pk]), follow=True).content.decode()
    assert "Packet v1 is queued" in page.split('id="version-live"')[1]  # in the part that updates itself
    assert 'class="messages"' not in page or "is queued" not in page.split('class="messages"')[1].split("</div>")[0]

    rendering.packet_version_render(version_id=PacketVersion.objects.get().pk)
    page = client.get(reverse("packets:version", args=[clinic.pk, 1])).content.decode()

    assert 'data-state="ready"' in page and "is queued" not in page
