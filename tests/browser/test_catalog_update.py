from django.core.management import call_command
from playwright.sync_api import expect

from tests.catalog.pastes import markdown, newer_rows
from tests.catalog.shipped import SHIPPED


def test_an_owner_pastes_the_table_and_a_reviewer_publishes_it(page, sign_in, alice, reviewer, browser,
                                                               live_server, password):
    call_command("load_catalog", str(SHIPPED))
    sign_in(alice)
    page.goto("/catalog/openai/versions/")
    page.get_by_role("link", name="Update from the provider's page").click()

    page.get_by_label("As of").fill("2026-11-13")
    page.get_by_label("The provider's table").fill(markdown(newer_rows()))
    page.get_by_role("button", name="Make a draft").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Draft as of 13 Nov 2026")
    expect(page.get_by_role("region", name="Endpoints", exact=True)).to_contain_text("/v1/audio/voices")
    expect(page.locator(".update-unparsed")).to_contain_text("Maybe¹")
    expect(page.get_by_text("You pasted this draft: a different owner or reviewer publishes it.")).to_be_visible()
    draft_url = page.url

    # Rita reviews in her own session and publishes.
    context = browser.new_context(base_url=live_server.url)
    rita = context.new_page()
    rita.goto("/login/")
    rita.get_by_label("Email address").fill(reviewer.email)
    rita.get_by_label("Password").fill(password)
    rita.get_by_role("button", name="Sign in").click()
    rita.wait_for_url("**/")
    rita.goto(draft_url)
    rita.get_by_role("button", name="Publish as the current version").click()

    expect(rita.get_by_role("status").filter(has_text="Published")).to_contain_text("is now the current catalog")
    current = rita.get_by_role("row").filter(has_text="Current")
    expect(current).to_contain_text("13 Nov 2026")
    expect(current).to_contain_text("published by Rita Reviewer")
    context.close()
