from django.db import connection

from zdrportal.celery import app

from .models import WorkerHeartbeat


def database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means "down"; the message says why
        return {"ok": False, "error": str(exc)[:200]}
    return {"ok": True, "vendor": connection.vendor}


def broker_state():
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            transport = conn.transport_cls
    except Exception as exc:  # any failure means "down"; the message says why
        return {"ok": False, "error": str(exc)[:200]}
    return {"ok": True, "transport": str(transport)}


def worker_last_seen():
    try:
        heartbeat = WorkerHeartbeat.objects.order_by("-last_seen").first()
    except Exception:  # the database state already reports the cause
        return None
    return heartbeat.last_seen.isoformat() if heartbeat else None
