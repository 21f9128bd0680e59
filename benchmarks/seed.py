"""The benchmark's data: one organization with 1,000 requests and 20,000 contact-log and history
entries, written with bulk_create so seeding takes seconds. The clinic request (complete wizard
data) carries 2,000 of the entries: it is the "old, busy request" whose pages must stay flat."""

import os
import random
from datetime import timedelta

from django.utils import timezone

REQUESTS = 1000
ENTRIES = 20000  # half contact-log rows, half their history rows
BIG_REQUEST_ENTRIES = 2000
PASSWORD = "bench-password-not-secret"  # noqa: S105 - a throwaway database's user
DUE, NOT_DUE = int(os.environ.get("BENCH_DUE", 10000)), 50000


def seed():
    """Create everything; return {"user", "organization", "clinic", "other"} (the other is a typical request)."""
    from apps.accounts.models import Membership, Organization, Role, User
    from apps.workspace.demo import clinic_request_seed

    user = User.objects.create_user("bench@example.com", password=PASSWORD, full_name="Bench Mark")
    organization = Organization.objects.create(name="Northwind Clinic", slug="northwind-clinic")
    Membership.objects.create(organization=organization, user=user, role=Role.OWNER)
    clinic = clinic_request_seed(organization=organization, owner=user)
    others = _requests(clinic, user, REQUESTS - 1)
    _trackings(others)
    spread = [r.pk for r in others for _ in range(9)][: ENTRIES // 2 - BIG_REQUEST_ENTRIES]
    _contact_log([clinic.pk] * BIG_REQUEST_ENTRIES + spread, user)
    return {"user": user, "organization": organization, "clinic": clinic, "other": others[len(others) // 2]}


def _requests(clinic, user, count):
    from apps.workspace.models import ZdrRequest

    fields = {f.attname: getattr(clinic, f.attname) for f in ZdrRequest._meta.concrete_fields if not f.primary_key}
    rows = [ZdrRequest(**{**fields, "title": f"Assistant {i:04d}"}) for i in range(count)]
    ZdrRequest.objects.bulk_create(rows, batch_size=500)
    created = list(ZdrRequest.objects.filter(organization_id=clinic.organization_id).exclude(pk=clinic.pk)
                   .order_by("pk"))
    ZdrRequest.history.bulk_history_create(created, default_user=user)
    return created


def _trackings(requests):
    """Every status in turn; those waiting on OpenAI have an open follow-up, a tenth of them overdue."""
    from apps.tracking.models import FollowUp, Tracking
    from apps.tracking.workflow import STATUSES

    now = timezone.now()
    statuses = list(STATUSES.values())
    trackings, follow_ups = [], []
    for i, zdr_request in enumerate(requests):
        status = statuses[i % len(statuses)]
        since = now - timedelta(days=1 + i % 60)
        trackings.append(Tracking(
            request=zdr_request, status=status.key, status_changed_at=since, waiting_on=status.waiting_on or "",
            waiting_since=since if status.waiting_on else None,
            submitted_at=since if status.waiting_on == "openai" else None))
        if status.waiting_on == "openai":
            due = now - timedelta(days=1) if i % 10 == 0 else now + timedelta(days=3 + i % 20)
            follow_ups.append(FollowUp(request=zdr_request, kind=FollowUp.Kind.FOLLOW_UP, clock_from=since, due_at=due))
    Tracking.objects.bulk_create(trackings, batch_size=500)
    Tracking.history.bulk_history_create(trackings)
    FollowUp.objects.bulk_create(follow_ups, batch_size=500)


def _contact_log(request_ids, user):
    from apps.tracking.models import ContactEntry

    now = timezone.now()
    rows = [ContactEntry(request_id=request_id, occurred_at=now - timedelta(minutes=7 * i),
                         direction=("out", "in")[i % 2], channel="email", counterpart_name="OpenAI sales",
                         counterpart_email="sales@openai.com",
                         summary=f"Exchange {i}: asked where the review stands; they will get back to us.",
                         created_by=user)
            for i, request_id in enumerate(request_ids)]
    ContactEntry.objects.bulk_create(rows, batch_size=1000)
    stored = list(ContactEntry.objects.order_by("pk"))
    ContactEntry.history.bulk_history_create(stored, default_user=user, batch_size=1000)


def follow_ups_for_sweep(organization, due=DUE, not_due=NOT_DUE):
    """`due` reminders due now and `not_due` due later, spread over the organization's requests."""
    from apps.tracking.models import FollowUp
    from apps.workspace.models import ZdrRequest

    now = timezone.now()
    request_ids = list(ZdrRequest.objects.filter(organization=organization).values_list("pk", flat=True))
    rng = random.Random(15)  # noqa: S311 - repeatable test data
    rows = [FollowUp(request_id=request_ids[i % len(request_ids)], kind=FollowUp.Kind.FOLLOW_UP,
                     attempt=1 + i % 4, clock_from=now - timedelta(days=10),
                     due_at=now - timedelta(minutes=rng.randint(1, 5000)) if i < due
                     else now + timedelta(days=rng.randint(1, 300)))
            for i in range(due + not_due)]
    FollowUp.objects.bulk_create(rows, batch_size=2000)
