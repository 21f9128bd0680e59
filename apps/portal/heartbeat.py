"""A worker whose pool runs tasks is alive, even when every pool process is busy with a render.

Beat's heartbeat task waits in the same queue as the renders, so a worker rendering on every pool
process would look stale to /healthz and to the watchdog although it works. So a pool process also
records the heartbeat when a task finishes and, from a small thread, every half interval while a
task runs. A frozen pool runs and finishes nothing, so it still goes stale; a runaway render is
ended by its hard time limit."""

import os
import threading
import time

from celery.signals import task_postrun, task_prerun
from django.conf import settings
from django.db import connection

_state = {"running": 0, "last": 0.0, "thread_pid": None}
_lock = threading.Lock()


def _beat(force=False):
    if not force and time.monotonic() - _state["last"] < settings.WORKER_HEARTBEAT_INTERVAL / 2:
        return
    from .services import heartbeat_record

    try:
        heartbeat_record()
        _state["last"] = time.monotonic()
    except Exception:  # noqa: S110 - a heartbeat must never fail the task that carried it
        pass


def _while_running():
    while True:
        time.sleep(settings.WORKER_HEARTBEAT_INTERVAL / 2)
        if _state["running"]:
            _beat()
            connection.close()  # this thread's own connection; it sleeps most of the time


@task_prerun.connect
def _task_started(**kwargs):
    with _lock:
        _state["running"] += 1
        if _state["thread_pid"] != os.getpid():  # one per pool process, started after the fork
            _state["thread_pid"] = os.getpid()
            threading.Thread(target=_while_running, name="heartbeat", daemon=True).start()


@task_postrun.connect
def _task_finished(**kwargs):
    with _lock:
        _state["running"] = max(0, _state["running"] - 1)
    _beat()
