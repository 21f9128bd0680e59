"""Reads for tracking. Every object is reached through a request that was itself reached through
the member's organization (apps.workspace.selectors), so another organization's row is a 404."""

from django.db.models import Count, Exists, OuterRef
from django.shortcuts import get_object_or_404
from django.utils import timezone

from apps.packets.models import PacketState, PacketVersion
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


def timeline(zdr_request):
    """Contact entries and status moves, newest first, as (kind, object) pairs."""
    entries = ContactEntry.objects.filter(request=zdr_request).select_related("attachment", "created_by")
    moves = Transition.objects.filter(request=zdr_request).select_related("by", "packet_version")
    items = [("contact", e.occurred_at, e) for e in entries] + [("move", t.at, t) for t in moves]
    return [(kind, obj) for kind, _, obj in sorted(items, key=lambda item: item[1], reverse=True)]


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


def attachment_get(*, zdr_request, attachment_id):
    return get_object_or_404(Attachment.objects.filter(request=zdr_request), pk=attachment_id)


def follow_up_get(*, zdr_request, follow_up_id):
    return get_object_or_404(FollowUp.objects.filter(request=zdr_request).select_related("request"), pk=follow_up_id)


def alert_get(*, zdr_request, alert_id):
    return get_object_or_404(drift_open(zdr_request), pk=alert_id)


def policy_for(organization):
    return FollowUpPolicy.objects.filter(organization=organization).first() or FollowUpPolicy(organization=organization)


# ---- The dashboard: a fixed number of queries, whatever the number of requests ----

def _open_follow_ups(now=None):
    rows = FollowUp.objects.filter(request=OuterRef("pk"), state__in=FollowUp.OPEN)
    return rows.filter(due_at__lte=now) if now else rows


def requests_tracked(organization, *, status="", waiting_on="", now=None):
    """The organization's requests with their tracking state and open reminders, filtered."""
    now = now or timezone.now()
    queryset = requests_for(organization).select_related("tracking").annotate(
        overdue=Exists(_open_follow_ups(now)),
        open_alerts=Exists(DriftAlert.objects.filter(request=OuterRef("pk"), resolved_at__isnull=True)),
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
            .select_related("request").order_by("due_at", "pk"))


def open_alerts(organization):
    alerts = DriftAlert.objects.filter(request__organization=organization, resolved_at__isnull=True)
    return alerts.select_related("request")


def request_tracked_get(*, organization, request_id):
    """The request with its tracking row and contacts, through the member's organization."""
    queryset = requests_for(organization).select_related("tracking__packet_version", "organization")
    return get_object_or_404(queryset.prefetch_related("contacts"), pk=request_id)
