"""`make run`: one machine, SQLite and the file-system broker unless the environment says otherwise."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "local-development-only-not-secret")

from .base import *  # noqa: E402,F403
