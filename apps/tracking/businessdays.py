"""Business-day arithmetic: weekends and the organization's listed holidays are not business days.
Pure functions of dates, so they are tested with frozen dates and no database."""

from datetime import date, timedelta


def parse_holidays(values):
    """ISO dates (as the policy stores them) to a set of dates; anything else is ignored."""
    days = set()
    for value in values or ():
        try:
            days.add(value if isinstance(value, date) else date.fromisoformat(str(value).strip()))
        except ValueError:
            continue
    return frozenset(days)


def is_business_day(day, holidays=frozenset()):
    return day.weekday() < 5 and day not in holidays


def next_business_day(day, holidays=frozenset()):
    """`day` itself when it is a business day, else the first business day after it."""
    while not is_business_day(day, holidays):
        day += timedelta(days=1)
    return day


def add_business_days(day, count, holidays=frozenset()):
    """The business day `count` business days after `day` (which itself does not count)."""
    if count < 0:
        raise ValueError("count must not be negative")
    while count:
        day += timedelta(days=1)
        if is_business_day(day, holidays):
            count -= 1
    return next_business_day(day, holidays)
