"""`make run`: one machine, SQLite and the file-system broker unless the environment says otherwise.

DEBUG is off, as for the team that runs it: a failure shows the styled error page, not Django's
technical page with settings and paths. `DEBUG=1 make run` turns it on for development. Static
files come from WhiteNoise either way, straight from the source folders (no collectstatic)."""

import os

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "local-development-only-not-secret")

from .base import *  # noqa: E402,F403

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG  # noqa: F405  (re-read changed files while developing)
