"""`make run`: one machine, SQLite and the file-system broker unless the environment says otherwise."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "local-development-only-not-secret")
# One machine, one person watching: background work is checked more often than in a deployment,
# so a stopped worker is reported (and replaced) within half a minute, and a lost render re-sent.
os.environ.setdefault("WORKER_HEARTBEAT_INTERVAL", "10")
os.environ.setdefault("SWEEP_INTERVAL", "10")
os.environ.setdefault("PACKET_QUEUE_GRACE_SECONDS", "20")
os.environ.setdefault("WORKER_START_GRACE_SECONDS", "30")

from .base import *  # noqa: E402,F403
