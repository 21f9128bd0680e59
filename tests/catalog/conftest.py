import json
from pathlib import Path

import pytest
from django.conf import settings

SHIPPED = Path(settings.BASE_DIR) / "data" / "catalog" / "openai-2026-09-22.json"


@pytest.fixture
def shipped_document():
    return json.loads(SHIPPED.read_text())


@pytest.fixture
def write_catalog(tmp_path):
    """Write a catalog document to a file, one key per line like the shipped files."""

    def write(document, name="catalog.json"):
        path = tmp_path / name
        path.write_text(json.dumps(document, indent=2))
        return path

    return write


@pytest.fixture
def newer_document(shipped_document):
    """The newest translated version per the reference: decisions and voices added, videos
    removed, and one changed row (batches' remediation) to exercise the field diff."""
    doc = json.loads(json.dumps(shipped_document))
    doc["as_of"] = "2026-11-01"
    doc["endpoints"] = [e for e in doc["endpoints"] if e["path"] != "/v1/videos"]
    batches = next(e for e in doc["endpoints"] if e["path"] == "/v1/batches")
    batches["remediation"] = "Use synchronous /v1/responses calls with store=false."
    doc["endpoints"].append({
        "path": "/v1/decisions", "name": "Decisions", "family": "responses",
        "abuse_monitoring_retention": "30 days", "application_state_retention": "None, see exceptions",
        "zdr": "limited", "zdr_note": "", "eyes_off": "no", "mam": "yes", "training_use": False,
        "limitations": [], "remediation": "",
    })
    return doc
