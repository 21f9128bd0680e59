"""Writes for the audit app: the security event log."""

import json
import logging

from django.db import DatabaseError, transaction

from .models import SecurityEvent
from .origin import attempted_email, client_ip, redact

logger = logging.getLogger("zdrportal.security")


def security_event_record(*, kind, request=None, user=None, attempted="", detail=""):
    """Append one security event and emit it as one JSON log line on "zdrportal.security".

    Kept: the kind, the user (or the address tried at a failed sign-in), the client IP, the method
    and path (never the query string or the body), and the time. Recording never breaks the
    answer the user gets: a database error is logged and the page is served."""
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    event = SecurityEvent(
        kind=kind, user=user, email=user.email if user else attempted_email(attempted),
        ip=client_ip(request) if request is not None else None,
        method=(getattr(request, "method", "") or "")[:8], path=redact(getattr(request, "path", ""), 500),
        detail=redact(detail, 200),
    )
    logger.info("security %s", json.dumps({
        "event": event.kind, "user_id": user.pk if user else None, "email": event.email, "ip": event.ip,
        "method": event.method, "path": event.path, "detail": event.detail, "at": event.at.isoformat(),
    }))
    try:
        with transaction.atomic():
            event.save()
    except DatabaseError:
        logger.exception("The security event could not be stored.")
    return event
