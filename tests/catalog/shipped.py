"""The catalog file the portal ships with, which most tests load or read."""

from pathlib import Path

from django.conf import settings

SHIPPED = Path(settings.BASE_DIR) / "data" / "catalog" / "openai-2026-09-22.json"

# The newest shipped version (schema 2: every rule with its own source); `make run` loads both.
CURRENT = Path(settings.BASE_DIR) / "data" / "catalog" / "openai-2026-11-13.json"
