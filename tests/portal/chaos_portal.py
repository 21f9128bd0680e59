"""The portal as `make run` starts it (supervisord.conf: web server, worker, beat, watchdog), on
the test database and queue and with intervals of a second, for the chaos tests. Its /healthz is
watched over real HTTP the whole time, so a test can say what it reported during a fault."""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connection

from tests.worker import database_url, wait_for

ROOT = Path(settings.BASE_DIR)
BIN = Path(sys.executable).parent
SHORT = {  # seconds: every wait in the contract, shrunk so a fault and its recovery fit in a minute
    "WORKER_HEARTBEAT_INTERVAL": "2", "SWEEP_INTERVAL": "1", "PACKET_QUEUE_GRACE_SECONDS": "4",
    "PACKET_RENDER_SOFT_TIME_LIMIT": "15", "PACKET_RENDER_TIME_LIMIT": "18", "PACKET_RENDER_LEASE_SECONDS": "20",
    "WORKER_START_GRACE_SECONDS": "10", "FOLLOW_UP_CLAIM_TIMEOUT_MINUTES": "1",
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Portal:
    def __init__(self, run_dir: Path, broker_url=None):
        self.run_dir, self.broker_url = run_dir, broker_url
        self.port = free_port()
        self.mail_dir = run_dir / "mail"
        self.seen_pids = set()
        self.observations = []  # (monotonic time, HTTP status or None, body or None)

    def env(self):
        env = {
            **os.environ, **SHORT,
            "DJANGO_SETTINGS_MODULE": "zdrportal.settings.test",
            "DATABASE_URL": database_url(connection.settings_dict),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "ZDR_TEST_QUEUE": settings.CELERY_TASK_DEFAULT_QUEUE,
            "ZDR_TEST_EMAIL_DIR": str(self.mail_dir),
            "ZDR_RUN_DIR": str(self.run_dir), "ZDR_PYTHON": sys.executable, "PORT": str(self.port),
            "ZDR_WORKER_CONCURRENCY": "2", "ZDR_WORKER_NAME": f"chaos-{os.getpid()}-{self.port}",
            "CELERY_BEAT_SCHEDULE_FILENAME": str(self.run_dir / "beat-schedule"),
        }
        if self.broker_url:
            env["CELERY_BROKER_URL"] = self.broker_url
        return env

    def start(self, timeout=60):
        self.mail_dir.mkdir(parents=True, exist_ok=True)
        self.log = (self.run_dir / "portal.log").open("w")
        self.process = subprocess.Popen([str(BIN / "supervisord"), "-c", str(ROOT / "supervisord.conf")],
                                        env=self.env(), cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        self._watching = True
        threading.Thread(target=self._watch, daemon=True).start()
        if not wait_for(self.healthy, timeout=timeout, interval=0.3):
            raise RuntimeError(f"The portal did not become healthy:\n{self.output()[-4000:]}")
        return self

    def healthz(self):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=3) as response:  # noqa: S310
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)
        except OSError:
            return None, None

    def healthy(self):
        return self.healthz()[0] == 200

    def _watch(self):
        while self._watching:
            status, body = self.healthz()
            self.observations.append((time.monotonic(), status, body))
            self.seen_pids.update(self.worker_pids())
            time.sleep(0.25)

    def reported(self, since, check):
        """Whether /healthz answered something `check(status, body)` accepts after `since`."""
        return any(check(status, body) for at, status, body in self.observations if at >= since and status)

    def worker_pid(self):
        try:
            pid = int((self.run_dir / "worker.pid").read_text())
            os.kill(pid, 0)
            return pid
        except (FileNotFoundError, ValueError, ProcessLookupError):
            return None

    def pool_pids(self):
        pid = self.worker_pid()
        try:
            return [int(each) for each in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except (FileNotFoundError, TypeError):
            return []

    def worker_pids(self):
        pid = self.worker_pid()
        return {pid, *self.pool_pids()} if pid else set()

    def supervisorctl(self, *args):
        return subprocess.run([str(BIN / "supervisorctl"), "-c", str(ROOT / "supervisord.conf"), *args],
                              env=self.env(), cwd=ROOT, capture_output=True, text=True, timeout=30)

    def stop(self):
        """Ctrl-C, as a person stops `make run`: the seconds it took, and whether anything needed SIGKILL."""
        self._watching = False
        started = time.monotonic()
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        took = time.monotonic() - started
        for pid in self.seen_pids:  # a pool process orphaned by a SIGKILLed worker, if any survived
            if self._ours(pid):
                os.kill(pid, signal.SIGKILL)
        self.log.close()
        supervisord_log = (self.run_dir / "supervisord.log").read_text()
        return took, "SIGKILL" in supervisord_log.split("received SIGINT")[-1]

    def _ours(self, pid):
        """Still one of this portal's processes (a pid can be reused by anyone once it exits)."""
        try:
            mark = f"ZDR_WORKER_NAME={self.env()['ZDR_WORKER_NAME']}".encode()
            return mark in Path(f"/proc/{pid}/environ").read_bytes()
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            return False

    def output(self):
        return (self.run_dir / "portal.log").read_text(errors="replace")

    def emails(self):
        """The messages the worker sent, each as its text (the file backend writes one file per connection)."""
        messages = []
        for path in sorted(self.mail_dir.glob("*.log")):
            messages += [part for part in path.read_text().split("-" * 79) if "Subject:" in part]
        return messages
