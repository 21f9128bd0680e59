"""Reads for tracking. Every object is reached through a request that was itself reached through
the member's organization (apps.workspace.selectors), so another organization's row is a 404."""

from django.db.models import BooleanField, Case, Count, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from apps.packets.models import Decision, PacketState, PacketVersion
from apps.packets.selectors import review_state, versions_of
from apps.workspace.models import Control
from apps.workspace.selectors import requests_for

from .models import (
    Approval,
    Attachment,
    ContactEntry,
    Direction,
    DriftAlert,
    FollowUp,
    FollowUpPolicy,
    Transition,
    UsageCheck,
    Verification,
)
from .schedule import Event
from .workflow import MOVES, STATUSES


def tracking_of(zdr_request):
    """The request's status row, which exists from the request's creation."""
    return zdr_request.tracking


def events_for(request_id):
    """Contact-log entries and status moves that start or stop the follow-up clock, oldest first."""
    entries = ContactEntry.objects.filter(request_id=request_id, direction__in=[Direction.IN, Direction.OUT])
    events = [Event(at, direction) for at, direction in entries.values_list("occurred_at", "direction")]
    for at, move in Transition.objects.filter(request_id=request_id).values_list("at", "move"):
        clock = MOVES[move].clock if move in MOVES else None
        if clock:
            events.append(Event(at, clock))
    return sorted(events, key=lambda e: e.at)


class Timeline:
    """Contact entries and status moves, newest first, as (kind, object) pairs, read a page at a
    time: a Paginator slices it, and a slice reads at most `stop` rows of each table (so the
    first page of a request with 2,000 entries reads 2 x 25 rows, not 2,000)."""

    def __init__(self, zdr_request):
        self.zdr_request = zdr_request
        self.entries = (ContactEntry.objects.filter(request=zdr_request).select_related("attachment", "created_by")
                        .order_by("-occurred_at", "-pk"))
        self.moves = (Transition.objects.filter(request=zdr_request).select_related("by", "packet_version")
                      .order_by("-at", "-pk"))

    def count(self):
        known = getattr(self.zdr_request, "timeline_count", None)  # request_tracked_get counts both at once
        return known if known is not None else self.entries.count() + self.moves.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        index = index if isinstance(index, slice) else slice(index, index + 1)
        stop = index.stop
        items = ([("contact", e.occurred_at, e) for e in self.entries[:stop]]
                 + [("move", t.at, t) for t in self.moves[:stop]])
        return [(kind, obj) for kind, _, obj in sorted(items, key=lambda item: item[1], reverse=True)][index]


def follow_ups_of(zdr_request):
    return FollowUp.objects.filter(request=zdr_request).order_by("-due_at", "-pk")


def approval_current(zdr_request):
    return Approval.objects.filter(request=zdr_request).select_related("evidence", "recorded_by").first()


def verifications_of(zdr_request):
    return Verification.objects.filter(request=zdr_request).select_related("ran_by")


def usage_check_latest(zdr_request):
    return UsageCheck.objects.filter(request=zdr_request).select_related("ran_by").first()


def drift_open(zdr_request):
    return DriftAlert.objects.filter(request=zdr_request, resolved_at__isnull=True)


def has_verification_evidence(zdr_request, approval=None):
    approval = approval or approval_current(zdr_request)
    if approval is None:
        return False
    return (approval.verifications.filter(outcome=Verification.Outcome.MATCH).exists()
            or approval.ticks.filter(item="dashboard_tab", done=True).exists())


def ready_packet_versions(zdr_request):
    return PacketVersion.objects.filter(request=zdr_request, state=PacketState.READY).order_by("-number")


def is_signed_off(version):
    """A reviewer's latest decision on this version's current PDF is an approval."""
    decision = review_state(version)
    return version.state == PacketState.READY and decision is not None and decision.decision == Decision.APPROVED


def signed_off_versions(zdr_request):
    """The ready versions a reviewer signed off, newest first, as a queryset (for choice fields)."""
    ready = versions_of(zdr_request).filter(state=PacketState.READY)
    return ready_packet_versions(zdr_request).filter(pk__in=[v.pk for v in ready if is_signed_off(v)])


