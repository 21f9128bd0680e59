"""In the browser: a refused field is marked where it is and keeps its text, an explicit save lands
the cursor on the first error, leaving with unsaved input asks first, and a double click submits once."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from apps.workspace import services
from tests.catalog.shipped import SHIPPED


@pytest.fixture
def organization_step(page, sign_in, alice, alice_org):
    """Alice on step 1 of a new request; dialogs (beforeunload) are recorded and answered `leave`."""
    call_command("load_catalog", str(SHIPPED))
    zdr_request = services.request_create(organization=alice_org, owner=alice, title="Clinic", requested_control="zdr")
    sign_in(alice)
    page.dialogs, page.leave = [], True
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.type),
                                      dialog.accept() if page.leave else dialog.dismiss()))
    page.goto(f"/requests/{zdr_request.pk}/steps/organization/")
    return zdr_request


def test_a_bad_website_is_marked_inline_kept_across_a_reload_and_the_legal_entity_beside_it_is_saved(
    page, organization_step
):
    status, website = page.locator("#save-status-main"), page.get_by_label("Website")
    page.get_by_label("Legal entity").fill("Northwind Clinic Group, Inc.")
    website.fill("not a url at all")

    expect(status).to_have_text("Saved, except 1 field that needs fixing: Website.")
    expect(website).to_have_attribute("aria-invalid", "true")
    expect(website).to_have_accessible_description(re.compile("Enter a valid URL."))
    expect(page.locator("#div_id_website .invalid-feedback")).to_be_visible()
    expect(website).to_have_value("not a url at all")
    organization_step.refresh_from_db()
    assert (organization_step.legal_entity, organization_step.website) == ("Northwind Clinic Group, Inc.", "")

    page.reload()
    expect(website).to_have_value("not a url at all")
    expect(website).to_have_attribute("aria-invalid", "true")
    expect(status).to_have_text("Saved, except 1 field that needs fixing: Website.")

    website.fill("https://northwind.example")
    expect(status).to_contain_text("Saved at")
    expect(website).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("#div_id_website .invalid-feedback")).to_have_count(0)
    organization_step.refresh_from_db()
    assert organization_step.website == "https://northwind.example"


def test_a_bad_project_id_is_named_by_its_label(page, organization_step):
    page.get_by_label("OpenAI project IDs").fill("proj_ok, 12345")
    status = page.locator("#save-status-main")
    expect(status).to_have_text("Saved, except 1 field that needs fixing: OpenAI project IDs.")
    expect(page.locator("#id_project_ids_error")).to_contain_text("'12345': A project ID is 'proj_'")


def test_an_explicit_save_with_an_error_lands_the_cursor_on_it(page, organization_step):
    page.get_by_label("Legal entity").fill("Northwind Clinic Group, Inc.")
    page.get_by_label("Website").fill("not a url at all")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue").click()

    expect(page).to_have_url(re.compile(r"/steps/organization/$"))
    expect(page.get_by_label("Website")).to_be_focused()
    expect(page.get_by_label("Legal entity")).to_have_value("Northwind Clinic Group, Inc.")
    assert page.dialogs == []  # a save is leaving on purpose


def test_a_contact_card_keeps_what_was_typed_with_the_error_in_the_card(page, organization_step):
    card = page.locator("article.item-card").first
    card.get_by_label("Name").fill("Sam Okafor")
    card.get_by_label("Email").fill("sam@")
    expect(card.get_by_label("Email")).to_have_attribute("aria-invalid", "true")
    expect(card).to_contain_text("Not saved: 1 field needs fixing: Email.")
    with page.expect_navigation():
        card.get_by_role("button", name="Save").click()

    card = page.locator("article.item-card").first
    expect(card.get_by_label("Name")).to_have_value("Sam Okafor")
    expect(card.get_by_label("Email")).to_have_value("sam@")
    expect(card.get_by_label("Email")).to_be_focused()
    expect(card.locator(".invalid-feedback")).to_contain_text("Enter a valid email address.")
    expect(page.locator(".alert-danger")).to_have_count(0)
    assert organization_step.contacts.get().email == "alice@example.com"  # the refused card changed nothing


def test_leaving_with_refused_or_unsent_input_asks_first(page, organization_step):
    status = page.locator("#save-status-main")
    page.leave = False
    page.get_by_label("Website").fill("not a url at all")
    expect(status).to_contain_text("needs fixing")

    page.get_by_role("link", name="Use case", exact=True).click(no_wait_after=True)
    expect(page.get_by_role("heading", level=1)).to_have_text("Organization and contacts")
    assert page.dialogs == ["beforeunload"]

    page.get_by_label("Website").fill("https://northwind.example")
    expect(status).to_contain_text("Saved at")
    page.get_by_role("link", name="Use case", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Use case")
    assert page.dialogs == ["beforeunload"]  # all saved: no question


def test_generate_packet_double_clicked_sends_one_request_and_disables_the_button(page, sign_in, alice, clinic):
    sign_in(alice)
    page.goto(f"/requests/{clinic.pk}/packet/")
    sent = []
    # The server's answer is "no content", so the page stays and shows what the click left behind.
    page.route("**/packet/generate/", lambda route: (sent.append(route.request.method), route.fulfill(status=204)))
    button = page.get_by_role("button", name="Generate PDF version")

    button.dblclick()

    expect(button).to_be_disabled()
    page.wait_for_timeout(500)
    assert sent == ["POST"]
