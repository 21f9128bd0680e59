"""Playwright driving Debian's Chromium against pytest-django's live server."""

import os

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make next to
# it are still synchronous, so Django's async-safety guard does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab on the live server; console errors fail the test. Chromium also logs an
    error page it navigated to (the styled 404) as a failed resource: only that one is not an error."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    errors, error_pages = [], set()

    def on_response(response):
        if response.request.is_navigation_request() and response.status >= 400:
            error_pages.add(response.url)

    def on_console(message):
        navigated = message.text.startswith("Failed to load resource") and message.location.get("url") in error_pages
        if message.type == "error" and not navigated:
            errors.append(message.text)

    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"console errors: {errors}"


@pytest.fixture
def sign_in(page, password):
    def sign_in_as(user):
        page.goto("/login/")
        page.get_by_label("Email address").fill(user.email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/")
        return page

    return sign_in_as
