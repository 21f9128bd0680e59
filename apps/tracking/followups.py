"""Reminders as database rows (an outbox), after Healthchecks' `sendreports`.

The plan (which follow-up is owed, and when) is derived from the request's events each time
something changes, so it can always be rebuilt. The periodic sweep claims each due row with a
conditional UPDATE and sends only when exactly one row changed:
- the sweep drains everything due in batches: one conditional UPDATE claims a batch, one mail
  connection sends it, one UPDATE marks it sent (a fixed number of queries per batch);
- two sweeps at once, or a retried task, send one email: the second claim changes no row;
- a failed send releases the claim and the row is retried later (with a growing pause);
- a crash after the claim leaves the row claimed; once the claim is older than
  FOLLOW_UP_CLAIM_TIMEOUT_MINUTES a later sweep takes it again. (A crash between the SMTP
  hand-over and the batch's final UPDATE can still repeat that batch's emails: at least once,
  never lost.)"""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone

from apps.foundation.history import update_with_history

from .businessdays import parse_holidays
from .emails import ReminderBatch, reminders_to_send
from .models import FollowUp, FollowUpPolicy, Tracking
from .schedule import Terms, first_verification_due, next_follow_up, reverification_due
from .selectors import approval_current, events_for
from .workflow import WAITING_ON_OPENAI

logger = logging.getLogger(__name__)
State, Kind = FollowUp.State, FollowUp.Kind


def policy_terms(organization_id):
    policy = FollowUpPolicy.objects.filter(organization_id=organization_id).first() or FollowUpPolicy()
    terms = Terms(
        first_after_business_days=policy.first_after_business_days, repeat_every_days=policy.repeat_every_days,
        escalate_after=policy.escalate_after, holidays=parse_holidays(policy.holidays),
    )
    return terms, policy


def _close(rows, now):
    """Close open rows: a reminded one was acted on (done), a pending or snoozed one is no longer needed."""
    update_with_history(rows.filter(state=State.REMINDED), state=State.DONE, resolved_at=now)
    update_with_history(rows.filter(state__in=FollowUp.DUE), state=State.CANCELLED, resolved_at=now)


@transaction.atomic
def follow_ups_reschedule(*, request_id, now=None):
    """Make the open follow-up match the plan: the one owed now, or none when the request no
    longer waits on OpenAI. Older rows (a reply came, or the team followed up) are closed."""
    now = now or timezone.now()
    tracking = Tracking.objects.select_for_update().select_related("request").filter(request_id=request_id).first()
    open_rows = FollowUp.objects.filter(request_id=request_id, kind=Kind.FOLLOW_UP, state__in=FollowUp.OPEN)
    plan = None
    if tracking is not None and tracking.status in WAITING_ON_OPENAI:
        terms, _ = policy_terms(tracking.request.organization_id)
        plan = next_follow_up(events_for(request_id), terms, timezone.get_current_timezone())
    if plan is None:
        _close(open_rows, now)
        return None
    current = open_rows.filter(attempt=plan.attempt, clock_from=plan.clock_from).order_by("pk").first()
    _close(open_rows.exclude(pk=current.pk) if current else open_rows, now)
    if current is None:
        return FollowUp.objects.create(request_id=request_id, kind=Kind.FOLLOW_UP, attempt=plan.attempt,
                                       escalate=plan.escalate, clock_from=plan.clock_from, due_at=plan.due_at)
    # A policy change moves a pending reminder; a snoozed or claimed one keeps its time.
    pending = FollowUp.objects.filter(pk=current.pk, state=State.PENDING, claimed_at__isnull=True)
    update_with_history(pending.exclude(due_at=plan.due_at, escalate=plan.escalate),
                        due_at=plan.due_at, escalate=plan.escalate)
    return current


def _reverify_rows(request_id):
    return FollowUp.objects.filter(request_id=request_id, kind=Kind.REVERIFY, state__in=FollowUp.OPEN)


@transaction.atomic
def reverification_schedule(*, request_id, after=None):
    """The next re-verification reminder, `reverify_every_days` after `after` (default: now)."""
    now = timezone.now()
    tracking = Tracking.objects.select_related("request").get(request_id=request_id)
    terms, policy = policy_terms(tracking.request.organization_id)
    _close(_reverify_rows(request_id), now)
    due_at = reverification_due(after or now, policy.reverify_every_days, terms.holidays,
                                timezone.get_current_timezone())
    return FollowUp.objects.create(request_id=request_id, kind=Kind.REVERIFY, due_at=due_at,
                                   reason=f"Re-verify every {policy.reverify_every_days} days.")


@transaction.atomic
def reverification_start(*, request_id):
    """Right after an approval: a reminder to verify it once it takes effect, counted from the
    approval (see schedule.first_verification_due), so it is never overdue when it appears."""
    tracking = Tracking.objects.select_related("request").get(request_id=request_id)
    approval = approval_current(tracking.request)
    now = timezone.now()
    _close(_reverify_rows(request_id), now)
    terms, _ = policy_terms(tracking.request.organization_id)
    recorded_at = approval.recorded_at if approval else now
    effective = approval.effective_date if approval else recorded_at.date()
    due_at = first_verification_due(effective, max(recorded_at, now), terms.holidays, timezone.get_current_timezone())
    return FollowUp.objects.create(request_id=request_id, kind=Kind.REVERIFY, due_at=due_at,
                                   reason="Approval recorded: check that the control is on.")


