"""The accessibility gate: every page of the walk (tests/browser/walk.py), signed in as an owner, an
editor and a reviewer of an organization the journey has filled (requests in every tracking state, a
rendered and signed-off packet, contact log entries), as the owner of an organization that has only
just started (empty states), and signed out. Each page must pass axe-core with no serious or
critical violation (moderate ones are printed), be valid HTML for the Nu HTML Checker (one batched
run), and fit a 390 px phone screen without sideways scrolling.

The checkers are pinned in the Makefile (`make checkers`, a prerequisite of `make test`)."""

import hashlib
import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from apps.accounts.models import Role
from apps.workspace import services as workspace
from apps.workspace.demo import CLINIC_TITLE
from apps.workspace.models import ZdrRequest
from tests.browser.walk import member_urls, public_urls
from tests.factories import InvitationFactory, MembershipFactory

VENV = Path(settings.BASE_DIR) / ".venv"
AXE_JS = VENV / "axe-4.14.1" / "axe.min.js"  # the versions pinned in the Makefile
VNU_JAR = VENV / "vnu-26.9.27" / "vnu.jar"
DESKTOP, PHONE = {"width": 1440, "height": 900}, {"width": 390, "height": 844}
FAILING_IMPACTS = {"serious", "critical"}
CSRF = re.compile(rb'(name="csrfmiddlewaretoken" value=|data-csrf-token=|"X-CSRFToken": )"[^"]*"')


@pytest.fixture(scope="module")
def checkers():
    if not (AXE_JS.exists() and VNU_JAR.exists()):
        subprocess.run(["make", "--no-print-directory", "checkers"], cwd=settings.BASE_DIR, check=True)
    return AXE_JS.read_text(), VNU_JAR


def test_makefile_pins_the_checkers_this_gate_reads():
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
    assert f"AXE_VERSION := {AXE_JS.parent.name.removeprefix('axe-')}" in makefile
    assert f"VNU_VERSION := {VNU_JAR.parent.name.removeprefix('vnu-')}" in makefile


