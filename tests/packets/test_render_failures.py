"""A render that fails, or whose worker dies, ends in a clear failed state that can be retried."""

from datetime import timedelta

import pytest
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from apps.packets import pdf, rendering, services
from apps.packets.models import PacketState, PacketVersion

from .rendered import fresh


@pytest.fixture
def queued(clinic, alice):
    return services.packet_version_create(zdr_request=fresh(clinic), user=alice)


def broken_renderer(snapshot, target):
    target.write(b"%PDF-1.7 half a file")
    raise MemoryError("the layout ran out of memory")


def test_a_render_that_raises_ends_failed_with_a_readable_reason_and_no_file(queued, monkeypatch, settings):
    monkeypatch.setattr(rendering, "packet_pdf", broken_renderer)

    assert rendering.packet_version_render(version_id=queued.pk) == PacketState.FAILED

    queued.refresh_from_db()
    assert queued.state == PacketState.FAILED and queued.attempts == 1
    assert queued.failure_reason.startswith("The render ran out of memory. Retry")
    assert "MemoryError" not in queued.failure_reason  # a class name tells a person nothing
    assert not queued.pdf and not queued.sha256
    assert not list(settings.MEDIA_ROOT.rglob("*.pdf"))  # nothing half-written was kept


def test_a_failed_version_is_shown_with_its_reason_and_retried(client_for, queued, alice, monkeypatch,
                                                               django_capture_on_commit_callbacks):
    monkeypatch.setattr(rendering, "packet_pdf", broken_renderer)
    rendering.packet_version_render(version_id=queued.pk)
    client = client_for(alice)
    page = client.get(reverse("packets:version", args=[queued.request_id, 1])).content.decode()
    assert "Failed" in page and "ran out of memory" in page and ">Retry</button>" in page
    assert 'data-hx-trigger="every ' not in page  # polling stops at a final state

    monkeypatch.setattr(rendering, "packet_pdf", pdf.packet_pdf)
    sent = []
    monkeypatch.setattr("apps.packets.tasks.render_packet_version.apply_async",
                        lambda args, **options: sent.append(args[0]))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("packets:retry", args=[queued.request_id, 1]))
    queued.refresh_from_db()
    assert queued.state == PacketState.QUEUED and queued.failure_reason == "" and sent == [queued.pk]

    rendering.packet_version_render(version_id=queued.pk)
    queued.refresh_from_db()
    assert queued.state == PacketState.READY and queued.attempts == 2 and len(queued.sha256) == 64


def test_a_render_whose_worker_died_can_be_retried_by_a_person_too(queued, settings):
    """The sweep queues it again by itself (test_sweep.py); a person's Retry does the same at once."""
    PacketVersion.objects.filter(pk=queued.pk).update(
        state=PacketState.RENDERING, attempts=1,
        rendering_started_at=timezone.now() - timedelta(seconds=settings.PACKET_RENDER_LEASE_SECONDS + 60),
    )
    queued.refresh_from_db()
    assert queued.shown_state == PacketState.QUEUED and queued.is_pending  # waiting, not failed: nothing to do
    assert rendering.packet_version_render(version_id=queued.pk) is None  # a redelivered task leaves it alone

    assert services.packet_version_retry(version=queued)
    assert rendering.packet_version_render(version_id=queued.pk) == PacketState.READY


def test_a_render_in_progress_is_neither_retried_nor_rendered_twice(queued):
    PacketVersion.objects.filter(pk=queued.pk).update(state=PacketState.RENDERING, rendering_started_at=timezone.now())
    queued.refresh_from_db()

    assert queued.shown_state == PacketState.RENDERING and queued.is_pending
    assert not services.packet_version_retry(version=queued)
    assert rendering.packet_version_render(version_id=queued.pk) is None
    assert PacketVersion.objects.get(pk=queued.pk).attempts == 0


def test_a_ready_version_is_never_rendered_again(queued):
    assert rendering.packet_version_render(version_id=queued.pk) == PacketState.READY
    sha256 = PacketVersion.objects.get(pk=queued.pk).sha256

    assert rendering.packet_version_render(version_id=queued.pk) is None
    assert not services.packet_version_retry(version=PacketVersion.objects.get(pk=queued.pk))
    assert PacketVersion.objects.get(pk=queued.pk).sha256 == sha256


def test_the_status_partial_polls_until_a_final_state(client_for, queued, alice):
    client = client_for(alice)
    url = reverse("packets:version_status", args=[queued.request_id, 1])
    assert 'data-hx-trigger="every 10s"' in client.get(url).content.decode()  # no worker: it checks slowly

    rendering.packet_version_render(version_id=queued.pk)
    html = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in html and "Ready" in html and "Download PDF" in html


def test_a_render_overtaken_by_a_retry_is_dropped_not_marked_ready(queued, monkeypatch, settings):
    """The worker was presumed dead and the version re-queued and re-claimed while it was still
    rendering: the late render must neither mark the version ready nor leave its file behind."""
    def slow_then_overtaken(snapshot, target):
        PacketVersion.objects.filter(pk=queued.pk).update(attempts=F("attempts") + 1)  # someone else's claim
        return pdf.packet_pdf(snapshot, target)

    monkeypatch.setattr(rendering, "packet_pdf", slow_then_overtaken)

    assert rendering.packet_version_render(version_id=queued.pk) is None
    queued.refresh_from_db()
    assert queued.state == PacketState.RENDERING and not queued.pdf and not queued.sha256
    assert not list(settings.MEDIA_ROOT.rglob("*.pdf"))


def test_the_render_task_runs_late_acked_with_time_limits(settings):
    from apps.packets.tasks import render_packet_version

    assert render_packet_version.acks_late
    assert render_packet_version.soft_time_limit == settings.PACKET_RENDER_SOFT_TIME_LIMIT == 60
    assert render_packet_version.time_limit == settings.PACKET_RENDER_TIME_LIMIT == 90
