"""`make bench`: every performance goal of the portal, measured on throwaway databases.

    make bench                                   # SQLite + the file-system broker
    DATABASE_URL=postgres://... CELERY_BROKER_URL=redis://... make bench   # and PostgreSQL + Redis

Each database runs in its own process (benchmarks/target.py): it is created empty, migrated,
seeded (1,000 requests, 20,000 contact-log and history entries), measured, and dropped. Pages go
through gunicorn with 2 workers; BENCH_PORT (default 8765) is its port. It takes a few minutes.
The last lines are one per figure, `bench NAME: VALUE (goal <= LIMIT)`, the worst over the databases.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
GOALS = [  # name, format, comparison, limit
    ("packet_ratio", "{:.2f}", "<=", "1.10"),
    ("packet_10_pages_s", "{:.2f}", "<=", "1.5"),
    ("packet_50_pages_peak_rss_mb", "{:.0f}", "<=", "300"),
    ("click_to_ready_over_render_s", "{:.2f}", "<=", "1.0"),
    ("page_p95_ratio_max", "{:.2f}", "<=", "3.0"),
    ("page_queries_max", "{:.0f}", "<=", "15"),
    ("dashboard_rps_8_clients", "{:.0f}", ">=", "150"),
    ("sweep_10000_due_s", "{:.2f}", "<=", "10"),
]


def run_target(name, database_url, broker_url, workdir, packet):
    env = {
        **os.environ, "BENCH_TARGET": name, "DJANGO_SETTINGS_MODULE": "zdrportal.settings.local", "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver", "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker_url, "CELERY_BROKER_DIR": f"{workdir}/broker", "VAR_DIR": workdir,
        "MEDIA_ROOT": f"{workdir}/media", "CELERY_TASK_DEFAULT_QUEUE": f"zdr-bench-{os.getpid()}",
        "EMAIL_URL": "memorymail://", "LOG_LEVEL": "WARNING", "BENCH_PACKET": "1" if packet else "0",
    }
    process = subprocess.Popen([sys.executable, str(HERE / "target.py")],  # noqa: S603 - our own script
                               env=env, stdout=subprocess.PIPE, text=True)
    result = None
    for line in process.stdout:  # as it comes: the progress of a run that takes minutes
        if line.startswith("BENCH-RESULT "):
            result = json.loads(line.removeprefix("BENCH-RESULT "))
        else:
            print(line, end="", flush=True)
    if process.wait() or result is None:
        sys.exit(f"bench: the {name} run failed")
    return result


def postgres_throwaway(url):
    """A fresh database next to the one DATABASE_URL names: (its URL, a function that drops it)."""
    import psycopg

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/')}_bench"
    admin = urlunsplit(parts._replace(path="/postgres"))

    def execute(sql):
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(sql)

    execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}")), lambda: execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def main():
    workdir = tempfile.mkdtemp(prefix="zdr-bench-")
    results = []
    try:
        results.append(run_target("sqlite", f"sqlite:///{workdir}/sqlite/bench.sqlite3", "filesystem://",
                                  _mkdir(f"{workdir}/sqlite"), packet=True))
        url = os.environ.get("DATABASE_URL", "")
        if url.startswith(("postgres://", "postgresql://")):
            database, drop = postgres_throwaway(url)
            try:
                results.append(run_target("postgresql", database, os.environ.get("CELERY_BROKER_URL", "filesystem://"),
                                          _mkdir(f"{workdir}/postgresql"), packet=False))
            finally:
                drop()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    figures = {name: worst(results, key, pick) for name, (key, pick) in {
        "packet_ratio": ("packet_ratio", max),
        "packet_10_pages_s": ("packet_10_pages_s", max),
        "packet_50_pages_peak_rss_mb": ("packet_50_rss", max),
        "click_to_ready_over_render_s": ("click_to_ready_over_render", max),
        "page_p95_ratio_max": ("page_ratios", max),
        "page_queries_max": ("page_queries", max),
        "dashboard_rps_8_clients": ("dashboard_rps", min),
        "sweep_10000_due_s": ("sweep_s", max),
    }.items()}
    failed = False
    for name, form, comparison, limit in GOALS:
        value = figures[name]
        if value is None:  # not measured (BENCH_ONLY)
            continue
        failed |= not (value <= float(limit) if comparison == "<=" else value >= float(limit))
        print(f"bench {name}: {form.format(value)} (goal {comparison} {limit})")
    return 1 if failed else 0


def worst(results, key, pick):
    """The worst value over the databases; a per-page figure's worst page. None if not measured."""
    values = [r[key] for r in results if key in r]
    values = [pick(v.values()) if isinstance(v, dict) else v for v in values]
    return pick(values) if values else None


def _mkdir(path):
    Path(path).mkdir(parents=True)
    return path


if __name__ == "__main__":
    sys.exit(main())
