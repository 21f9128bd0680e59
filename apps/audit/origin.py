"""Where a request came from, and what of it may be written down."""

import ipaddress
import logging
import re

from django.conf import settings

# OpenAI keys (sk-..., sk-proj-..., sk-admin-...): whatever a form or a URL carried, never kept.
SECRET = re.compile(r"sk-[A-Za-z0-9_\-]{6,}")
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,190}$")


def client_ip(request):
    """REMOTE_ADDR, or, behind TRUSTED_PROXY_COUNT proxies, the address the outermost of them saw
    (counted from the right of X-Forwarded-For: the left part is whatever the client sent)."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= proxies:
            address = hops[-proxies]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def redact(text, limit):
    return SECRET.sub("sk-[redacted]", text or "")[:limit]


def attempted_email(text):
    """The address tried at sign-in. Anything else typed there (often a password, by mistake)
    is not kept."""
    text = (text or "").strip()
    return redact(text, 254) if EMAIL.match(text) else "(not an email address)" if text else ""


class RedactSecrets(logging.Filter):
    """Django logs the path of every 4xx ("Not Found: /requests/..."): a key typed into an address
    must not reach the logs that way either."""

    def filter(self, record):
        if isinstance(record.msg, str):
            record.msg = SECRET.sub("sk-[redacted]", record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(SECRET.sub("sk-[redacted]", a) if isinstance(a, str) else a for a in record.args)
        return True
