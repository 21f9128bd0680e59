"""Raw HTTP calls to OpenAI (`requests.post("https://api.openai.com/v1/files")`, `fetch`, `curl`).

A path on another host (`http://localhost:8000/v1/chat/completions`, an OpenAI-compatible server) is
not OpenAI; a bare `/v1/...` path counts only in a file that mentions OpenAI at all.
"""

import re

from .endpoints import resolve_raw_path

# Function or method names that send a request to their first (or `url=`) argument.
HTTP_CALLS = {"get", "post", "put", "patch", "delete", "head", "request", "stream", "urlopen", "Request",
              "fetch", "axios", "got", "ky", "ofetch", "$fetch", "ajax",
              # WebSockets (the Realtime API): websockets.connect, aiohttp's ws_connect, websocket-client
              "connect", "ws_connect", "create_connection", "WebSocketApp", "WebSocket"}
OPENAI_HOSTS = ("api.openai.com", ".openai.azure.com", "openai.com/v1")
_URL_HOST = re.compile(r"^\s*(?:curl\s.*?)?(https?|wss?)://([^/\s\"'`{}]+)")


_URL_MODEL = re.compile(r"[?&]model=([A-Za-z0-9][\w.:-]*)")


def url_model(text):
    """The model a URL names in its query (`wss://api.openai.com/v1/realtime?model=gpt-realtime`), or None."""
    match = _URL_MODEL.search(text) if isinstance(text, str) else None
    return match.group(1) if match else None


def foreign_base_url(url):
    """Does a client's base URL point at another server than OpenAI's (or Azure OpenAI's)?

    The host decides: `https://api.groq.com/openai/v1` has "openai" only in its path.
    """
    if not isinstance(url, str) or "://" not in url:
        return False
    host = url.split("://", 1)[1].split("/", 1)[0].lower()
    return "openai" not in host and "{}" not in host


def raw_finding(text, mentions_openai):
    """(endpoint, implied features) when `text` names an OpenAI `/v1/...` path, else None."""
    if "/v1/" not in text:
        return None
    if not any(host in text for host in OPENAI_HOSTS):
        if _URL_HOST.match(text) or not mentions_openai:
            return None
    return resolve_raw_path(text)