def sendable_versions(zdr_request):
    """What "Record as submitted" offers first: signed off and not a draft."""
    return signed_off_versions(zdr_request).filter(is_draft=False)


def move_facts(zdr_request):
    """The facts the workflow's moves need that no form types in, or that a form can only offer if
    they exist (a version to choose): what the tracking page disables its buttons by."""
    return {
        "control": zdr_request.requested_control in Control.values,
        "signed_off_version": signed_off_versions(zdr_request).exists(),
        "packet_version": ready_packet_versions(zdr_request).exists(),
    }


def attachment_get(*, zdr_request, attachment_id):
    return get_object_or_404(Attachment.objects.filter(request=zdr_request), pk=attachment_id)


def follow_up_get(*, zdr_request, follow_up_id):
    return get_object_or_404(FollowUp.objects.filter(request=zdr_request).select_related("request"), pk=follow_up_id)


def alert_get(*, zdr_request, alert_id):
    return get_object_or_404(drift_open(zdr_request), pk=alert_id)


def policy_for(organization):
    return FollowUpPolicy.objects.filter(organization=organization).first() or FollowUpPolicy(organization=organization)


# ---- The dashboard: a fixed number of queries, whatever the number of requests ----

# The columns a dashboard row shows: a request's JSON answers stay in the database.
ROW_FIELDS = ("title", "requested_control", "updated_at", "organization_id", "owner__email", "owner__full_name",
              "tracking__status", "tracking__waiting_on", "tracking__waiting_since")


def _among(ids):
    """True for the requests in `ids` (a subquery the database runs once, not once a row)."""
    return Case(When(pk__in=ids, then=Value(True)), default=Value(False), output_field=BooleanField())


def requests_tracked(organization, *, status="", waiting_on="", now=None):
    """The organization's requests with their tracking state and open reminders, filtered."""
    now = now or timezone.now()
    overdue = FollowUp.objects.filter(request__organization=organization, state__in=FollowUp.OPEN, due_at__lte=now)
    alerts = DriftAlert.objects.filter(request__organization=organization, resolved_at__isnull=True)
    queryset = requests_for(organization).select_related(None).select_related("owner", "tracking").only(
        *ROW_FIELDS).annotate(
        overdue=_among(overdue.values("request_id")), open_alerts=_among(alerts.values("request_id")),
    ).order_by("-open_alerts", "-overdue", "-updated_at", "-pk")  # what needs attention first
    if status:
        queryset = queryset.filter(tracking__status=status)
    if waiting_on:
        queryset = queryset.filter(tracking__waiting_on="" if waiting_on == "nobody" else waiting_on)
    return queryset


def status_counts(organization):
    counts = dict.fromkeys(STATUSES, 0)
    for status, n in requests_for(organization).values_list("tracking__status").annotate(n=Count("pk")).order_by():
        counts[status] += n
    return counts


def overdue_follow_ups(organization, now=None):
    return (FollowUp.objects.filter(request__organization=organization, state__in=FollowUp.OPEN,
                                    due_at__lte=now or timezone.now())
            .select_related("request").only(*FOLLOW_UP_FIELDS, "request__title").order_by("due_at", "pk"))


FOLLOW_UP_FIELDS = ("request_id", "kind", "attempt", "escalate", "reason", "due_at", "state")


def open_alerts(organization):
    alerts = DriftAlert.objects.filter(request__organization=organization, resolved_at__isnull=True)
    return alerts.select_related("request")


def request_with_tracking_get(*, organization, request_id):
    """The request and its tracking row alone, through the member's organization."""
    return get_object_or_404(requests_for(organization).select_related(None).select_related("tracking").only(
        "title", "requested_control", "organization_id", "tracking__status"), pk=request_id)


def request_tracked_get(*, organization, request_id):
    """The request with its tracking row and contacts, through the member's organization."""
    queryset = requests_for(organization).select_related("tracking__packet_version", "organization").annotate(
        timeline_count=_count_of(ContactEntry) + _count_of(Transition))
    return get_object_or_404(queryset.prefetch_related("contacts"), pk=request_id)


def _count_of(model):
    rows = model.objects.filter(request=OuterRef("pk")).order_by().values("request").annotate(n=Count("pk"))
    return Coalesce(Subquery(rows.values("n")), 0)
