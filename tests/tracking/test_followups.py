"""Reminders are never lost and never doubled: the sweep claims each due row with a conditional
UPDATE; failures and crashes leave it due; replies stop the clock."""

import threading
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from apps.tracking import followups, services
from apps.tracking.models import FollowUp, FollowUpPolicy, Tracking

from . import flaky_email
from .moves import bring_to, make_packet, move
from .racing import two_sweeps_at_once

State = FollowUp.State


def make_due(zdr_request, minutes=5):
    FollowUp.objects.filter(request=zdr_request, state=State.PENDING).update(
        due_at=timezone.now() - timedelta(minutes=minutes))
    return FollowUp.objects.get(request=zdr_request, state=State.PENDING)


def test_submitting_plans_one_follow_up_and_the_sweep_emails_the_owner_once(submitted, alice):
    follow_up = FollowUp.objects.get(request=submitted)
    assert (follow_up.kind, follow_up.attempt, follow_up.state) == ("follow_up", 1, State.PENDING)
    assert followups.follow_ups_sweep() == 0  # not due yet

    make_due(submitted)
    assert followups.follow_ups_sweep() == 1
    assert followups.follow_ups_sweep() == 0  # a second sweep, or a retried task, sends nothing

    follow_up.refresh_from_db()
    assert follow_up.state == State.REMINDED and follow_up.sent_at is not None and follow_up.claim_token == ""
    [message] = mail.outbox
    assert message.to == [alice.email]
    assert message.subject == f"Follow-up #1 due for “{submitted.title}”"
    assert "org-NorthwindClinic2026" in message.body and "version 1, SHA-256 " + "ab" * 32 in message.body
    assert "text/html" in message.alternatives[0][1]


def test_a_second_claim_of_the_same_row_claims_nothing(submitted):
    follow_up = make_due(submitted)
    now = timezone.now()
    first_token, first = followups.follow_ups_claim(ids=[follow_up.pk], now=now)
    _, second = followups.follow_ups_claim(ids=[follow_up.pk], now=now)
    assert first == [follow_up.pk] and second == []
    assert followups.follow_ups_send(token="not-the-token") == 0
    assert mail.outbox == []
    assert followups.follow_ups_send(token=first_token) == 1 and len(mail.outbox) == 1


def test_two_sweeps_at_the_same_time_send_one_email(transactional_db, alice, alice_org, catalog_loaded, monkeypatch):
    from apps.workspace.demo import clinic_request_seed

    clinic = clinic_request_seed(organization=alice_org, owner=alice)
    bring_to(clinic, "submitted", alice, make_packet(clinic))
    make_due(clinic)

    # Both sweeps read the due row before either claims it: the worst interleaving.
    barrier = threading.Barrier(2, timeout=10)
    original = followups.due_follow_ups
    first_read = threading.local()

    def read_then_wait(now, limit=followups.SWEEP_BATCH):
        rows = original(now, limit)
        if not getattr(first_read, "done", False):
            first_read.done = True
            barrier.wait()
        return rows

    monkeypatch.setattr(followups, "due_follow_ups", read_then_wait)
    results, errors = two_sweeps_at_once(30)

    assert errors == []
    assert sorted(results) == [0, 1]
    assert len(mail.outbox) == 1
    assert FollowUp.objects.get(request=clinic).state == State.REMINDED


def test_a_failed_send_is_retried_later_and_not_lost(submitted, settings, caplog):
    settings.EMAIL_BACKEND = "tests.tracking.flaky_email.FlakyBackend"
    flaky_email.FAILURES["left"] = 1
    follow_up = make_due(submitted)

    assert followups.follow_ups_sweep() == 0
    follow_up.refresh_from_db()
    assert (follow_up.state, follow_up.claim_token, follow_up.send_failures) == (State.PENDING, "", 1)
    assert "ConnectionRefusedError" in follow_up.last_error and follow_up.retry_at > timezone.now()
    assert "stays due and is retried" in caplog.text
    assert followups.follow_ups_sweep() == 0  # waits for its retry time

    assert followups.follow_ups_sweep(now=follow_up.retry_at + timedelta(seconds=1)) == 1
    follow_up.refresh_from_db()
    assert follow_up.state == State.REMINDED and len(mail.outbox) == 1


def test_a_crash_after_the_claim_is_reclaimed_after_the_timeout(submitted, settings):
    follow_up = make_due(submitted)
    now = timezone.now()
    # A sweep claimed the row, then its process died before sending.
    assert followups.follow_ups_claim(ids=[follow_up.pk], now=now)[1] == [follow_up.pk]

    assert followups.follow_ups_sweep(now=now + timedelta(minutes=1)) == 0  # still claimed by the dead sweep
    later = now + timedelta(minutes=settings.FOLLOW_UP_CLAIM_TIMEOUT_MINUTES + 1)
    assert followups.follow_ups_sweep(now=later) == 1
    follow_up.refresh_from_db()
    assert follow_up.state == State.REMINDED and len(mail.outbox) == 1


def test_a_reply_stops_the_clock_and_plans_from_the_reply(submitted, alice, run_on_commit):
    first = make_due(submitted)
    followups.follow_ups_sweep()
    reply_at = timezone.now()
    with run_on_commit():
        services.contact_entry_create(zdr_request=submitted, user=alice, occurred_at=reply_at, direction="in",
                                      channel="email", summary="We received your request.",
                                      counterpart_name="Jo", counterpart_email="jo@openai.com")
    first.refresh_from_db()
    assert first.state == State.DONE
    [current] = FollowUp.objects.filter(request=submitted, state__in=FollowUp.OPEN)
    assert (current.attempt, current.clock_from) == (1, reply_at)
    assert current.due_at > reply_at + timedelta(days=5)
    tracking = Tracking.objects.get(request=submitted)
    assert (tracking.waiting_on, tracking.waiting_since) == ("openai", reply_at)


