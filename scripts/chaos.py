"""`make chaos`: the faults of tests/portal/test_chaos.py, against a running `make run`.

Each fault is injected while the portal works; during it, two packet versions are generated and a
reminder comes due. The script then waits until every version is ready and the reminder is sent,
and prints, per fault, how long recovery took and what was lost or doubled (the answer must be
nothing). The work lives in its own organization ("Chaos drill"), never in the demo's.

    make chaos                      # the four process and message faults
    make chaos ARGS=--stop-redis    # also stop the Redis broker for 30 s (CELERY_BROKER_URL=redis://...)
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zdrportal.settings.local")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from apps.accounts.models import Organization, User  # noqa: E402
from apps.accounts.services import organization_create  # noqa: E402
from apps.packets import rendering, services  # noqa: E402
from apps.packets.models import PacketState, PacketVersion  # noqa: E402
from apps.tracking.models import FollowUp  # noqa: E402
from apps.tracking.services import Refused, transition_perform  # noqa: E402
from apps.workspace.demo import clinic_request_seed  # noqa: E402
from apps.workspace.selectors import request_get  # noqa: E402
from zdrportal.celery import app  # noqa: E402

PORT = os.environ.get("PORT", "8000")
RUN_DIR = Path(os.environ.get("ZDR_RUN_DIR", ROOT / "var"))
CONF = str(ROOT / "supervisord.conf")
TIMEOUT = 8 * 60  # the slowest recovery (a render dead mid-way) waits its lease, then a sweep


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stop-redis", action="store_true", help="also stop the Redis broker for 30 s")
    parser.add_argument("--only", help="run only this fault")
    options = parser.parse_args()
    if not wait(healthy, 90):
        sys.exit(f"The portal on port {PORT} is not healthy: start `make run` first (GET /healthz must be 200).")
    drill = drill_request()
    faults = [idle_pool_process, busy_pool_process, main_worker_process, lost_message]
    if options.stop_redis:
        faults.append(broker_stopped)
    results = []
    for fault in faults:
        if options.only and fault.__name__ != options.only:
            continue
        print(f"--- {fault.__name__}: {fault.__doc__.strip().splitlines()[0]}", flush=True)
        results.append(run(fault, drill))
    print("\nfault                 recovery   lost  doubled  /healthz during the fault")
    for name, seconds, lost, doubled, seen in results:
        print(f"{name:<21} {seconds:>7.1f} s  {lost:>4}  {doubled:>7}  {seen}")
    sys.exit(1 if any(r[2] or r[3] for r in results) else 0)


def run(fault, drill):
    work = {"request": drill, "versions": [], "reminders": []}
    statuses = set()
    over = fault(work, statuses)
    done = wait(lambda: finished(work) or statuses.add(health_word()), TIMEOUT)
    seconds = time.monotonic() - over
    lost = sum(1 for v in PacketVersion.objects.filter(pk__in=work["versions"]) if v.state != PacketState.READY)
    lost += sum(1 for pk in work["reminders"] if sends(pk) == 0)
    doubled = sum(max(0, sends(pk) - 1) for pk in work["reminders"])
    doubled += sum(max(0, len(pdfs(v)) - 1) for v in PacketVersion.objects.filter(pk__in=work["versions"]))
    print(f"    {'recovered' if done else 'NOT recovered'} {seconds:.1f} s after the fault ended; "
          f"lost {lost}, doubled {doubled}", flush=True)
    return fault.__name__, seconds, lost, doubled, ", ".join(sorted(statuses - {None})) or "ok"


# ---- faults (each returns the monotonic time the fault ended) ----

def idle_pool_process(work, statuses):
    """SIGKILL an idle pool process (as the OOM killer does): the pool may freeze; the watchdog replaces it."""
    victim = wait(lambda: reading_the_pipe(pool_pids()), 30)
    os.kill(victim or pool_pids()[0], signal.SIGKILL)
    over = time.monotonic()
    make_work(work)
    return over


def busy_pool_process(work, statuses):
    """SIGKILL the pool process in the middle of a render: the sweep claims the version again."""
    make_work(work, versions=1, reminder=False)
    victim = wait(lambda: rendering_pid(pool_pids()), 60, interval=0.05)
    if victim:
        os.kill(victim, signal.SIGKILL)
    else:
        print("    (the render finished before it could be killed)")
    over = time.monotonic()
    make_work(work, versions=1)
    return over


def main_worker_process(work, statuses):
    """SIGKILL the worker's main process: supervisord starts a new worker."""
    os.kill(worker_pid(), signal.SIGKILL)
    over = time.monotonic()
    make_work(work)
    return over


def lost_message(work, statuses):
    """Stop the worker, generate versions, delete their messages, start it: the sweep rings again."""
    supervisorctl("stop", "zdrportal:worker")
    make_work(work)
    wait(lambda: statuses.add(health_word()), 2 * settings.WORKER_HEARTBEAT_INTERVAL + 5, interval=1)
    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge(app.conf.task_default_queue)
    supervisorctl("start", "zdrportal:worker")
    return time.monotonic()


