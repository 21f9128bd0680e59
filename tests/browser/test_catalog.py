from django.core.management import call_command
from playwright.sync_api import expect

from tests.catalog.shipped import SHIPPED


def test_is_batches_eligible_and_what_to_do_instead_in_two_steps(page, sign_in, alice):
    call_command("load_catalog", str(SHIPPED))
    sign_in(alice)
    page.get_by_role("link", name="Catalog").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("OpenAI endpoint catalog")

    page.get_by_label("Search").press_sequentially("batches")  # 1: type; htmx swaps the table in
    expect(page.get_by_role("status")).to_contain_text("Showing 1 of 27 endpoints")
    assert "q=batches" in page.url  # the filtered view is a link you can share
    page.get_by_role("button", name="/v1/batches details").click()  # 2: open the row

    detail = page.locator(".catalog-detail.show")
    expect(detail).to_contain_text("Not eligible")
    expect(detail.get_by_role("heading", name="What to do instead")).to_be_visible()
    expect(detail).to_contain_text("Make synchronous calls to a ZDR-eligible endpoint instead")
