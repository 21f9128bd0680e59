"""The only way WeasyPrint may load anything while it renders a packet.

A packet carries text typed by users. It is autoescaped, so it never becomes markup; this fetcher
is the second wall: even a URL that got into the document some other way can only name one of
the portal's own static files (found by the staticfiles finders, as `collectstatic` would) or be a
data: URI. file://, http(s):// to any host (127.0.0.1 and private ranges included), ftp:// and
anything else are refused before a socket or a file is opened.
"""

import logging
import mimetypes
import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# The base URL of a packet document. The .invalid top-level domain never resolves (RFC 2606),
# so nothing outside this module can ever answer for it.
BASE_URL = "https://portal.zdr.invalid/"
STATIC_PREFIX = BASE_URL + settings.STATIC_URL.lstrip("/")


class RefusedURL(ValueError):
    pass


class StaticOnlyFetcher(URLFetcher):
    def __init__(self):
        super().__init__(allowed_protocols=("https", "data"), allow_redirects=False, timeout=1)
        self.refused = []

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        path = static_path(url)
        if path is None:
            self.refused.append(url)
            logger.warning("Packet rendering refused to fetch %s", url[:200])
            raise RefusedURL(f"Only the portal's own static files may be loaded, not {url[:200]}")
        mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        with open(path, "rb") as file:
            return URLFetcherResponse(url, file.read(), {"Content-Type": mime_type})


def static_path(url):
    """The file system path of the static file `url` names, or None when it names anything else."""
    if not url.startswith(STATIC_PREFIX):
        return None
    parts = urlsplit(url)
    relative = unquote(parts.path)[len(urlsplit(STATIC_PREFIX).path):]
    if not relative or "\\" in relative or "\x00" in relative:
        return None
    normalized = posixpath.normpath(relative)
    if normalized != relative or normalized.startswith(("/", "..")):
        return None
    try:
        return finders.find(normalized)
    except Exception:  # SuspiciousFileOperation from safe_join, should anything slip through
        return None


def static_url(path):
    """The URL a packet document uses for one of the portal's static files."""
    return STATIC_PREFIX + path