def test_marking_a_follow_up_sent_logs_it_and_plans_the_next(client_for, submitted, alice, alice_org,
                                                             run_on_commit):
    FollowUpPolicy.objects.create(organization=alice_org, escalate_after=1, escalation_name="Sam Lee",
                                  escalation_email="sam@openai.com")
    first = make_due(submitted)
    with run_on_commit():
        response = client_for(alice).post(
            reverse("tracking:follow_up_action", args=[submitted.pk, first.pk, "sent"]), follow=True)
    assert "the next one is planned" in response.content.decode()

    first.refresh_from_db()
    assert first.state == State.DONE
    [second] = FollowUp.objects.filter(request=submitted, state=State.PENDING)
    assert (second.attempt, second.escalate) == (2, True)
    entry = submitted.contact_entries.get()
    assert (entry.direction, entry.summary) == ("out", "Follow-up #1 sent.")
    body = client_for(alice).get(reverse("tracking:detail", args=[submitted.pk])).content.decode()
    assert "Follow-up #2 (escalation)" in body and "Sam Lee &lt;sam@openai.com&gt;" in body


def test_snooze_moves_the_reminder_and_the_sweep_honours_it(client_for, submitted, alice):
    follow_up = make_due(submitted)
    client_for(alice).post(reverse("tracking:follow_up_action", args=[submitted.pk, follow_up.pk, "snooze"]),
                           {"days": "3"})
    follow_up.refresh_from_db()
    assert follow_up.state == State.SNOOZED and follow_up.due_at > timezone.now() + timedelta(days=2)
    assert followups.follow_ups_sweep() == 0
    assert followups.follow_ups_sweep(now=follow_up.due_at) == 1

    response = client_for(alice).post(
        reverse("tracking:follow_up_action", args=[submitted.pk, follow_up.pk, "snooze"]), {"days": "400"},
        follow=True)
    assert "Snooze for 1 to 30 days." in response.content.decode()
    follow_up.refresh_from_db()
    assert follow_up.state == State.REMINDED


def test_leaving_the_waiting_states_closes_the_follow_ups(submitted, alice, run_on_commit):
    with run_on_commit():
        move(submitted, "request_info", alice, note="Which projects?")
    assert not FollowUp.objects.filter(request=submitted, state__in=FollowUp.OPEN).exists()
    with run_on_commit():
        move(submitted, "answer_info", alice, note="proj_NotesAssistant01 only.")
    assert FollowUp.objects.filter(request=submitted, state=State.PENDING).count() == 1


def test_a_lost_side_effect_is_repaired_by_the_sweep(clinic, alice, packet):
    bring_to(clinic, "submitted", alice, packet)  # on-commit effects never ran: no follow-up yet
    assert not FollowUp.objects.exists()
    followups.follow_ups_sweep()
    assert FollowUp.objects.filter(request=clinic, state=State.PENDING).count() == 1


def test_a_policy_change_moves_pending_reminders(client_for, submitted, alice, run_on_commit):
    before = FollowUp.objects.get(request=submitted).due_at
    with run_on_commit():
        response = client_for(alice).post(reverse("tracking:policy"), {
            "first_after_business_days": "10", "repeat_every_days": "7", "escalate_after": "3",
            "escalation_name": "", "escalation_email": "", "holidays": "2026-12-25\n2027-01-01",
            "reverify_every_days": "90"})
    assert response.status_code == 302
    assert FollowUp.objects.get(request=submitted).due_at > before + timedelta(days=6)
    assert FollowUpPolicy.objects.get().holidays == ["2026-12-25", "2027-01-01"]


@pytest.mark.parametrize("field,value,error", [
    ("first_after_business_days", "0", "greater than or equal to 1"),
    ("repeat_every_days", "abc", "Enter a whole number"),
    ("holidays", "25/12/2026", "is not a date like 2026-12-25"),
    ("escalation_email", "not-an-email", "Enter a valid email address"),
])
def test_a_bad_policy_is_refused_field_by_field(client_for, alice, field, value, error):
    data = {"first_after_business_days": "5", "repeat_every_days": "7", "escalate_after": "3",
            "reverify_every_days": "90", field: value}
    response = client_for(alice).post(reverse("tracking:policy"), data)
    assert response.status_code == 200 and error in response.content.decode()
    assert not FollowUpPolicy.objects.exists()


def test_only_an_owner_changes_the_policy(client_for, bob):
    response = client_for(bob).post(reverse("tracking:policy"), {"first_after_business_days": "9"}, follow=True)
    assert "Only an owner can change the follow-up policy." in response.content.decode()
    assert not FollowUpPolicy.objects.exists()


def test_the_draft_subject_people_copy_holds_the_company_name_as_typed(client_for, submitted, alice):
    submitted.legal_entity = "O'Brien & Sons"
    submitted.save()
    body = client_for(alice).get(reverse("tracking:detail", args=[submitted.pk])).content.decode()

    subject = BeautifulSoup(body, "html.parser").find(id="draft-subject")["value"]
    assert "O'Brien & Sons" in subject and "&amp;" not in subject and "&#x27;" not in subject
