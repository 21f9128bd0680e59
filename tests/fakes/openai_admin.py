"""A local fake of OpenAI's Admin API data-retention endpoints, over real HTTP on 127.0.0.1.

Configure `server.state` (the valid key, the organization's type, each project's type, a delay,
a forced status) and read `server.state.requests` to see what the portal sent."""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

VALID_KEY = "sk-admin-FAKE0123456789abcdefTESTKEY"


@dataclass
class State:
    valid_key: str = VALID_KEY
    organization_type: str = "zero_data_retention"
    projects: dict = field(default_factory=dict)  # project id -> type; unknown ids answer 404
    delay: float = 0.0
    status: int | None = None  # force this status on every answer
    requests: list = field(default_factory=list)  # (method, path, had a bearer key)
    # Usage: kind ("completions", "vector_stores", …) -> buckets ({"results": [...]}), served
    # `page_size` buckets a page; the first `rate_limited` usage answers are 429 with Retry-After.
    usage: dict = field(default_factory=dict)
    page_size: int = 7
    rate_limited: int = 0
    retry_after: str = "0"
    usage_status: int | None = None  # force this status on usage answers only


class Handler(BaseHTTPRequestHandler):
    server_version = "FakeOpenAIAdmin/1.0"

    def log_message(self, format, *args):  # keep test output (and any key) out of stderr
        pass

    def _answer(self, status, body):
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self):  # noqa: N802 (http.server's naming)
        state = self.server.state
        auth = self.headers.get("Authorization", "")
        state.requests.append(("GET", self.path, auth.startswith("Bearer ")))
        if state.delay:
            time.sleep(state.delay)
        if state.status:
            return self._answer(state.status, {"error": {"message": "forced"}})
        if auth != f"Bearer {state.valid_key}":
            return self._answer(401, {"error": {"message": "Incorrect API key provided.",
                                                "type": "invalid_request_error"}})
        if self.path == "/v1/organization/data_retention":
            return self._answer(200, {"object": "organization.data_retention", "type": state.organization_type})
        if self.path.startswith("/v1/organization/usage/"):
            return self._usage(state)
        parts = self.path.strip("/").split("/")
        if len(parts) == 5 and parts[:3] == ["v1", "organization", "projects"] and parts[4] == "data_retention":
            if parts[3] in state.projects:
                return self._answer(200, {"object": "project.data_retention", "project_id": parts[3],
                                          "type": state.projects[parts[3]]})
            return self._answer(404, {"error": {"message": "No such project."}})
        return self._answer(404, {"error": {"message": "Not found."}})

    def _usage(self, state):
        url = urlsplit(self.path)
        kind = url.path.rsplit("/", 1)[1]
        query = parse_qs(url.query)
        if state.rate_limited:
            state.rate_limited -= 1
            self.send_response(429)
            self.send_header("Retry-After", state.retry_after)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if state.usage_status:
            return self._answer(state.usage_status, {"error": {"message": "forced"}})
        projects = set(query.get("project_ids", []))
        buckets = [{"object": "bucket", "results": [r for r in bucket.get("results", [])
                                                    if not projects or r.get("project_id") in projects]}
                   for bucket in state.usage.get(kind, [])]
        start = int(query.get("page", ["0"])[0])
        page = buckets[start:start + state.page_size]
        more = start + state.page_size < len(buckets)
        return self._answer(200, {"object": "page", "data": page, "has_more": more,
                                  "next_page": str(start + state.page_size) if more else None})

    def do_POST(self):  # noqa: N802 - the portal must never change the setting
        self.server.state.requests.append(("POST", self.path, True))
        self._answer(405, {"error": {"message": "The fake refuses writes."}})

    do_PUT = do_PATCH = do_DELETE = do_POST


class FakeAdminApi:
    def __init__(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.state = State()
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def state(self):
        return self.httpd.state

    @property
    def url(self):
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

