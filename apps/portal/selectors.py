from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from apps.packets.recovery import packets_waiting
from apps.tracking.models import FollowUp
from zdrportal.celery import app

from .models import WorkerHeartbeat


def database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means "down"; the message says why
        return {"ok": False, "error": str(exc)[:200]}
    return {"ok": True, "vendor": connection.vendor}


def broker_state():
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            transport = conn.transport_cls
    except Exception as exc:  # any failure means "down"; the message says why
        return {"ok": False, "error": str(exc)[:200]}
    return {"ok": True, "transport": str(transport)}


@dataclass(frozen=True)
class BackgroundWork:
    """Whether a worker ran the beat's heartbeat recently enough: beat, broker and a worker's pool
    all alive. A frozen pool still receives tasks but runs none, so only this end-to-end proof counts."""

    last_seen: datetime | None
    stale_after: timedelta

    @property
    def stale(self):
        return self.last_seen is None or self.last_seen < timezone.now() - self.stale_after

    @property
    def seen_today(self):
        return self.last_seen is not None and timezone.localdate(self.last_seen) == timezone.localdate()


def background_work():
    stale_after = timedelta(seconds=2 * settings.WORKER_HEARTBEAT_INTERVAL)
    try:
        last_seen = WorkerHeartbeat.objects.order_by("-last_seen").values_list("last_seen", flat=True).first()
    except Exception:  # the database state already reports the cause
        last_seen = None
    return BackgroundWork(last_seen=last_seen, stale_after=stale_after)


def work_waiting():
    """What the worker owes: packet renders, and reminders that are due (for /healthz)."""
    now = timezone.now()
    due = FollowUp.objects.filter(state__in=FollowUp.DUE, due_at__lte=now)
    return {"packets": packets_waiting(now), "reminders_due": due.count()}
