"""The packet: the worker's whole job against a raw WeasyPrint render of the same HTML
(interleaved), and the peak memory of a 50-page render in a fresh process."""

import io
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _new_version(zdr_request, user):
    from apps.packets import services
    from apps.workspace.selectors import request_get

    return services.packet_version_create(
        zdr_request=request_get(organization=zdr_request.organization, request_id=zdr_request.pk), user=user,
        enqueue=False)


def _raw(snapshot):
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from apps.packets.fetcher import BASE_URL, StaticOnlyFetcher
    from apps.packets.pdf import packet_html

    html = packet_html(snapshot)  # the same HTML; its templating is not part of the raw figure
    start = time.perf_counter()
    fetcher, fonts = StaticOnlyFetcher(), FontConfiguration()
    css = CSS(string="@page { size: A4; } @page landscape { size: A4 landscape; }", font_config=fonts,
              url_fetcher=fetcher)
    HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(stylesheets=[css], font_config=fonts).write_pdf(
        io.BytesIO(), pdf_tags=True)
    return time.perf_counter() - start


def pipeline_vs_raw(zdr_request, user, rounds):
    """(median pipeline s, median raw s, pages): one worker job, then one raw render, `rounds` times."""
    from apps.packets import rendering

    rendering.packet_version_render(version_id=_new_version(zdr_request, user).pk)  # warm-up: fonts, imports
    pipeline, raw, pages = [], [], set()
    for _ in range(rounds):
        version = _new_version(zdr_request, user)
        start = time.perf_counter()
        state = rendering.packet_version_render(version_id=version.pk)
        pipeline.append(time.perf_counter() - start)
        version.refresh_from_db()
        assert state == "ready", version.failure_reason
        pages.add(version.page_count)
        raw.append(_raw(version.snapshot))
    return statistics.median(pipeline), statistics.median(raw), sorted(pages)


def long_request(clinic, user, flows):
    """A copy of the clinic request with its data flows and endpoint usages repeated: a long packet."""
    from apps.workspace.models import DataFlow, EndpointUsage, ZdrRequest

    fields = {f.attname: getattr(clinic, f.attname) for f in ZdrRequest._meta.concrete_fields if not f.primary_key}
    copy = ZdrRequest.objects.create(**{**fields, "title": "Long packet"})
    for model in (DataFlow, EndpointUsage):
        originals = list(model.objects.filter(request=clinic))
        rows = []
        for _ in range(flows if model is DataFlow else max(1, flows // 3)):
            for original in originals:
                values = {f.attname: getattr(original, f.attname) for f in model._meta.concrete_fields
                          if not f.primary_key}
                rows.append(model(**{**values, "request_id": copy.pk, "position": len(rows) + 1}))
        model.objects.bulk_create(rows)
    return copy


def peak_rss_mb(version_id, env):
    """Render one queued version in a fresh process; (its peak RSS in MB, page count)."""
    script = os.path.join(ROOT, "benchmarks", "render_once.py")
    output = subprocess.run([sys.executable, script, str(version_id)],  # noqa: S603 - our own script
                            cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    return result["peak_rss_mb"], result["pages"]


def fifty_pages(clinic, user, env):
    """Grow the long request until its packet has at least 50 pages; (peak RSS MB, pages)."""
    flows = 6
    while True:
        version = _new_version(long_request(clinic, user, flows), user)
        rss, pages = peak_rss_mb(version.pk, env)
        if pages >= 50 or flows > 400:
            return rss, pages
        flows = int(flows * 50 / max(pages, 1)) + 2
