"""Background work heals itself, shown with real processes: the portal runs as `make run` runs it
(supervisord: web server, prefork worker, beat, watchdog), a fault is injected, and work is made
during the fault. Every queued version must end ready and every due reminder be emailed exactly
once, within a bounded time after the fault ends, and /healthz must have reported the outage.

The broker-stop case exists only on the Redis leg: the file-system broker is a folder, not a server."""

import os
import shutil
import signal
import subprocess
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from apps.packets import services
from apps.packets.models import PacketState, PacketVersion
from apps.tracking.models import FollowUp
from apps.workspace.demo import clinic_request_seed
from tests.worker import wait_for
from zdrportal.celery import app

from ..packets.rendered import fresh
from ..tracking.moves import bring_to, make_packet
from .chaos_portal import SHORT, Portal, free_port

REDIS = settings.CELERY_BROKER_URL.startswith("redis://")
FAULTS = ["idle_pool_process", "busy_pool_process", "main_worker_process", "lost_message"]
FAULTS += ["broker_stopped"] if REDIS else []
RECOVERY_BOUND = 40  # seconds from the end of a fault until all its work is done
BROKER_DOWN_SECONDS = 30


def stale(status, body):
    return status == 503 and body["worker"] == "stale"


def waiting(status, body):
    return bool(body and body["waiting"] and body["waiting"]["packets"]["count"])


@pytest.fixture
def private_redis(tmp_path):
    """A Redis server of this test's own, so stopping it disturbs nobody else's broker."""
    port = free_port()
    command = [shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no", "--dir", str(tmp_path)]
    server = {"process": subprocess.Popen(command, stdout=subprocess.DEVNULL), "command": command, "port": port}
    assert wait_for(lambda: subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True).returncode
                    == 0, timeout=10)
    yield server
    server["process"].terminate()
    server["process"].wait(timeout=10)


@pytest.fixture
def portal(request, tmp_path, django_db_blocker, monkeypatch):
    broker_url = None
    if request.node.callspec.params["fault"] == "broker_stopped":
        server = request.getfixturevalue("private_redis")
        broker_url = f"redis://127.0.0.1:{server['port']}/0"
        _use_broker(monkeypatch, broker_url)  # this process rings the same broker as the portal
    _purge()
    with django_db_blocker.unblock():
        running = Portal(tmp_path / "run", broker_url).start()
    yield running
    took, killed = running.stop()
    assert took < 10 and not killed, f"Ctrl-C took {took:.1f} s (SIGKILL: {killed}):\n{running.output()[-3000:]}"
    _purge()


def _use_broker(monkeypatch, url):
    monkeypatch.setattr(app.conf, "broker_url", url)
    monkeypatch.setattr(app, "_pool", None)
    monkeypatch.setattr(app.amqp, "_producer_pool", None)


def _purge():
    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge(app.conf.task_default_queue)


@pytest.mark.parametrize("fault", FAULTS)
def test_background_work_recovers_from(fault, transactional_db, catalog_loaded, alice, alice_org, portal, request):
    clinic = clinic_request_seed(organization=alice_org, owner=alice)
    bring_to(clinic, "submitted", alice, make_packet(clinic))  # plans a follow-up reminder, due in days
    reminder = FollowUp.objects.get(request=clinic, state="pending")
    web = portal.supervisorctl("pid", "zdrportal:web").stdout.strip()
    started = time.monotonic()
    work = {"clinic": clinic, "alice": alice, "reminder": reminder, "versions": []}

    fault_over = FAULT[fault](portal, work, request)

    assert work["versions"], "the fault made no work to recover"
    ids = [version.pk for version in work["versions"]]
    done = wait_for(lambda: _all_done(ids, reminder), timeout=RECOVERY_BOUND + 20, interval=0.25)
    recovery = time.monotonic() - fault_over
    versions = list(PacketVersion.objects.filter(pk__in=ids))
    assert done, (f"{[(v.number, v.state, v.attempts, v.failure_reason) for v in versions]}; reminder "
                  f"{FollowUp.objects.get(pk=reminder.pk).state}\n{portal.output()[-6000:]}")
    assert all(v.state == PacketState.READY and len(v.sha256) == 64 for v in versions)
    assert recovery < RECOVERY_BOUND, f"recovered in {recovery:.1f} s"

    time.sleep(2 * float(SHORT["SWEEP_INTERVAL"]) + 1)  # later sweeps must not send it again
    reminders = [m for m in portal.emails() if f"/requests/{clinic.pk}/" in m]
    assert len(reminders) == 1, f"{len(reminders)} reminder emails"
    outage = work.get("outage", OUTAGE.get(fault))
    assert portal.reported(started, outage), f"/healthz did not report the {fault} as expected"
    assert wait_for(portal.healthy, timeout=10)
    assert portal.supervisorctl("pid", "zdrportal:web").stdout.strip() == web  # the web server stayed up
    print(f"\nchaos {fault}: recovered in {recovery:.1f} s; lost 0, doubled 0 "
          f"({len(ids)} versions ready, 1 reminder sent once)")


