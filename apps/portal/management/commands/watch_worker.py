"""Replace a frozen Celery worker without a person.

A prefork worker whose idle pool process is SIGKILLed (the OOM killer's choice for a big WeasyPrint
render) can freeze: the surviving pool processes wait forever on a semaphore the killed one held,
while the main process goes on receiving tasks that nothing runs. No Celery setting prevents it,
and the frozen worker does not exit, so a supervisor's restart-on-exit never fires. This watchdog
closes that gap: when the beat's heartbeat is older than twice its interval although the broker
answers, it SIGKILLs the worker's whole process group (safe: tasks are acknowledged late and the
database sweeps find any work in flight) and the supervisor (supervisord under `make run`,
systemd or Kubernetes in a deployment) starts a fresh worker.
"""

import logging
import os
import signal
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from apps.portal import selectors

logger = logging.getLogger("zdrportal.watchdog")


class Command(BaseCommand):
    help = "Kill the Celery worker named by --pidfile when its heartbeat is stale, so its supervisor restarts it."

    def add_arguments(self, parser):
        parser.add_argument("--pidfile", required=True, help="The worker's --pidfile.")
        parser.add_argument("--start-grace", type=float, default=settings.WORKER_START_GRACE_SECONDS,
                            help="Seconds a newly started worker has to record its first heartbeat.")

    def handle(self, *args, pidfile, start_grace, **options):
        signal.signal(signal.SIGTERM, lambda *_: os._exit(0))  # nothing to clean up: stop at once
        interval = min(settings.WORKER_HEARTBEAT_INTERVAL, 10.0)
        logger.info("Watching the worker in %s: stale after %.0f s without a heartbeat.", pidfile,
                    2 * settings.WORKER_HEARTBEAT_INTERVAL)
        broker_back_at = time.time()
        while True:
            time.sleep(interval)
            try:
                if not selectors.broker_state()["ok"]:
                    broker_back_at = None  # the worker reconnects by itself; a new one would not help
                    continue
                broker_back_at = broker_back_at or time.time()
                worker_check(Path(pidfile), start_grace, since=broker_back_at)
            except Exception:  # a database or broker hiccup: look again next time, never die of it
                logger.exception("Watchdog check failed; trying again.")


def worker_check(pidfile, start_grace, since=0.0):
    """SIGKILL the worker's process group if its heartbeat is stale although it had time to beat:
    it started, and the broker answered since `since`, longer ago than twice the interval plus
    `start_grace`. Returns the pid killed, or None."""
    pid, started = _worker(pidfile)
    if pid is None:
        return None  # not running: restarting it is the supervisor's job
    work = selectors.background_work()
    if not work.stale or time.time() - max(started, since) < work.stale_after.total_seconds() + start_grace:
        return None
    if not selectors.broker_state()["ok"]:
        return None
    last = timezone.localtime(work.last_seen).strftime("%H:%M:%S") if work.last_seen else "never"
    logger.error("Worker %s has not run a heartbeat since %s: killing it so that a fresh one starts.", pid, last)
    _kill_tree(pid)
    return pid


def _kill_tree(pid):
    """The worker and its pool processes: its own process group under a supervisor, else pid by pid."""
    try:
        if os.getpgid(pid) == pid:
            os.killpg(pid, signal.SIGKILL)
            return
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except (ProcessLookupError, FileNotFoundError):
        children = []
    for each in [pid, *map(int, children)]:
        try:
            os.kill(each, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _worker(pidfile):
    """(pid, start time) from Celery's pidfile, or (None, None) when no worker runs."""
    try:
        pid = int(pidfile.read_text().strip())
        started = pidfile.stat().st_mtime
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError, ProcessLookupError):
        return None, None
    return pid, started
