"""One database's half of `make bench` (run by bench.py in its own process, with DATABASE_URL set
to a throwaway database): migrate, seed, measure, and print the figures as JSON on the last line."""

import json
import os
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import packet  # noqa: E402
import sweep  # noqa: E402
import web  # noqa: E402

# For working on one part: BENCH_ONLY=sweep (or pages, click, a comma-separated list).
ONLY = set(filter(None, os.environ.get("BENCH_ONLY", "").split(",")))
PACKET_ROUNDS = int(os.environ.get("BENCH_PACKET_ROUNDS", "3"))
PAGE_ROUNDS = int(os.environ.get("BENCH_PAGE_ROUNDS", "40"))
CLICKS = 3


def say(message):
    print(f"[{os.environ['BENCH_TARGET']}] {message}", flush=True)


def page_queries(user, pages):
    """The queries each page makes as it renders after a change (the fragment cache off), through
    Django's test client (counted at the cursor: the query log is reset by each request)."""
    from django.db import connection
    from django.test import Client, override_settings

    client = Client()
    client.force_login(user)
    counts = {}

    def count(execute, sql, params, many, context):
        counts[name] += 1
        return execute(sql, params, many, context)

    with override_settings(FRAGMENT_CACHE=False):
        for name, path in pages.items():
            client.get(path)  # first visit: session
            counts[name] = 0
            with connection.execute_wrapper(count):
                assert client.get(path).status_code == 200, path
    return counts


def main():
    import django

    django.setup()
    from django.core.management import call_command
    from seed import seed

    call_command("migrate", verbosity=0)
    call_command("load_catalog", *sorted(str(p) for p in (HERE.parent / "data/catalog").glob("openai-*.json")),
                 verbosity=0)
    world = seed()
    clinic, other = world["clinic"], world["other"]
    say("seeded 1,000 requests and 20,000 contact-log and history entries")
    pages = {
        "dashboard": "/", "history": f"/requests/{other.pk}/history/",
        "wizard_step": f"/requests/{clinic.pk}/steps/usage/",
        "tracking": f"/requests/{other.pk}/tracking/", "catalog": "/catalog/openai/", "request_list": "/requests/",
        "tracking_2000_entries": f"/requests/{clinic.pk}/tracking/",
        "history_2000_entries": f"/requests/{clinic.pk}/history/",
    }
    figures = {}
    port = int(os.environ.get("BENCH_PORT", "8765"))
    env = dict(os.environ)
    if not ONLY or ONLY & {"pages", "click"}:
        figures.update(web_figures(world, pages, env, port))
    if not ONLY or "sweep" in ONLY:
        seconds, sent = sweep.sweep_seconds(world["organization"])
        say(f"sweep: {sent} reminders sent in {seconds:.1f} s")
        figures["sweep_s"] = seconds
    print("BENCH-RESULT " + json.dumps(figures), flush=True)


def web_figures(world, pages, env, port):
    from apps.packets.models import PacketVersion

    clinic, user = world["clinic"], world["user"]
    figures = {}
    if not ONLY or "pages" in ONLY:
        figures["page_queries"] = page_queries(user, pages)
        say(f"queries per page: {figures['page_queries']}")
    with web.gunicorn(env, port):
        if ONLY and "pages" not in ONLY:
            figures["click_to_ready_over_render"] = click_figures(clinic, user, env, port, PacketVersion)
            return figures
        trivial, ratios = web.page_ratios(port, user.email, pages, PAGE_ROUNDS)
        say(f"trivial p95 {trivial * 1000:.1f} ms; " + ", ".join(
            f"{name} {p * 1000:.0f} ms ({r:.1f}x)" for name, (p, r) in ratios.items()))
        figures["page_ratios"] = {name: r for name, (_, r) in ratios.items()}
        cold_pages(user, pages, env, port + 1)
        figures["dashboard_rps"] = web.requests_per_second(port, user.email, "/")
        say(f"dashboard, 8 clients: {figures['dashboard_rps']:.0f} requests/s")
        if os.environ.get("BENCH_PACKET") == "1":
            figures.update(packet_figures(clinic, user, env, port))
        if not ONLY or "click" in ONLY:
            figures["click_to_ready_over_render"] = click_figures(clinic, user, env, port, PacketVersion)
    return figures


def cold_pages(user, pages, env, port):
    """For the record, not a goal: the same pages rendered on every visit (the fragment cache off),
    as after each change."""
    with web.gunicorn({**env, "FRAGMENT_CACHE": "false"}, port):
        trivial, ratios = web.page_ratios(port, user.email, pages, max(PAGE_ROUNDS // 2, 10))
    say(f"without the fragment cache: trivial p95 {trivial * 1000:.1f} ms; " + ", ".join(
        f"{name} {p * 1000:.0f} ms ({r:.1f}x)" for name, (p, r) in ratios.items()))


def packet_figures(clinic, user, env, port):
    pipeline, raw, pages = packet.pipeline_vs_raw(clinic, user, PACKET_ROUNDS)
    say(f"clinic packet ({'/'.join(map(str, pages))} pages): pipeline {pipeline:.2f} s, raw WeasyPrint {raw:.2f} s")
    rss, long_pages = packet.fifty_pages(clinic, user, env)
    say(f"{long_pages}-page packet in a fresh process: peak RSS {rss} MB")
    return {"packet_ratio": pipeline / raw, "packet_10_pages_s": pipeline * 10 / max(pages), "packet_50_rss": rss}


def click_figures(clinic, user, env, port, version_model):
    with web.worker(env):
        web.click_to_ready(port, user.email, clinic.pk, version_model)  # warm-up: the worker's imports and fonts
        over = []
        for _ in range(CLICKS):
            elapsed, render = web.click_to_ready(port, user.email, clinic.pk, version_model)
            over.append(elapsed - render)
    broker = env.get("CELERY_BROKER_URL", "filesystem://").split(":")[0]
    say(f"click to ready on the {broker} broker: {statistics.median(over):.2f} s more than the render")
    return statistics.median(over)


if __name__ == "__main__":
    main()