class Walk:
    """Visits pages once per distinct content and keeps what each check found, page by page."""

    def __init__(self, browser, base_url, axe, folder):
        self.browser, self.base_url, self.axe, self.folder = browser, base_url, axe, folder
        self.seen, self.saved, self.is_page = set(), {}, {}
        self.failures, self.moderate, self.overflow, self.counts = [], [], [], {}

    def as_user(self, label, user, urls):
        context = self.browser.new_context(base_url=self.base_url, bypass_csp=True, viewport=DESKTOP)
        if user is not None:
            client = Client()
            client.force_login(user)
            context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[
                settings.SESSION_COOKIE_NAME].value, "url": self.base_url}])
        page = context.new_page()
        for name, url in urls:
            self.visit(page, label, name, url)
        context.close()

    def visit(self, page, label, name, url):
        # Chromium shows its own error page for an empty answer (a GET on a POST-only view): ask first,
        # once per URL name, since whether a view answers GET with HTML does not depend on the reader.
        if name is not None and name not in self.is_page:
            probe = page.request.get(url)
            self.is_page[name] = probe.status != 405 and probe.headers.get("content-type", "").startswith("text/html")
        if name is not None and not self.is_page[name]:
            return
        body = page.goto(url).body()
        if b"<!doctype html" not in body[:200].lower():  # a fragment that htmx loads into a page
            return
        digest = hashlib.sha256(CSRF.sub(b"", body)).hexdigest()
        if digest in self.seen:
            return
        self.seen.add(digest)
        where = f"{label} {url}" + (f" -> {page.url.removeprefix(self.base_url)}" if page.url != self.base_url + url
                                    else "")
        file = self.folder / f"{len(self.saved):03d}.html"
        file.write_bytes(body)
        self.saved[file.name] = where
        page.add_script_tag(content=self.axe)
        violations = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
        serious = [(v["id"], v["impact"], len(v["nodes"]), " | ".join(
                    f'{n["target"]} {n["failureSummary"].splitlines()[-1].strip()}' for n in v["nodes"][:3]))
                   for v in violations if v["impact"] in FAILING_IMPACTS]
        moderate = [(v["id"], v["impact"], len(v["nodes"])) for v in violations if v["impact"] not in FAILING_IMPACTS]
        self.failures += [f"{where}: {rule} ({impact}) on {n} nodes: {target}" for rule, impact, n, target
                          in serious]
        self.moderate += [f"{where}: {rule} ({impact}) on {n} nodes" for rule, impact, n in moderate]
        page.set_viewport_size(PHONE)
        width = page.evaluate("document.documentElement.scrollWidth")
        page.set_viewport_size(DESKTOP)
        if width > PHONE["width"]:
            self.overflow.append(f"{where}: {width} px wide at {PHONE['width']} px")
        self.counts[where] = {"axe": sum(n for _, _, n, _ in serious), "moderate": sum(n for *_, n in moderate),
                              "vnu": 0, "width": width}

    def validate(self, jar):
        run = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", str(self.folder)],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode in (0, 1) and run.stderr.startswith("{"), f"vnu did not run: {run.stderr[:500]}"
        messages = json.loads(run.stderr)["messages"]
        errors = []
        for message in messages:
            where = self.saved.get(message.get("url", "").rsplit("/", 1)[-1], message.get("url"))
            errors.append(f"{where}: line {message.get('lastLine')}: {message['message']}")
            if where in self.counts:
                self.counts[where]["vnu"] += 1
        return errors


def _rich_requests(org):
    """The clinic request first (it has the packet versions and the tracking world), then the others."""
    return sorted(ZdrRequest.objects.filter(organization=org), key=lambda r: (r.title != CLINIC_TITLE, r.pk))


def test_every_page_passes_axe_and_the_html_checker_and_fits_a_phone(
        browser, live_server, checkers, tmp_path, rich_org, alice, bob, reviewer, catalog_loaded, capsys):
    axe, jar = checkers
    folder = tmp_path / "pages"  # not tmp_path itself: the test's media (PDFs) are there
    folder.mkdir()
    walk = Walk(browser, live_server.url, axe, folder)
    requests = _rich_requests(rich_org)
    walk.as_user("owner", alice, member_urls(rich_org, requests))
    walk.as_user("editor", bob, member_urls(rich_org, requests, first_user=False, every_request=False))
    walk.as_user("reviewer", reviewer, member_urls(rich_org, requests, first_user=False, every_request=False))

    # A team that has only just started: nothing yet, then one blank request.
    erin = MembershipFactory(user__email="erin@example.com", role=Role.OWNER, organization__name="Erin Labs")
    InvitationFactory(organization=erin.organization, email="new@example.com", invited_by=erin.user)
    walk.as_user("new owner", erin.user, member_urls(erin.organization, [], first_user=False))
    blank = workspace.request_create(organization=erin.organization, owner=erin.user, title="Notes assistant",
                                     requested_control="zdr")
    walk.as_user("new owner", erin.user, [(name, url) for name, url in member_urls(
        erin.organization, [blank], first_user=False) if "/requests/" in url])
    walk.as_user("anonymous", None, public_urls(erin.organization))

    html_errors = walk.validate(jar)
    with capsys.disabled():
        print(f"\naccessibility gate: {len(walk.counts)} pages; moderate axe findings (reported, not failing):")
        print("\n".join(walk.moderate) or "none")
        print("pages with findings: serious+critical axe nodes, moderate nodes, vnu errors, width at 390 px")
        for where, c in walk.counts.items():
            if c["axe"] or c["moderate"] or c["vnu"] or c["width"] > PHONE["width"]:
                print(f"  {c['axe']:3d} {c['moderate']:3d} {c['vnu']:3d} {c['width']:5d}  {where}")
        print("totals:", dict(Counter({k: sum(c[k] for c in walk.counts.values()) for k in ("axe", "moderate",
                                                                                             "vnu")})))
    problems = (["axe-core, serious or critical:"] + walk.failures if walk.failures else []) + (
        ["Nu HTML Checker errors:"] + html_errors if html_errors else []) + (
        ["Wider than a phone:"] + walk.overflow if walk.overflow else [])
    assert len(walk.counts) > 60, "the walk lost its pages"
    assert problems == [], "\n".join(problems)
