"""The beat's sweep task, run by a real worker process through the real broker, sends a due
reminder without anyone clicking (the worker's email goes to its own locmem outbox, so the
database is the witness: the row is reminded and stamped by the worker)."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from apps.tracking.models import FollowUp
from apps.tracking.tasks import sweep_follow_ups
from apps.workspace.demo import clinic_request_seed
from tests.worker import wait_for

from .moves import bring_to, make_packet


def test_a_due_follow_up_is_sent_by_the_worker(transactional_db, celery_worker_process, catalog_loaded, alice,
                                               alice_org):
    clinic = clinic_request_seed(organization=alice_org, owner=alice)
    bring_to(clinic, "submitted", alice, make_packet(clinic))  # commits: the follow-up is planned on commit
    follow_up = FollowUp.objects.get(request=clinic, state="pending")
    FollowUp.objects.filter(pk=follow_up.pk).update(due_at=timezone.now() - timedelta(minutes=1))

    sweep_follow_ups.delay()  # what beat sends every minute

    reminded = FollowUp.objects.filter(pk=follow_up.pk, state="reminded", sent_at__isnull=False)
    assert wait_for(reminded.exists), celery_worker_process.output()[-3000:]
    assert mail.outbox == []  # sent by the worker process, not this one
    assert f"Follow-up {follow_up.pk}: reminder sent" in celery_worker_process.output()

    sweep_follow_ups.delay()  # a second run finds nothing to send
    assert wait_for(lambda: celery_worker_process.output().count("sweep_follow_ups") >= 4)
    assert celery_worker_process.output().count("reminder sent") == 1
