"""Rendering fetches nothing but the portal's own static files: user text cannot reach a network
or a file, and it appears in the PDF as the literal text that was typed."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from weasyprint import HTML

from apps.packets.fetcher import BASE_URL, StaticOnlyFetcher, static_path, static_url
from apps.packets.models import PacketState
from apps.workspace.models import Contact, DataFlow, EndpointUsage, ZdrRequest

from .rendered import flat, pdf_pages, rendered_version

TEXT_FIELDS = [f for f in ZdrRequest._meta.concrete_fields
               if f.get_internal_type() in ("CharField", "TextField") and not f.choices
               and f.name not in ("openai_org_id", "requested_control", "usage_tier", "baa_status", "sensitivity")]


@pytest.fixture
def listener():
    """A local HTTP server that counts every request it gets."""
    hits = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"body { background: red }")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def payloads(base):
    return ['<img src="file:///etc/passwd">', f'<link rel="stylesheet" href="{base}/link">',
            f"<style>body {{ background: url({base}/css) }}</style>", f'<img src="{base}/img">']


def fitting(parts, model, name):
    """As many payloads as the column holds (PostgreSQL enforces max_length, SQLite does not)."""
    limit = model._meta.get_field(name).max_length or 10_000
    text = ""
    for part in parts:
        if len(text) + len(part) + 1 <= limit:
            text = f"{text} {part}".strip()
    return text


def test_payloads_in_every_free_text_field_are_printed_not_fetched(clinic, alice, listener):
    base, hits = listener
    parts = payloads(base)
    for model, rows, names in (
        (ZdrRequest, ZdrRequest.objects.filter(pk=clinic.pk), [f.name for f in TEXT_FIELDS]),
        (Contact, Contact.objects.filter(request=clinic), ["name", "job_title"]),
        (EndpointUsage, EndpointUsage.objects.filter(request=clinic), ["models_used", "purpose"]),
        (DataFlow, DataFlow.objects.filter(request=clinic), ["source_system", "returns", "output_store", "retention"]),
    ):
        rows.update(**{name: fitting(parts, model, name) for name in names})

    version = rendered_version(clinic, alice)

    assert version.state == PacketState.READY, version.failure_reason
    assert hits == []
    text = flat(" ".join(pdf_pages(version)[1]))
    assert flat('<img src="file:///etc/passwd">') in text
    assert flat(f'<link rel="stylesheet" href="{base}/link">') in text
    assert flat(f"url({base}/css)") in text
    assert "root:x:0:0" not in text


def test_the_fetcher_refuses_real_markup_pointing_anywhere_else(listener, tmp_path):
    """The second wall, tested without the first: markup that is not escaped at all."""
    base, hits = listener
    fetcher = StaticOnlyFetcher()
    html = (f'<link rel="stylesheet" href="{base}/sheet.css"><style>@import url("{base}/import.css"); '
            f'p {{ background: url({base}/bg.png) }}</style><p>x</p><img src="{base}/img.png">'
            '<img src="file:///etc/passwd"><img src="https://127.0.0.1/x.png">'
            f'<img src="{BASE_URL}static/../../../../etc/passwd"><img src="{BASE_URL}static/%2e%2e/%2e%2e/etc/hosts">'
            f'<link rel="stylesheet" href="{static_url("css/packet.css")}">')
    HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).write_pdf(tmp_path / "out.pdf")

    assert hits == []
    assert static_url("css/packet.css") not in fetcher.refused  # its own static files load
    assert f"{base}/sheet.css" in fetcher.refused and "file:///etc/passwd" in fetcher.refused
    assert any("%2e%2e" in url for url in fetcher.refused) and any("/../" in url for url in fetcher.refused)


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "http://127.0.0.1:8000/static/css/packet.css", "https://10.0.0.1/static/x.css",
    "http://169.254.169.254/latest/meta-data/", "ftp://example.com/x", f"{BASE_URL}static/../../etc/passwd",
    f"{BASE_URL}static/%2E%2E/%2E%2E/etc/passwd", f"{BASE_URL}static//etc/passwd", f"{BASE_URL}static/",
    f"{BASE_URL}static/css/..%5c..%5cetc/passwd", f"{BASE_URL}static/nope.css", f"{BASE_URL}media/x.pdf",
    "https://portal.zdr.invalid.example.com/static/css/packet.css",
])
def test_only_existing_static_files_resolve(url):
    assert static_path(url) is None


def test_static_files_and_data_uris_are_served():
    fetcher = StaticOnlyFetcher()
    assert static_path(static_url("fonts/IBMPlexSans-Regular.woff")).endswith("static/fonts/IBMPlexSans-Regular.woff")
    assert fetcher.fetch("data:text/plain;base64,aGVsbG8=").read() == b"hello"
    assert fetcher.fetch(static_url("css/packet.css")).read().startswith(b"/* The justification packet")
