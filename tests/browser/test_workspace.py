import re

from django.core.management import call_command
from playwright.sync_api import expect

from apps.workspace.models import WarningAnswer, ZdrRequest
from tests.catalog.shipped import SHIPPED


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
    """From the top of the page: skip the navigation, Tab through the steps to the fields in reading
    order (each reached by its visible label), tick a box with Space, save and continue with Enter."""
    from apps.workspace import services
    from apps.workspace.taxonomy import DRIVERS

    call_command("load_catalog", str(SHIPPED))
    zdr_request = services.request_create(organization=alice_org, owner=alice, title="Keys", requested_control="zdr")
    sign_in(alice)
    page.goto(f"/requests/{zdr_request.pk}/steps/use-case/")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    product = page.get_by_label("What the product does")
    passed = []
    for _ in range(40):  # the request's links and the step list come first, then the form
        page.keyboard.press("Tab")
        if product.evaluate("field => field === document.activeElement"):
            break
        passed.append(page.evaluate("document.activeElement.textContent.trim()"))
    expect(product).to_be_focused()
    assert passed.index("Organization and contacts") < passed.index("Review"), passed

    def tab_to(label, typed=None):
        page.keyboard.press("Tab")
        expect(page.get_by_label(label, exact=True)).to_be_focused()
        if typed:
            page.keyboard.type(typed)

    page.keyboard.type("Summarizes visit notes.")
    tab_to("Who its users are", "Clinicians.")
    tab_to("Why the data is sensitive", "PHI.")
    for key, label in DRIVERS:
        tab_to(label)
        if key == "hipaa":
            page.keyboard.press("Space")
    expect(page.get_by_label("HIPAA / PHI")).to_be_checked()
    tab_to("Other driver")
    tab_to("Why retention at OpenAI is a problem", "HIPAA.")
    tab_to("Expected requests a month", "40000")
    tab_to("Expected tokens a month", "90000000")
    tab_to("Growth and peaks")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Save and continue")).to_be_focused()
    expect(page.locator("#save-status-main")).to_contain_text("Saved at")  # leaving each field autosaved it
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1, name="Data inventory")).to_be_visible()
    zdr_request.refresh_from_db()
    assert (zdr_request.product_description, zdr_request.users_description, zdr_request.drivers,
            zdr_request.retention_problem) == ("Summarizes visit notes.", "Clinicians.", ["hipaa"], "HIPAA.")
    assert (zdr_request.monthly_requests, zdr_request.monthly_tokens) == (40000, 90000000)


def test_an_answer_to_a_warning_is_saved_when_the_member_moves_on(page, sign_in, alice, clinic, live_server):
    WarningAnswer.objects.filter(request=clinic).delete()  # the clinic's one warning, unanswered again
    sign_in(alice)
    page.goto(f"{live_server.url}/requests/{clinic.pk}/steps/usage/")

    expect(page.locator("#step-nav strong").first).not_to_have_text("100%")  # unanswered: incomplete
    page.get_by_label("How we handle it (goes into the packet)").fill("Only lab PDFs, never images.")
    page.locator("article.item-card").first.get_by_label("Purpose").click()  # moving on is enough: no Save click
    expect(page.get_by_text("Answered", exact=True)).to_be_visible()
    expect(page.locator("#step-nav strong").first).to_have_text("100%")  # the scores follow without a reload
    page.reload()

    expect(page.get_by_label("How we handle it (goes into the packet)")).to_have_value("Only lab PDFs, never images.")
    assert WarningAnswer.objects.get(request=clinic).text == "Only lab PDFs, never images."
