from django.db import OperationalError

from apps.portal.services import heartbeat_record
from zdrportal.celery import app


def test_healthz_reports_database_and_task_queue(client, db):
    heartbeat_record(name="worker")

    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] and body["task_queue"]["ok"] and body["worker"] == "ok"


def test_healthz_is_503_when_the_broker_is_unreachable(client, db, monkeypatch):
    connect = app.connection_for_write
    monkeypatch.setattr(app, "connection_for_write", lambda: connect("redis://127.0.0.1:9/0"))  # nothing listens on 9

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["task_queue"]["ok"] is False
    assert response.json()["database"]["ok"] is True


def test_healthz_is_503_when_the_database_fails(client, db, monkeypatch):
    class UnreachableDatabase:
        vendor = "postgresql"

        def cursor(self):
            raise OperationalError("database is locked")

    monkeypatch.setattr("apps.portal.selectors.connection", UnreachableDatabase())

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == {"ok": False, "error": "database is locked"}
