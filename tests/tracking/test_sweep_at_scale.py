"""The sweep at volume: one run sends everything due, batch by batch, in a fixed number of
queries and one mail connection per batch; rows not due cost nothing; a failure stops only its
own email; two sweeps at once still send each reminder once."""

from datetime import timedelta

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.tracking import followups
from apps.tracking.models import ContactEntry, FollowUp

from . import counting_email, flaky_email
from .moves import bring_to, make_packet
from .racing import two_sweeps_at_once

State = FollowUp.State


def add_follow_ups(zdr_request, due, not_due=0, kind=FollowUp.Kind.FOLLOW_UP):
    now = timezone.now()
    FollowUp.objects.bulk_create(
        [FollowUp(request=zdr_request, kind=kind, attempt=1 + i % 3, due_at=now - timedelta(minutes=1 + i))
         for i in range(due)]
        + [FollowUp(request=zdr_request, kind=kind, due_at=now + timedelta(days=1 + i)) for i in range(not_due)])


def sent_ids():
    return sorted(FollowUp.objects.filter(state=State.REMINDED).values_list("pk", flat=True))


def test_one_sweep_sends_everything_due_and_leaves_the_rest(submitted, alice):
    FollowUp.objects.filter(request=submitted).delete()
    add_follow_ups(submitted, due=620, not_due=300)

    assert followups.follow_ups_sweep(batch_size=250) == 620  # three batches, one run
    assert len(mail.outbox) == 620 and {m.to[0] for m in mail.outbox} == {alice.email}
    assert FollowUp.objects.filter(state=State.PENDING).count() == 300
    assert followups.follow_ups_sweep() == 0


def test_the_queries_of_a_batch_do_not_grow_with_its_size(submitted, alice, approved):
    # Approved: reminders to re-verify join the follow-ups; each kind needs its own facts.
    ContactEntry.objects.bulk_create([
        ContactEntry(request=submitted, occurred_at=timezone.now() - timedelta(days=i), direction=("out", "in")[i % 2],
                     channel="email", counterpart_email="sales@openai.com", summary=f"Exchange {i}")
        for i in range(40)])

    def queries_to_send(due, batch_size=40):
        FollowUp.objects.all().delete()
        add_follow_ups(submitted, due=due)
        add_follow_ups(submitted, due=due, kind=FollowUp.Kind.REVERIFY)
        with CaptureQueriesContext(connection) as queries:
            assert followups.follow_ups_sweep(batch_size=batch_size) == 2 * due
        return len(queries)

    # (40 rows: SQLite takes the batch's history rows in one INSERT up to 49 of them.)
    one_batch = queries_to_send(20)
    assert queries_to_send(3) == one_batch  # a batch of 6 costs what a batch of 40 does
    per_batch = one_batch - 2  # the repair and the last look (nothing left) run once a sweep
    assert queries_to_send(60) == 2 + 3 * per_batch


def test_one_mail_connection_per_batch(submitted, settings):
    settings.EMAIL_BACKEND = "tests.tracking.counting_email.CountingBackend"
    counting_email.OPENED["count"] = 0
    FollowUp.objects.filter(request=submitted).delete()
    add_follow_ups(submitted, due=120)

    assert followups.follow_ups_sweep(batch_size=50) == 120
    assert counting_email.OPENED["count"] == 3 and len(mail.outbox) == 120


def test_a_failed_email_is_retried_and_the_rest_of_its_batch_still_goes(submitted, settings):
    settings.EMAIL_BACKEND = "tests.tracking.flaky_email.FlakyBackend"
    flaky_email.FAILURES["left"] = 1
    FollowUp.objects.filter(request=submitted).delete()
    add_follow_ups(submitted, due=3)

    assert followups.follow_ups_sweep() == 2
    [failed] = FollowUp.objects.filter(state=State.PENDING)
    assert failed.send_failures == 1 and failed.retry_at > timezone.now() and failed.claim_token == ""
    assert followups.follow_ups_sweep(now=failed.retry_at + timedelta(seconds=1)) == 1
    assert len(mail.outbox) == 3


def test_the_repair_reads_two_lists_whatever_the_number_of_follow_ups(submitted):
    add_follow_ups(submitted, due=0, not_due=500)
    with CaptureQueriesContext(connection) as queries:
        followups.follow_ups_repair()
    assert len(queries) == 2  # waiting requests, requests with an open follow-up: no per-row query


def test_two_sweeps_racing_over_many_batches_send_each_reminder_once(transactional_db, alice, alice_org,
                                                                       catalog_loaded):
    from apps.workspace.demo import clinic_request_seed

    clinic = clinic_request_seed(organization=alice_org, owner=alice)
    bring_to(clinic, "submitted", alice, make_packet(clinic))
    FollowUp.objects.filter(request=clinic).delete()
    add_follow_ups(clinic, due=300)
    results, errors = two_sweeps_at_once(120, batch_size=20)

    assert errors == []
    assert sum(results) == 300 == len(mail.outbox)
    assert len(sent_ids()) == 300 and sorted(results)[0] > 0  # both took part
