"""The suite runs on whatever DATABASE_URL and CELERY_BROKER_URL name: prove it is really so,
so that CI's PostgreSQL + Redis leg cannot quietly fall back to SQLite and files."""

import os

from django.db import connection

from zdrportal.celery import app


def test_the_database_in_use_is_the_configured_one(db):
    url = os.environ.get("DATABASE_URL", "sqlite://")
    expected = "postgresql" if url.startswith(("postgres", "pgsql")) else "sqlite"
    assert connection.vendor == expected


def test_the_broker_in_use_is_the_configured_one():
    url = os.environ.get("CELERY_BROKER_URL", "filesystem://")
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1)
        assert conn.transport.driver_type == url.split("://")[0]
