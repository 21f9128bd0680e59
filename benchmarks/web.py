"""The pages through gunicorn (2 workers), as a browser sees them: p95 of each page against the
trivial view (the anonymous sign-in page) measured in the same rounds, and the dashboard's
throughput under 8 concurrent clients."""

import http.client
import os
import random
import re
import statistics
import subprocess
import threading
import time
from contextlib import contextmanager
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from seed import PASSWORD

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRIVIAL = "/login/"


class Browser:
    """One signed-in (or anonymous) client: cookies, CSRF, a new connection per request (gunicorn's
    sync workers close it anyway)."""

    def __init__(self, port):
        self.port, self.cookies = port, {}

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **(headers or {})}
        if body is not None:
            headers.update({"Content-Type": "application/x-www-form-urlencoded",
                            "Referer": f"http://127.0.0.1:{self.port}{path}", "Origin": f"http://127.0.0.1:{self.port}"})
        connection.request(method, path, body=urlencode(body) if body is not None else None, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for value in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                self.cookies[name] = morsel.value
        connection.close()
        return response.status, response.headers, text

    def get(self, path):
        return self.request("GET", path)

    def post_form(self, page, action, data):
        _, _, text = self.get(page)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)
        return self.request("POST", action, {"csrfmiddlewaretoken": token, **data})

    def sign_in(self, email):
        status, headers, _ = self.post_form(TRIVIAL, TRIVIAL, {"username": email, "password": PASSWORD})
        assert status == 302 and "sessionid" in self.cookies, f"sign-in failed: {status}"
        return self


@contextmanager
def gunicorn(env, port):
    process = subprocess.Popen(  # noqa: S603 - our own virtualenv's gunicorn
        [os.path.join(ROOT, ".venv/bin/gunicorn"), "zdrportal.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning"], cwd=ROOT, env=env)
    try:
        for _ in range(300):
            try:
                Browser(port).get(TRIVIAL)
                break
            except OSError:
                time.sleep(0.1)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


def timed_get(browser, path):
    start = time.perf_counter()
    status, _, _ = browser.get(path)
    elapsed = time.perf_counter() - start
    assert status == 200, f"{path} answered {status}"
    return elapsed


def p95(samples):
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def page_ratios(port, email, pages, rounds):
    """{page: (p95 s, p95 / trivial p95)}, each page's request right after a trivial one, in a
    shuffled order each round, so both see the same machine load."""
    anonymous, member = Browser(port), Browser(port).sign_in(email)
    for path in [TRIVIAL, *pages.values()]:  # warm both workers: imports, templates, connections
        for _ in range(4):
            timed_get(anonymous if path == TRIVIAL else member, path)
    trivial, times = [], {name: [] for name in pages}
    names = list(pages)
    for _ in range(rounds):
        random.shuffle(names)
        for name in names:
            trivial.append(timed_get(anonymous, TRIVIAL))
            times[name].append(timed_get(member, pages[name]))
    base = p95(trivial)
    return base, {name: (p95(samples), p95(samples) / base) for name, samples in times.items()}


def requests_per_second(port, email, path, clients=8, seconds=10.0):
    browsers = [Browser(port).sign_in(email) for _ in range(clients)]
    counts, failures = [0] * clients, []
    deadline = time.perf_counter() + seconds

    def run(i):
        while time.perf_counter() < deadline:
            status, _, _ = browsers[i].get(path)
            if status != 200:
                failures.append(status)
            counts[i] += 1

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, f"{path} failed under load: {failures[:5]}"
    return sum(counts) / (time.perf_counter() - start)


def poll_interval(html):
    """The version page's poll interval in seconds, as htmx reads its `every` trigger."""
    match = re.search(r'data-hx-trigger="every (\d+(?:\.\d+)?)(ms|s)"', html)
    if match is None:
        return None
    return float(match.group(1)) / (1000 if match.group(2) == "ms" else 1)


def click_to_ready(port, email, request_id, version_model):
    """Seconds from the click on Generate to the page showing Ready, and the render's own seconds."""
    browser = Browser(port).sign_in(email)
    packet = f"/requests/{request_id}/packet/"
    start = time.perf_counter()
    status, headers, _ = browser.post_form(packet, f"{packet}generate/", {})
    assert status == 302, status
    location = headers["Location"]
    _, _, html = browser.get(location)
    number = int(re.search(r"/packet/v(\d+)/", location).group(1))
    interval = poll_interval(html)
    while interval is not None:  # htmx polls every `interval` after the page (or fragment) loaded
        time.sleep(interval)
        _, _, html = browser.get(f"{packet}v{number}/status/")
        interval = poll_interval(html)
        assert time.perf_counter() - start < 120, "the packet never became ready"
    elapsed = time.perf_counter() - start
    version = version_model.objects.get(request_id=request_id, number=number)
    assert version.state == "ready", version.failure_reason
    return elapsed, version.render_seconds


@contextmanager
def worker(env):
    process = subprocess.Popen(  # noqa: S603 - our own virtualenv's celery
        [os.path.join(ROOT, ".venv/bin/celery"), "-A", "zdrportal", "worker", "--concurrency=1",
         "--loglevel=WARNING", "--without-heartbeat", "--without-mingle", "--without-gossip"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=open(os.path.join(env["VAR_DIR"], "worker.log"), "w"))
    try:
        time.sleep(3)  # connected and consuming
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)
