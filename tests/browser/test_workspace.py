import re

from django.core.management import call_command
from playwright.sync_api import expect

from apps.workspace.models import ZdrRequest
from tests.catalog.conftest import SHIPPED
from tests.worker import wait_for


def test_autosave_keeps_input_across_a_reload_and_findings_follow_usage(page, sign_in, alice):
    call_command("load_catalog", str(SHIPPED))
    sign_in(alice)
    page.get_by_role("link", name="Requests").click()
    page.get_by_role("link", name="Start your first request").click()
    page.get_by_label("Title").fill("Clinic notes assistant")
    page.get_by_label("Requested control").select_option("zdr")
    page.get_by_label("OpenAI organization ID").fill("org-Clinic42")
    page.get_by_role("button", name="Create request").click()

    page.get_by_label("Legal entity").fill("Northwind Clinic Group, Inc.")
    expect(page.locator("#save-status-main")).to_contain_text(re.compile(r"Saved at \d\d:\d\d"))
    page.reload()
    expect(page.get_by_label("Legal entity")).to_have_value("Northwind Clinic Group, Inc.")

    page.get_by_role("link", name="Endpoint usage").click()
    page.get_by_label("Endpoint to add").select_option("/v1/batches")
    page.get_by_role("button", name="Add this endpoint").click()
    expect(page.get_by_text("/v1/batches is not eligible for ZDR", exact=True)).to_be_visible()
    expect(page.locator("#recommendation")).to_contain_text("1 open blocker under ZDR")

    usage = page.locator("article.item-card").first
    usage.get_by_label("Endpoint").select_option("/v1/responses")
    expect(page.locator("#recommendation")).to_contain_text("No open blocker under ZDR")
    expect(usage).to_contain_text("Saved at")

    zdr_request = ZdrRequest.objects.get()
    assert zdr_request.legal_entity == "Northwind Clinic Group, Inc."
    assert list(zdr_request.usages.values_list("endpoint_path", flat=True)) == ["/v1/responses"]


def test_a_wizard_step_works_with_the_keyboard_alone(page, sign_in, alice, alice_org):
    from apps.workspace import services

    call_command("load_catalog", str(SHIPPED))
    zdr_request = services.request_create(organization=alice_org, owner=alice, title="Keyboard", requested_control="zdr")
    sign_in(alice)
    page.goto(f"/requests/{zdr_request.pk}/steps/use-case/")

    page.get_by_label("What the product does").focus()
    page.keyboard.type("Summarizes visit notes.")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Who its users are")).to_be_focused()
    page.keyboard.type("Clinicians.")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Why the data is sensitive")).to_be_focused()
    expect(page.locator("#save-status-main")).to_contain_text("Saved at")

    saved = ZdrRequest.objects.filter(pk=zdr_request.pk, users_description="Clinicians.")
    assert wait_for(saved.exists, timeout=10)
    assert saved.get().product_description == "Summarizes visit notes."
