"""Business-day arithmetic and the follow-up plan, with frozen dates: weekends and listed holidays
never count, and reminders fall due at 09:00 on a business day."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from apps.tracking.businessdays import (
    add_business_days,
    is_business_day,
    next_business_day,
    parse_holidays,
)
from apps.tracking.models import FollowUp, FollowUpPolicy
from apps.tracking.schedule import Event, Terms, next_follow_up, who_waits

from .moves import bring_to

FRI, SAT, SUN, MON = date(2026, 3, 6), date(2026, 3, 7), date(2026, 3, 8), date(2026, 3, 9)


def at(day, hour=10):
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def test_weekends_are_not_business_days():
    assert [is_business_day(d) for d in (FRI, SAT, SUN, MON)] == [True, False, False, True]
    assert next_business_day(SAT) == MON and next_business_day(FRI) == FRI


@pytest.mark.parametrize("start,count,holidays,expected", [
    (MON, 5, (), date(2026, 3, 16)),  # a full week later
    (FRI, 1, (), MON),  # over the weekend
    (FRI, 5, (), date(2026, 3, 13)),
    (SAT, 1, (), MON),  # from a weekend day
    (FRI, 5, (date(2026, 3, 11),), date(2026, 3, 16)),  # a holiday on Wednesday pushes it to Monday
    (FRI, 1, (MON, date(2026, 3, 10)), date(2026, 3, 11)),  # holidays next to a weekend
    (date(2026, 12, 23), 3, (date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 31), date(2027, 1, 1)),
     date(2026, 12, 30)),
    (SAT, 0, (), MON),
])
def test_add_business_days(start, count, holidays, expected):
    assert add_business_days(start, count, frozenset(holidays)) == expected


def test_a_holiday_is_skipped_like_a_weekend_day():
    wednesday = frozenset({date(2026, 3, 11)})
    assert not is_business_day(date(2026, 3, 11), wednesday)
    assert add_business_days(FRI, 4, wednesday) == date(2026, 3, 13)  # Monday, Tuesday, Thursday, Friday
    assert add_business_days(MON, 0) == MON  # the start day itself never counts


def test_holidays_are_parsed_leniently():
    assert parse_holidays(["2026-12-25", "not a date", date(2026, 1, 1)]) == {date(2026, 12, 25), date(2026, 1, 1)}


def test_the_plan_follows_the_policy():
    terms = Terms(holidays=frozenset({date(2026, 3, 11)}))
    submitted = Event(at(FRI), "out")
    first = next_follow_up([submitted], terms, UTC)
    assert (first.attempt, first.escalate, first.due_at) == (1, False, datetime(2026, 3, 16, 9, tzinfo=UTC))

    follow_ups = [Event(at(date(2026, 3, 16)), "out"), Event(at(date(2026, 3, 23)), "out"),
                  Event(at(date(2026, 3, 30)), "out")]
    second = next_follow_up([submitted, follow_ups[0]], terms, UTC)
    assert (second.attempt, second.due_at) == (2, datetime(2026, 3, 23, 9, tzinfo=UTC))  # 7 days later
    fourth = next_follow_up([submitted, *follow_ups], terms, UTC)
    assert (fourth.attempt, fourth.escalate) == (4, True)  # after 3 unanswered follow-ups

    reply = Event(at(date(2026, 4, 1)), "in")
    after_reply = next_follow_up([submitted, *follow_ups, reply], terms, UTC)
    assert (after_reply.attempt, after_reply.escalate, after_reply.clock_from) == (1, False, reply.at)
    assert after_reply.due_at == datetime(2026, 4, 8, 9, tzinfo=UTC)


def test_a_repeat_landing_on_a_weekend_moves_to_monday():
    events = [Event(at(date(2026, 3, 2)), "out"), Event(at(date(2026, 3, 14) - timedelta(days=7)), "out")]  # Sat
    plan = next_follow_up(events, Terms(), UTC)
    assert plan.due_at.date() == date(2026, 3, 16)


def test_who_waits_counts_from_the_first_unanswered_message():
    sent, nudged = at(date(2026, 3, 2)), at(date(2026, 3, 9))
    waiting = who_waits("submitted", sent, [Event(sent, "out"), Event(nudged, "out")])
    assert (waiting.on, waiting.since, waiting.days(at(date(2026, 3, 12)))) == ("openai", sent, 10)

    reply = at(date(2026, 3, 10))
    assert who_waits("under_review", sent, [Event(sent, "out"), Event(reply, "in")]).since == reply
    assert who_waits("info_requested", reply, []).on == "team"
    assert who_waits("verified", reply, []).on is None


@pytest.mark.parametrize("frozen,expected", [
    ("2026-03-06 15:30", datetime(2026, 3, 13, 9, tzinfo=UTC)),  # Friday -> next Friday
    ("2026-03-07 11:00", datetime(2026, 3, 13, 9, tzinfo=UTC)),  # Saturday counts from the weekend
])
def test_submitting_plans_the_first_follow_up_with_frozen_time(frozen, expected, submitted_at_frozen):
    assert submitted_at_frozen(frozen).due_at == expected


def test_the_organizations_holidays_move_the_first_follow_up(submitted_at_frozen, alice_org):
    FollowUpPolicy.objects.create(organization=alice_org, holidays=["2026-03-12", "2026-03-13"])
    assert submitted_at_frozen("2026-03-06 15:30").due_at == datetime(2026, 3, 17, 9, tzinfo=UTC)


@pytest.fixture
def submitted_at_frozen(clinic, alice, packet, run_on_commit):
    def submit(moment):
        with time_machine.travel(datetime.fromisoformat(moment).replace(tzinfo=UTC), tick=False), run_on_commit():
            bring_to(clinic, "submitted", alice, packet)
        return FollowUp.objects.get(request=clinic, state="pending")

    return submit