def _all_done(ids, reminder):
    ready = PacketVersion.objects.filter(pk__in=ids, state=PacketState.READY).count() == len(ids)
    return ready and FollowUp.objects.filter(pk=reminder.pk, state="reminded", sent_at__isnull=False).exists()


def _make_work(work, count=2):
    """Versions generated and the reminder come due: what people and time do meanwhile."""
    for _ in range(count):
        work["versions"].append(services.packet_version_create(zdr_request=fresh(work["clinic"]), user=work["alice"]))
    FollowUp.objects.filter(pk=work["reminder"].pk).update(due_at=timezone.now() - timedelta(minutes=1))


def idle_pool_process(portal, work, request):
    """The OOM killer's pick among idle pool processes. On the file-system broker Celery uses the
    classic pool: all pool processes share one task pipe and its lock, the idle one reading the pipe
    holds the lock, and killed there it freezes the pool for good; only the watchdog ends that. On
    Redis each pool process has a pipe of its own and the pool simply replaces the killed one."""
    before = portal.worker_pid()
    found = wait_for(lambda: _idle_reader(portal.pool_pids()), timeout=15)
    assert found, f"the pool never went idle: {portal.pool_pids()}"
    victim, shared_pipe = found
    os.kill(victim, signal.SIGKILL)
    over = time.monotonic()
    _make_work(work)
    if shared_pipe:
        work["outage"] = stale
        assert wait_for(lambda: portal.worker_pid() not in (None, before), timeout=40), "the frozen worker lived on"
    else:
        work["outage"] = waiting  # no outage of the worker: the version waited, counted
        assert wait_for(lambda: set(portal.pool_pids()) - {victim}, timeout=20), "the pool did not replace it"
    return over


def _idle_reader(pids):
    """(the pool process blocked reading a task pipe, whether the pipe is shared) once the pool is
    idle: every process reads its pipe, or one reads the shared pipe while the others wait for its
    lock (`futex_do_wait`). Asked twice, so a pool between two tasks does not count."""
    def waits():
        try:
            return {pid: open(f"/proc/{pid}/wchan").read() for pid in pids}
        except FileNotFoundError:
            return {}

    first = waits()
    time.sleep(0.3)
    if len(pids) < 2 or waits() != first or not set(first.values()) <= {"anon_pipe_read", "futex_do_wait"}:
        return None
    readers = [pid for pid, wait in first.items() if wait == "anon_pipe_read"]
    return (readers[0], "futex_do_wait" in first.values()) if readers else None


def busy_pool_process(portal, work, request):
    """SIGKILL of the pool process in the middle of a render: its version is left "rendering"."""
    _make_work(work, count=1)
    victim = wait_for(lambda: _rendering(portal.pool_pids()), timeout=30, interval=0.05)
    assert victim, "no pool process was seen rendering"
    os.kill(victim, signal.SIGKILL)
    over = time.monotonic()
    _make_work(work, count=1)
    return over


def _rendering(pids):
    for pid in pids:
        try:
            if any("/packet-" in os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")):
                return pid
        except (FileNotFoundError, ProcessLookupError):
            continue
    return None


def main_worker_process(portal, work, request):
    """SIGKILL of the worker's main process: its pool is orphaned and supervisord starts a new one."""
    before = portal.worker_pid()
    os.kill(before, signal.SIGKILL)
    over = time.monotonic()
    _make_work(work)
    assert wait_for(lambda: portal.worker_pid() not in (None, before), timeout=30), "the worker was not restarted"
    return over


def lost_message(portal, work, request):
    """The worker is down while versions are generated, and their messages are lost (kombu's
    file-system transport deletes a message when it is fetched; a worker killed then loses it)."""
    assert "stopped" in portal.supervisorctl("stop", "zdrportal:worker").stdout
    _make_work(work)
    time.sleep(3)  # long enough for /healthz to see the heartbeat go stale
    _purge()
    assert "started" in portal.supervisorctl("start", "zdrportal:worker").stdout
    return time.monotonic()


def broker_stopped(portal, work, request):
    server = request.getfixturevalue("private_redis")
    server["process"].terminate()  # no persistence: every queued message is gone with it
    server["process"].wait(timeout=10)
    down = time.monotonic()
    _make_work(work)
    time.sleep(max(0.0, BROKER_DOWN_SECONDS - (time.monotonic() - down)))
    server["process"] = subprocess.Popen(server["command"], stdout=subprocess.DEVNULL)
    return time.monotonic()


FAULT = {f.__name__: f for f in [idle_pool_process, busy_pool_process, main_worker_process, lost_message,
                                 broker_stopped]}
OUTAGE = {  # what /healthz must have said while the fault lasted
    # idle_pool_process: stale where the pool froze, else only the work waiting (set by the fault)
    "busy_pool_process": waiting,  # the worker lives on; the version waited, counted
    # a restart quicker than the staleness threshold is not "stale", but the work is counted waiting
    "main_worker_process": lambda status, body: stale(status, body) or waiting(status, body),
    "lost_message": stale,
    "broker_stopped": lambda status, body: status == 503 and body["task_queue"]["ok"] is False,
}
