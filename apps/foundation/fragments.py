"""Rendered parts of pages, reused until the data under them changes.

A fragment's cache key holds the data version (changes.py), so any committed write anywhere makes
every fragment miss once and render again from the database; nothing has to remember to clear it.
The key also holds the minute, for what time alone changes ("overdue 3 days", "due today"), and
whatever the caller says the fragment depends on (organization, role, user, filters, page).

What belongs to one visit never comes from the cache:
- a fragment with forms (`forms=True`) is kept per browser: its key holds the browser's CSRF secret,
  so its `{% csrf_token %}` stays valid and nobody else ever receives it;
- a one-time form token (`{% submission_token %}`) must be new on every page, or two tabs would share
  one and the second form sent would be taken for a repeat of the first. Inside a fragment the tag
  writes a marker, and every marker gets a new token each time the fragment is served.
"""

import hashlib
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.utils.safestring import mark_safe

from .changes import data_version
from .submissions import new_token

TOKEN_MARKER = "fresh-submission-token"  # noqa: S105 - a placeholder, not a secret
_rendering = ContextVar("rendering_fragment", default=False)


def rendering_fragment():
    """True while a fragment renders: what it writes may be served again on another visit."""
    return _rendering.get()


def fragment(request, name, *depends_on, render, forms=False):
    """The HTML `render()` returns, from the cache when it was rendered on the same data this minute."""
    if not settings.FRAGMENT_CACHE:
        return render()
    html = cache.get(key := _key(request, name, depends_on, forms))
    if html is None:
        reset = _rendering.set(True)
        try:
            html = str(render())
        finally:
            _rendering.reset(reset)
        cache.set(key, html, timeout=120)
    while TOKEN_MARKER in html:
        html = html.replace(TOKEN_MARKER, new_token(), 1)
    return mark_safe(html)  # noqa: S308 - our own templates' output, escaped when it was rendered


def _key(request, name, depends_on, forms):
    if not hasattr(request, "data_version"):  # one read of the version per request, whatever the fragments
        request.data_version = data_version()
    if forms:
        get_token(request)  # the browser's secret (made now if it has none), and its cookie is sent
        depends_on = (*depends_on, request.META["CSRF_COOKIE"])
    parts = hashlib.sha256("\x1f".join(map(str, depends_on)).encode()).hexdigest()[:40]
    return f"fragment:{name}:{request.data_version}:{int(time.time() // 60)}:{parts}"
