"""The packet in the browser: a generated version turns Ready on its own (htmx polling), then is signed off."""

from playwright.sync_api import expect

from apps.packets import services
from apps.packets.tasks import render_packet_version
from apps.workspace.selectors import request_get


def test_a_generated_version_turns_ready_without_a_reload_and_is_signed_off(page, sign_in, alice, clinic,
                                                                             celery_worker_process):
    sign_in(alice)
    page.goto(f"/requests/{clinic.pk}/packet/")
    expect(page.get_by_role("heading", name="Justification packet")).to_be_visible()
    page.get_by_role("button", name="Generate PDF version").click()
    page.wait_for_url(f"**/requests/{clinic.pk}/packet/v1/")
    page.evaluate("window.packetPageLoads = 1")  # gone if the page reloads

    expect(page.locator("#version-live [data-state]")).to_have_text("Ready", timeout=60_000)
    assert page.evaluate("window.packetPageLoads") == 1
    expect(page.get_by_role("link", name="Download PDF")).to_be_visible()

    page.get_by_label("Approved").check()
    page.get_by_label("Comment").fill("Matches the DPIA.")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("Current decision: Approved")).to_be_visible()
    page.get_by_role("link", name="Packet", exact=True).click()
    expect(page.locator("#approval")).to_contain_text("Approved for v1")


def test_the_status_follows_a_render_that_starts_after_the_page_opened(page, sign_in, alice, clinic,
                                                                        celery_worker_process):
    version = services.packet_version_create(
        zdr_request=request_get(organization=clinic.organization, request_id=clinic.pk), user=alice, enqueue=False)
    sign_in(alice)
    page.goto(f"/requests/{clinic.pk}/packet/v1/")
    expect(page.locator("#version-live [data-state]")).to_have_text("Queued")
    page.evaluate("window.packetPageLoads = 1")

    render_packet_version.delay(version.pk)

    expect(page.locator("#version-live [data-state]")).to_have_text("Ready", timeout=60_000)
    assert page.evaluate("window.packetPageLoads") == 1

    counter = page.locator("#form-text-count")
    page.get_by_label("Paste it into the form's message field").fill("x" * 1501)
    expect(counter).to_have_text("1501 / 1500 characters (1 too many)")
