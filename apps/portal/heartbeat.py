"""A worker that finishes tasks is alive: each finished task refreshes the heartbeat too.

Beat's heartbeat task waits in the same queue as the renders, so a busy worker (a row of renders
on every pool process) would look stale to /healthz and the watchdog although it is working. A
frozen pool finishes nothing, so it still goes stale. At most one write per half interval."""

import time

from celery.signals import task_postrun
from django.conf import settings

_last = {"at": 0.0}


@task_postrun.connect
def _task_finished(sender=None, **kwargs):
    if time.monotonic() - _last["at"] < settings.WORKER_HEARTBEAT_INTERVAL / 2:
        return
    from .services import heartbeat_record

    try:
        heartbeat_record()
        _last["at"] = time.monotonic()
    except Exception:  # noqa: S110 - a heartbeat must never fail the task that carried it
        pass
