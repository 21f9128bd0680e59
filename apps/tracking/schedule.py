"""Who a request waits on, and when the next follow-up falls due: pure functions of the request's
status and its events (contact-log entries and status moves, each inbound or outbound).

- Waiting on OpenAI counts from our first message that OpenAI has not answered yet (or from
  OpenAI's last word, when we have said nothing since): three unanswered follow-ups do not
  restart the count. Waiting on the team counts from the status change.
- The first follow-up falls due `first_after_business_days` business days after the clock starts
  (the submission, or OpenAI's last reply); each later one `repeat_every_days` calendar days after
  our last follow-up, moved to the next business day. After `escalate_after` unanswered follow-ups
  the next one is an escalation to the named contact.
- Reminders fall due at REMINDER_TIME on their day, in the portal's time zone."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from .businessdays import add_business_days, next_business_day
from .workflow import STATUSES

REMINDER_TIME = time(9, 0)


@dataclass(frozen=True)
class Event:
    at: datetime
    direction: str  # "in" (from OpenAI) or "out" (to OpenAI)


@dataclass(frozen=True)
class Waiting:
    on: str | None  # "team", "openai" or None
    since: datetime | None

    def days(self, now):
        return max((now - self.since).days, 0) if self.since else 0


@dataclass(frozen=True)
class Terms:
    first_after_business_days: int = 5
    repeat_every_days: int = 7
    escalate_after: int = 3
    holidays: frozenset = frozenset()


@dataclass(frozen=True)
class Plan:
    attempt: int  # 1 for the first follow-up since the clock started
    escalate: bool
    clock_from: datetime  # when the clock started: the submission or OpenAI's last reply
    due_at: datetime


def _sorted(events):
    return sorted((e for e in events if e.direction in ("in", "out")), key=lambda e: e.at)


def who_waits(status, status_since, events):
    waiting_on = STATUSES[status].waiting_on
    if waiting_on != "openai":
        return Waiting(waiting_on, status_since if waiting_on else None)
    events = _sorted(events)
    last_in = max((e.at for e in events if e.direction == "in"), default=None)
    unanswered = [e.at for e in events if e.direction == "out" and (last_in is None or e.at > last_in)]
    since = unanswered[0] if unanswered else (last_in or status_since)
    return Waiting("openai", since)


def at_reminder_time(day, tz):
    return datetime.combine(day, REMINDER_TIME, tzinfo=tz)


def next_follow_up(events, terms, tz):
    """The follow-up the team owes OpenAI next, or None before anything was sent."""
    events = _sorted(events)
    last_in = max((e.at for e in events if e.direction == "in"), default=None)
    first_out = next((e.at for e in events if e.direction == "out"), None)
    clock_from = last_in or first_out
    if clock_from is None:
        return None
    follow_ups = [e.at for e in events if e.direction == "out" and e.at > clock_from]
    if follow_ups:
        day = next_business_day(follow_ups[-1].astimezone(tz).date() + timedelta(days=terms.repeat_every_days),
                                terms.holidays)
    else:
        day = add_business_days(clock_from.astimezone(tz).date(), terms.first_after_business_days, terms.holidays)
    return Plan(
        attempt=len(follow_ups) + 1, escalate=len(follow_ups) >= terms.escalate_after,
        clock_from=clock_from, due_at=at_reminder_time(day, tz),
    )


# The first check after an approval: OpenAI's setting can take a day to show, and a reminder due
# the moment the approval is recorded would read "overdue" before anyone could act on it.
FIRST_CHECK_AFTER_BUSINESS_DAYS = 1


def first_verification_due(effective_date, recorded_at, holidays, tz):
    """When to check an approval first: on its effective date, but never before the business day
    after it was recorded, at reminder time. Always later than `recorded_at`."""
    earliest = add_business_days(recorded_at.astimezone(tz).date(), FIRST_CHECK_AFTER_BUSINESS_DAYS, holidays)
    return at_reminder_time(next_business_day(max(effective_date, earliest), holidays), tz)


def reverification_due(after, every_days, holidays, tz):
    """The next re-verification reminder: `every_days` after `after`, on a business day."""
    return at_reminder_time(next_business_day(after.astimezone(tz).date() + timedelta(days=every_days), holidays), tz)
