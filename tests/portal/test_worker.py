"""A task sent from the web process goes through the real broker to a real worker process."""

from django.core import mail
from django.urls import reverse

from apps.accounts.models import Invitation
from apps.portal.models import WorkerHeartbeat
from tests.worker import wait_for


def test_invitation_email_is_sent_by_the_worker(transactional_db, celery_worker_process, client_for, alice, settings):
    response = client_for(alice).post(
        reverse("accounts:invitation_create"), {"email": "dora@example.com", "role": "reviewer"}, follow=True
    )
    assert "Invitation sent to dora@example.com" in response.content.decode()

    invitation = Invitation.objects.get(email="dora@example.com")
    sent = wait_for(lambda: Invitation.objects.filter(pk=invitation.pk, sent_at__isnull=False).exists())

    assert sent, celery_worker_process.output()[-3000:]
    assert mail.outbox == []  # sent by the worker process, not by this one
    assert "send_invitation_email" in celery_worker_process.output()


def test_worker_records_its_heartbeat(transactional_db, celery_worker_process):
    from apps.portal.tasks import record_heartbeat

    record_heartbeat.delay(name="heartbeat-from-test")

    assert wait_for(lambda: WorkerHeartbeat.objects.filter(name="heartbeat-from-test").exists()), (
        celery_worker_process.output()[-3000:]
    )