@transaction.atomic
def reverification_cancel(*, request_id):
    now = timezone.now()
    _close(FollowUp.objects.filter(request_id=request_id, kind__in=[Kind.REVERIFY, Kind.DRIFT],
                                   state__in=FollowUp.OPEN), now)


@transaction.atomic
def follow_up_snooze(*, follow_up, days):
    now = timezone.now()
    update_with_history(FollowUp.objects.filter(pk=follow_up.pk, state__in=FollowUp.OPEN), state=State.SNOOZED,
                        due_at=now + timedelta(days=days), claim_token="", claimed_at=None, retry_at=None)


@transaction.atomic
def follow_up_done(*, follow_up):
    update_with_history(FollowUp.objects.filter(pk=follow_up.pk, state__in=FollowUp.OPEN), state=State.DONE,
                        resolved_at=timezone.now())


# ---- The sweep ----

SWEEP_BATCH = 250  # rows claimed, rendered and sent together; a crash repeats at most this many


def due_follow_ups(now, limit=SWEEP_BATCH):
    """Ids of rows due now and not claimed (or whose claim has gone stale), oldest first in each
    state: the order of the (state, due_at) index, so the database reads just the rows it returns
    (and those claimed by another sweep), never the not-due or closed ones, and sorts nothing."""
    rows = _claimable(FollowUp.objects.all(), now).order_by("state", "due_at", "pk")
    return list(rows.values_list("pk", flat=True)[:limit])


def _claimable(rows, now):
    stale = now - timedelta(minutes=settings.FOLLOW_UP_CLAIM_TIMEOUT_MINUTES)
    return (rows.filter(state__in=FollowUp.DUE, due_at__lte=now)
            .filter(Q(retry_at__isnull=True) | Q(retry_at__lte=now))
            .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale)))


def follow_ups_claim(*, ids, now):
    """Claim those of `ids` that are still claimable, in ONE conditional UPDATE: of two sweeps
    that read the same rows, the second one's UPDATE finds them claimed and changes nothing
    (PostgreSQL re-checks the condition after waiting for the first one's row locks; SQLite
    runs one writer at a time). Returns the claim's token and the ids it got."""
    token = uuid.uuid4().hex
    if not _claimable(FollowUp.objects.filter(pk__in=ids), now).update(claim_token=token, claimed_at=now):
        return token, []
    return token, list(FollowUp.objects.filter(claim_token=token).values_list("pk", flat=True))


def follow_ups_send(*, token):
    """Email the reminders claimed with `token` through one mail connection, then mark them sent in
    one UPDATE. A reminder whose rendering or sending fails is released for a retry (with a growing
    pause) and the others still go. Returns how many were sent."""
    rows = reminders_to_send(FollowUp.objects.filter(claim_token=token))
    if not rows:
        return 0
    batch, sent, failed = ReminderBatch(rows), set(), []
    connection = get_connection()
    try:
        connection.open()
    except Exception as error:  # the mail server is down: every row stays due
        failed = [(row, error) for row in rows]
        rows = []
    for row in rows:
        try:
            connection.send_messages([batch.message(row)])
            sent.add(row.pk)
        except Exception as error:  # any failure of rendering or sending: the row must stay due
            failed.append((row, error))
    connection.close()
    mine = FollowUp.objects.filter(claim_token=token)
    update_with_history(mine.filter(pk__in=sent), sent_at=timezone.now(), claim_token="", last_error="",
                        retry_at=None,
                        state=Case(When(state__in=FollowUp.DUE, then=Value(State.REMINDED)), default=F("state")))
    for row, error in failed:
        _release(mine.filter(pk=row.pk), row, error)
    for row in rows:
        if row.pk in sent:
            logger.info("Follow-up %s: reminder sent to the owner of request %s.", row.pk, row.request_id)
    return len(sent)


def _release(mine, row, error):
    pause = timedelta(minutes=min(2 ** row.send_failures, 60))
    update_with_history(mine, claim_token="", claimed_at=None, send_failures=F("send_failures") + 1,
                        last_error=f"{type(error).__name__}: {error}"[:500], retry_at=timezone.now() + pause)
    logger.warning("Follow-up %s was not sent (%s); it stays due and is retried.", row.pk, type(error).__name__)


def follow_ups_repair():
    """A request waiting on OpenAI always has an open follow-up: rebuild it if an on-commit
    effect was lost (a crash between the commit and the effect).

    Two plain scans and a set difference rather than an anti-join: right after a bulk import,
    before PostgreSQL has fresh statistics, the anti-join was planned as a nested loop that read
    every follow-up once per waiting request (56 s)."""
    waiting = set(Tracking.objects.filter(status__in=WAITING_ON_OPENAI).values_list("request_id", flat=True))
    if not waiting:
        return
    covered = set(FollowUp.objects.filter(kind=Kind.FOLLOW_UP, state__in=FollowUp.OPEN)
                  .values_list("request_id", flat=True).distinct())
    for request_id in sorted(waiting - covered):
        follow_ups_reschedule(request_id=request_id)


def follow_ups_sweep(*, now=None, batch_size=SWEEP_BATCH):
    """Send every reminder due at `now` once, batch after batch, until none is left (a row whose
    send failed waits for its retry time, so the loop ends). Returns how many this sweep sent."""
    follow_ups_repair()
    now = now or timezone.now()
    sent = 0
    while ids := due_follow_ups(now, batch_size):
        token, claimed = follow_ups_claim(ids=ids, now=now)
        if claimed:
            sent += follow_ups_send(token=token)
    return sent
