"""The database is the truth about pending renders; the task message is only a doorbell.

A message can be lost (kombu's file-system transport deletes it when a worker fetches it, so a
worker killed before running it loses it; a broker that was down never received it) and a render
can die with its process (SIGKILL, the OOM killer, a power cut). The periodic sweep finds both
from the rows alone and claims them again with conditional UPDATEs, so two sweeps at once, or a
sweep racing a late message, still render each version once:
- queued longer than PACKET_QUEUE_GRACE_SECONDS since its doorbell: ring again;
- rendering past its lease (longer than the task's hard time limit, so no render can still be
  running): queued again and rung, up to PACKET_RENDER_MAX_ATTEMPTS claims, then failed with a
  reason a person can act on."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from apps.foundation.history import update_with_history

from .models import PacketState, PacketVersion
from .services import render_ring

logger = logging.getLogger(__name__)

GAVE_UP = ("The render was interrupted {attempts} times: the worker stopped while rendering it each time "
           "(most likely it ran out of memory). Retry once; if it stops again, shorten the longest texts or "
           "ask an administrator to give the worker more memory.")


def packet_versions_sweep(*, now=None):
    """Ring again for every version whose render was lost. Returns (rung, given_up) counts."""
    now = now or timezone.now()
    rung = given_up = 0
    for version_id, started, attempts in _dead_renders(now):
        mine = PacketVersion.objects.filter(pk=version_id, state=PacketState.RENDERING, rendering_started_at=started)
        if attempts >= settings.PACKET_RENDER_MAX_ATTEMPTS:
            given_up += update_with_history(mine, state=PacketState.FAILED,
                                            failure_reason=GAVE_UP.format(attempts=attempts))
            logger.warning("Packet version %s: render interrupted %s times; marked failed.", version_id, attempts)
        elif update_with_history(mine, state=PacketState.QUEUED, rendering_started_at=None, queued_at=now):
            logger.warning("Packet version %s: its render died (attempt %s); queued again.", version_id, attempts)
            rung += render_ring(version_id)
    for version_id, seen in _unanswered(now):
        doorbell = Q(queued_at=seen) if seen else Q(queued_at__isnull=True)
        if PacketVersion.objects.filter(doorbell, pk=version_id, state=PacketState.QUEUED).update(queued_at=now):
            logger.warning("Packet version %s: queued since %s with no worker on it; rung again.", version_id, seen)
            rung += render_ring(version_id)
    return rung, given_up


def _dead_renders(now):
    lease = now - timedelta(seconds=settings.PACKET_RENDER_LEASE_SECONDS)
    return list(PacketVersion.objects.filter(state=PacketState.RENDERING, rendering_started_at__lt=lease)
                .values_list("pk", "rendering_started_at", "attempts"))


def _unanswered(now):
    grace = now - timedelta(seconds=settings.PACKET_QUEUE_GRACE_SECONDS)
    late = Q(queued_at__lt=grace) | Q(queued_at__isnull=True, created_at__lt=grace)
    return list(PacketVersion.objects.filter(late, state=PacketState.QUEUED).values_list("pk", "queued_at"))


def packets_waiting(now=None):
    """How many versions wait for a render, and since when the oldest has waited (for /healthz)."""
    now = now or timezone.now()
    pending = PacketVersion.objects.filter(state__in=[PacketState.QUEUED, PacketState.RENDERING])
    oldest = pending.order_by("created_at").values_list("created_at", flat=True).first()
    return {"count": pending.count(), "oldest_seconds": round((now - oldest).total_seconds()) if oldest else 0}
