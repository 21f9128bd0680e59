"""Refresh the README's screenshots: `make screenshots`.

Starts the portal on a throw-away SQLite database with the demo data, walks it with headless
Chromium (Playwright) and writes PNGs to docs/screenshots/; PDF pages go through poppler's pdftoppm."""

import logging
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("screenshots")
OUT = ROOT / "docs" / "screenshots"
PORT = int(os.environ.get("SCREENSHOT_PORT", "8765"))
BASE = f"http://127.0.0.1:{PORT}"
EMAIL, PASSWORD = "demo@example.com", "screenshot-demo-password"
PDFTOPPM = "/usr/bin/pdftoppm"  # Debian's poppler-utils (the Makefile installs it)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def manage(env, *args, **kwargs):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs)  # noqa: S603


def start_portal(var_dir):
    """The web server, a worker and beat on a fresh SQLite database and file-system broker; returns both
    once /healthz says the worker is up, so the pages show what a running portal shows."""
    env = {**os.environ, "VAR_DIR": var_dir, "DEMO_EMAIL": EMAIL, "DEMO_PASSWORD": PASSWORD,
           "DJANGO_SETTINGS_MODULE": "zdrportal.settings.local"}
    for name in ("DATABASE_URL", "CELERY_BROKER_URL"):
        env.pop(name, None)
    manage(env, "migrate", "--noinput", stdout=subprocess.DEVNULL)
    manage(env, "load_catalog", *map(str, sorted((ROOT / "data" / "catalog").glob("openai-*.json"))),
           stdout=subprocess.DEVNULL)
    manage(env, "seed_demo", stdout=subprocess.DEVNULL)
    processes = [
        subprocess.Popen([sys.executable, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],  # noqa: S603
                         cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        subprocess.Popen([str(Path(sys.executable).parent / "celery"), "-A", "zdrportal", "worker",  # noqa: S603
                          "--concurrency=1", "--loglevel=WARNING"], cwd=ROOT, env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        subprocess.Popen([sys.executable, "manage.py", "run_beat"], cwd=ROOT, env=env,  # noqa: S603 - its heartbeat
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
    ]
    for _ in range(300):
        try:
            urllib.request.urlopen(f"{BASE}/healthz", timeout=1)  # noqa: S310 - our own local server
            return processes
        except (urllib.error.HTTPError, OSError):  # not up yet, or 503 until the worker's first heartbeat
            time.sleep(0.2)
    for process in processes:
        process.kill()
    raise SystemExit("The portal or its worker did not start.")


def shoot(page, name, *, selector=None, full_page=True):
    target = page.locator(selector).first if selector else page
    target.screenshot(path=str(OUT / f"{name}.png"), **({} if selector else {"full_page": full_page}))
    log.info("wrote docs/screenshots/%s.png", name)


def sign_in(page):
    page.goto(f"{BASE}/login/")
    shoot(page, "signin")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{BASE}/")


def take_tracking(page):
    """The demo's requests in their states, and the one whose follow-up is overdue."""
    page.goto(f"{BASE}/")
    shoot(page, "dashboard")
    page.get_by_role("region", name="Needs attention").get_by_role("link").first.click()
    page.get_by_role("region", name="Follow-ups").get_by_text("Overdue").wait_for()
    shoot(page, "tracking")


def take_packet(page, request_url, work_dir):
    """The packet page, then two pages of the signed-off PDF: the cover and the data flows."""
    page.goto(f"{request_url}/packet/")
    shoot(page, "packet", full_page=False)
    page.goto(f"{request_url}/packet/v1/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    pdf = Path(work_dir) / "packet.pdf"
    download.value.save_as(pdf)
    texts = [p.extract_text() for p in PdfReader(pdf).pages]
    flows = next(n for n, text in enumerate(texts, start=1) if re.match(r"\d+\s*Data flows\n", text))
    for name, number in [("packet-pdf-cover", 1), ("packet-pdf-flows", flows)]:
        subprocess.run([PDFTOPPM, "-png", "-r", "80", "-f", str(number), "-l", str(number), "-singlefile",  # noqa: S603
                        str(pdf), str(OUT / name)], check=True)
        log.info("wrote docs/screenshots/%s.png (page %s of the PDF)", name, number)


def take_workspace(page, request_url):
    page.goto(f"{request_url}/steps/use-case/")
    shoot(page, "wizard-step", full_page=False)

    page.goto(f"{request_url}/steps/usage/")  # the Batch blocker, as a new team first sees it
    page.get_by_label("Endpoint to add").select_option("/v1/batches")
    page.get_by_role("button", name="Add this endpoint").click()
    page.wait_for_load_state("networkidle")
    shoot(page, "findings", selector="article.item-card >> nth=-1")
    page.locator("article.item-card").last.get_by_role("link", name="Remove").click()
    page.get_by_role("button", name="Remove").click()

    page.goto(f"{request_url}/steps/flows/")
    shoot(page, "diagram", selector="#diagram")


def take_history(page, request_url):
    page.goto(f"{request_url}/steps/flows/")
    page.locator("article.item-card").nth(1).get_by_role("button", name="Move up").click()  # edits for the History
    page.wait_for_load_state("networkidle")
    page.goto(f"{request_url}/steps/use-case/")
    page.get_by_label("Expected requests a month").fill("90000")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_load_state("networkidle")
    page.goto(f"{request_url}/history/")
    shoot(page, "history", full_page=False)


def take(page, work_dir):
    sign_in(page)
    take_tracking(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Requests").click()
    page.get_by_role("link", name="Visit-note summaries for Northwind Clinic").click()
    request_url = page.url.split("/steps/")[0]
    take_packet(page, request_url, work_dir)  # before the edits below change the request's content
    take_workspace(page, request_url)
    take_history(page, request_url)

    page.goto(f"{BASE}/catalog/openai/?q=batches")
    page.get_by_role("button", name="/v1/batches details").click()
    page.wait_for_timeout(400)  # the row opens with a short animation
    shoot(page, "catalog-batches", full_page=False)

    page.goto(f"{BASE}/organizations/new/")  # a second, empty organization shows the first steps
    page.get_by_label("Organization name").fill("Acme Health")
    page.get_by_role("button", name="Create organization").click()
    page.goto(f"{BASE}/")
    shoot(page, "dashboard-empty")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as var_dir:
        processes = start_portal(var_dir)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                take(page, var_dir)
                browser.close()
        finally:
            for process in processes:
                process.terminate()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s", force=True)
    main()
