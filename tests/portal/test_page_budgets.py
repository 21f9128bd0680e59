"""Every page reads a fixed number of queries, at most 15, whatever the organization's size: the
same count with one request as with 1,000 requests and a request with 2,000 contact-log
entries (and their history rows). The rows are bulk-created, so the test stays fast."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from apps.tracking.models import ContactEntry, FollowUp, Tracking
from apps.tracking.workflow import STATUSES
from apps.workspace.models import ZdrRequest

BUDGET = 15
REQUESTS, ENTRIES = 1000, 2000


def pages(clinic):
    return {
        "dashboard": reverse("portal:dashboard"),
        "request list": reverse("workspace:list"),
        "wizard step": reverse("workspace:step", args=[clinic.pk, "usage"]),
        "tracking": reverse("tracking:detail", args=[clinic.pk]),
        "history": reverse("audit:history", args=[clinic.pk]),
        "catalog": reverse("catalog:endpoints", args=["openai"]),
    }


def queries_of(client, path):
    client.get(path)  # the first visit fills the session and the caches
    seen = []

    def count(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        assert client.get(path).status_code == 200, path
    return len(seen)


def grow(clinic, alice, requests, entries):
    """Requests in every status, overdue reminders, and log entries on the clinic."""
    fields = {f.attname: getattr(clinic, f.attname) for f in ZdrRequest._meta.concrete_fields if not f.primary_key}
    ZdrRequest.objects.bulk_create([ZdrRequest(**{**fields, "title": f"Assistant {i}"}) for i in range(requests)])
    others = list(ZdrRequest.objects.filter(title__startswith="Assistant ", tracking__isnull=True))
    now, statuses = timezone.now(), list(STATUSES.values())
    Tracking.objects.bulk_create([
        Tracking(request=r, status=statuses[i % len(statuses)].key, waiting_on=statuses[i % len(statuses)].waiting_on
                 or "", waiting_since=now - timedelta(days=i % 30)) for i, r in enumerate(others)])
    FollowUp.objects.bulk_create([FollowUp(request=r, due_at=now - timedelta(days=1 + i % 5))
                                  for i, r in enumerate(others) if i % 3 == 0])
    entries = ContactEntry.objects.bulk_create([
        ContactEntry(request=clinic, occurred_at=now - timedelta(hours=i), direction=("out", "in")[i % 2],
                     channel="email", summary=f"Exchange {i}", created_by=alice) for i in range(entries)])
    ContactEntry.history.bulk_history_create(entries, default_user=alice)


@pytest.mark.parametrize("page", ["dashboard", "request list", "wizard step", "tracking", "history", "catalog"])
def test_a_page_reads_the_same_few_queries_at_any_size(alice_client, alice, clinic, page, settings):
    settings.FRAGMENT_CACHE = False  # the page as it renders after a change, not as the cache serves it
    path = pages(clinic)[page]
    grow(clinic, alice, requests=30, entries=30)  # every part of the page has something to show
    small = queries_of(alice_client, path)
    grow(clinic, alice, requests=REQUESTS, entries=ENTRIES)
    assert queries_of(alice_client, path) == small <= BUDGET
