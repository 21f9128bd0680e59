"""/healthz, the dashboard and the version page tell the truth about background work: when the
worker's heartbeat is older than twice its interval, work is waiting and people are told so."""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.packets import services
from apps.portal.management.commands.watch_worker import worker_check
from apps.portal.models import WorkerHeartbeat

from ..packets.rendered import fresh


def beat(seconds_ago):
    WorkerHeartbeat.objects.update_or_create(
        name="worker", defaults={"last_seen": timezone.now() - timedelta(seconds=seconds_ago)})


def test_healthz_says_the_worker_is_stale_when_its_heartbeat_is_older_than_twice_the_interval(client, db, settings):
    settings.WORKER_HEARTBEAT_INTERVAL = 30
    beat(59)
    assert client.get("/healthz").status_code == 200

    beat(61)
    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["worker"] == "stale" and body["status"] == "error"
    assert body["database"]["ok"] and body["task_queue"]["ok"]  # the rest is fine: only the worker is not


def test_healthz_says_stale_when_no_worker_ever_ran(client, db):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["worker"] == "stale" and response.json()["worker_last_seen"] is None


def test_healthz_counts_the_work_that_waits(client, clinic, alice):
    services.packet_version_create(zdr_request=fresh(clinic), user=alice, enqueue=False)

    waiting = client.get("/healthz").json()["waiting"]

    assert waiting["packets"]["count"] == 1 and waiting["reminders_due"] == 0


def test_the_dashboard_says_background_work_stopped_and_since_when(client_for, alice, db, settings):
    settings.WORKER_HEARTBEAT_INTERVAL = 30
    beat(10)
    assert "Background work is not running" not in client_for(alice).get("/").content.decode()

    beat(600)
    since = timezone.localtime(WorkerHeartbeat.objects.get().last_seen).strftime("%H:%M")
    page = client_for(alice).get("/").content.decode()

    assert f"Background work is not running since {since}: packets and reminders are waiting." in page


def test_the_version_page_says_how_long_it_waited_and_what_to_do_when_no_worker_runs(client_for, clinic, alice,
                                                                                     settings):
    settings.WORKER_HEARTBEAT_INTERVAL = 30
    version = services.packet_version_create(zdr_request=fresh(clinic), user=alice, enqueue=False)
    version.__class__.objects.filter(pk=version.pk).update(created_at=timezone.now() - timedelta(minutes=7),
                                                           queued_at=timezone.now() - timedelta(minutes=7))
    beat(8 * 60)

    html = client_for(alice).get(reverse("packets:version", args=[clinic.pk, 1])).content.decode()

    assert "Packet v1 is queued" in html and "Waiting for 7\xa0minutes" in html
    assert "Background work is not running since" in html and "Nothing is lost" in html
    assert 'data-hx-trigger="every 10s"' in html

    beat(1)
    html = client_for(alice).get(reverse("packets:version", args=[clinic.pk, 1])).content.decode()
    assert "Background work is not running" not in html and 'data-hx-trigger="every 500ms"' in html


@pytest.fixture
def fake_worker(tmp_path):
    """A process group leader with a child, standing in for a frozen worker, with its pidfile."""
    pool = tmp_path / "pool.pid"
    process = subprocess.Popen([sys.executable, "-c", "import pathlib, subprocess, sys, time; "
                                "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
                                f"pathlib.Path({str(pool)!r}).write_text(str(child.pid)); time.sleep(60)"],
                               start_new_session=True)
    pidfile = tmp_path / "worker.pid"
    pidfile.write_text(str(process.pid))
    os.utime(pidfile, (time.time() - 3600, time.time() - 3600))  # started an hour ago
    while not pool.exists():
        time.sleep(0.1)
    process.pool_pid = int(pool.read_text())
    yield process, pidfile
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=5)


def test_the_watchdog_kills_a_worker_whose_heartbeat_is_stale_and_spares_a_live_one(db, fake_worker, settings):
    process, pidfile = fake_worker
    settings.WORKER_HEARTBEAT_INTERVAL = 30
    beat(10)
    assert worker_check(pidfile, start_grace=60) is None and process.poll() is None

    beat(61)
    assert worker_check(pidfile, start_grace=3600) is None  # still within its start-up grace
    assert worker_check(pidfile, start_grace=60) == process.pid

    assert process.wait(timeout=5) == -signal.SIGKILL
    assert dead(process.pool_pid)  # the whole group, pool processes included


def dead(pid):
    time.sleep(0.5)
    try:
        return open(f"/proc/{pid}/stat").read().split(") ")[1][0] in "ZX"  # a zombie waits to be reaped
    except FileNotFoundError:
        return True


def test_the_watchdog_leaves_the_worker_alone_while_the_broker_is_down(db, fake_worker, monkeypatch):
    process, pidfile = fake_worker
    beat(3600)
    monkeypatch.setattr("apps.portal.selectors.broker_state", lambda: {"ok": False, "error": "refused"})

    assert worker_check(pidfile, start_grace=0) is None and process.poll() is None
