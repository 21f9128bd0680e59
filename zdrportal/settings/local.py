"""`make run`: one machine, SQLite and the file-system broker unless the environment says otherwise.

DEBUG is off, as for the team that runs it: a failure shows the styled error page, not Django's
technical page with settings and paths. `DEBUG=1 make run` turns it on for development. Static
files come from WhiteNoise either way, straight from the source folders (no collectstatic)."""

import os

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "local-development-only-not-secret")
# One machine, one person watching: background work is checked more often than in a deployment,
# so a stopped worker is reported (and replaced) within half a minute, and a lost render re-sent.
os.environ.setdefault("WORKER_HEARTBEAT_INTERVAL", "10")
os.environ.setdefault("SWEEP_INTERVAL", "10")
os.environ.setdefault("PACKET_QUEUE_GRACE_SECONDS", "20")
os.environ.setdefault("WORKER_START_GRACE_SECONDS", "30")

from .base import *  # noqa: E402,F403

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG  # noqa: F405  (re-read changed files while developing)
