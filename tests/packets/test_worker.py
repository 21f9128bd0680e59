"""A version generated on the web is rendered by a real worker process, end to end."""

from django.urls import reverse

from apps.packets.models import PacketState, PacketVersion
from tests.worker import wait_for

from .rendered import pdf_pages


def test_a_generated_version_is_rendered_by_the_worker(transactional_db, celery_worker_process, client_for, clinic,
                                                        alice):
    client = client_for(alice)
    response = client.post(reverse("packets:generate", args=[clinic.pk]), follow=True)
    assert "Packet v1 is queued" in response.content.decode()

    ready = wait_for(lambda: PacketVersion.objects.filter(state__in=[PacketState.READY, PacketState.FAILED]).first(),
                     timeout=60)

    assert ready and ready.state == PacketState.READY, (
        celery_worker_process.output()[-3000:] + str(ready and ready.failure_reason))
    assert "render_packet_version" in celery_worker_process.output()
    assert ready.page_count >= 7 and len(ready.sha256) == 64 and ready.render_seconds > 0
    _, pages = pdf_pages(ready)
    assert "org-NorthwindClinic2026" in pages[0]
    status = client.get(reverse("packets:version_status", args=[clinic.pk, 1])).content.decode()
    assert "Ready" in status and "hx-trigger" not in status