def broker_stopped(work, statuses):
    """Stop the Redis broker for 30 s (its queued messages are lost with it), then start it again."""
    url = settings.CELERY_BROKER_URL
    if not url.startswith("redis://"):
        sys.exit("--stop-redis needs CELERY_BROKER_URL=redis://...")
    port = (url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1) + ["6379"])[1]
    subprocess.run([shutil.which("redis-cli"), "-p", port, "shutdown", "nosave"], capture_output=True)  # noqa: S603
    down = time.monotonic()
    make_work(work)
    wait(lambda: statuses.add(health_word()) or time.monotonic() - down > 30, 31, interval=1)
    subprocess.run([shutil.which("redis-server"), "--port", port, "--bind", "127.0.0.1", "--save", "",  # noqa: S603
                    "--appendonly", "no", "--daemonize", "yes"], check=True)
    return time.monotonic()


# ---- the work, and how it is judged ----

def drill_request():
    user, _ = User.objects.get_or_create(email="chaos-drill@example.com")
    organization = (Organization.objects.filter(memberships__user=user).first()
                    or organization_create(name="Chaos drill", owner=user))
    request = clinic_request_seed(organization=organization, owner=user)
    version = request.packet_versions.filter(state=PacketState.READY).first()
    if version is None:
        version = services.packet_version_create(
            zdr_request=request_get(organization=organization, request_id=request.pk), user=user, enqueue=False)
        rendering.packet_version_render(version_id=version.pk)
        version.refresh_from_db()
    for move in ["send_to_review", "mark_ready", "submit"]:  # once: a second run finds it submitted
        fields = {"packet_version": version, "channel": "sales_form"} if move == "submit" else {}
        try:
            transition_perform(zdr_request=request, move_key=move, user=user, role="owner", **fields)
        except Refused:
            pass
    return request


def make_work(work, versions=2, reminder=True):
    request = work["request"]
    fresh = request_get(organization=request.organization, request_id=request.pk)
    for _ in range(versions):
        work["versions"].append(services.packet_version_create(zdr_request=fresh, user=request.owner).pk)
    if reminder:
        work["reminders"].append(FollowUp.objects.create(
            request=request, kind=FollowUp.Kind.FOLLOW_UP, attempt=1, reason="Chaos drill",
            due_at=timezone.now() - timedelta(minutes=1)).pk)


def finished(work):
    ready = PacketVersion.objects.filter(pk__in=work["versions"], state=PacketState.READY).count()
    return ready == len(work["versions"]) and all(sends(pk) for pk in work["reminders"])


def sends(follow_up_id):
    """How many times the reminder was emailed: each send stamps a new sent_at in its history."""
    stamps = FollowUp.history.filter(id=follow_up_id, sent_at__isnull=False).values_list("sent_at", flat=True)
    return len(set(stamps))


def pdfs(version):
    folder = Path(settings.MEDIA_ROOT) / "packets" / str(version.request.organization_id) / str(version.request_id)
    return list(folder.glob(f"v{version.number}-*.pdf"))


# ---- the processes ----

def healthz():
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=3) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return None, b""


def healthy():
    return healthz()[0] == 200


def health_word():
    status, body = healthz()
    if status is None:
        return "web server down"
    if status == 200:
        return "200 with packets waiting" if b'"packets": {"count": 0' not in body else None
    return "503 worker stale" if b'"worker": "stale"' in body else "503 broker down"


def supervisorctl(*args):
    return subprocess.run([str(Path(sys.executable).parent / "supervisorctl"), "-c", CONF, *args],  # noqa: S603
                          capture_output=True, text=True, check=False).stdout


def worker_pid():
    return wait(lambda: _pid(RUN_DIR / "worker.pid"), 60)


def _pid(path):
    try:
        pid = int(path.read_text())
        os.kill(pid, 0)
        return pid
    except (FileNotFoundError, ValueError, ProcessLookupError):
        return None


def pool_pids():
    pid = worker_pid()
    try:
        return [int(each) for each in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def reading_the_pipe(pids):
    """The idle pool process that holds the lock of the shared task pipe while it reads it (the
    others wait for that lock): the pool is idle when this is so twice in a row."""
    def waits():
        try:
            return {pid: Path(f"/proc/{pid}/wchan").read_text() for pid in pids}
        except FileNotFoundError:
            return {}

    first = waits()
    time.sleep(0.3)
    if len(pids) < 2 or waits() != first or "anon_pipe_read" not in first.values():
        return None
    return next(pid for pid, wait in first.items() if wait == "anon_pipe_read")


def rendering_pid(pids):
    for pid in pids:
        try:
            if any("/packet-" in os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")):
                return pid
        except (FileNotFoundError, ProcessLookupError):
            continue
    return None


def wait(predicate, timeout, interval=0.5):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


if __name__ == "__main__":
    main()
