"""A member of another organization, in the browser, sees none of alice's organization: not on the
dashboard or the lists, and not by typing the addresses of her request, packet, PDF, tracking,
attachment, history and exports: each answers the styled 404 page, which names nothing of hers."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from apps.packets.demo import demo_packet_seed
from apps.tracking.demo import DEMOS, demo_seed
from apps.tracking.models import Attachment
from apps.workspace.demo import CLINIC_TITLE, clinic_request_seed
from tests.catalog.shipped import SHIPPED
from tests.factories import ALICE_ORG_NAME
from tests.tracking.world import tracking_world

ALICES_WORDS = [ALICE_ORG_NAME, CLINIC_TITLE, "alice@example.com", "Northwind Clinic Group", "org-NorthwindClinic2026",
                *(demo["title"] for demo in DEMOS)]


@pytest.fixture
def alices_urls(alice, alice_org):
    """Alice's request with a rendered, signed-off packet, tracking with an attachment, and the
    demo's requests in other states; the addresses of her objects."""
    call_command("load_catalog", str(SHIPPED), stdout=io.StringIO())
    clinic = clinic_request_seed(organization=alice_org, owner=alice)
    version = demo_packet_seed(organization=alice_org, owner=alice)  # rendered in this process
    tracking_world(clinic, alice)
    demo_seed(organization=alice_org, owner=alice)
    request = f"/requests/{clinic.pk}"
    packet = f"{request}/packet/v{version.number}"
    attachment = Attachment.objects.get(request=clinic)
    return [
        f"{request}/", f"{request}/steps/organization/", f"{request}/steps/usage/", f"{request}/steps/review/",
        f"{request}/export.json", f"{request}/packet/", f"{request}/packet/compare/", f"{packet}/",
        f"{packet}/packet.pdf", f"{packet}/email.eml", f"{packet}/export.json", f"{packet}/status/",
        f"{request}/tracking/", f"{request}/tracking/attachments/{attachment.pk}/", f"{request}/tracking/approval/",
        f"{request}/tracking/verification/", f"{request}/history/", f"{request}/history.csv",
    ]


def test_another_organization_sees_nothing_of_alices(page, sign_in, client, alice, charlie, alices_urls):
    client.force_login(alice)  # the addresses are real: alice opens every one of them
    for url in alices_urls:
        assert client.get(url, follow=True).status_code == 200, url

    sign_in(charlie)
    expect(page.get_by_role("heading", level=1)).to_have_text("Charlie Corp has no ZDR request yet")
    for listing in ["/", "/requests/", "/members/", "/tracking/policy/", "/requests/packet-settings/"]:
        page.goto(listing)
        body = page.locator("body").inner_text()
        assert not [word for word in ALICES_WORDS if word in body], listing
    page.get_by_role("button", name="Charlie Corp").click()  # the organization switcher
    expect(page.get_by_role("button", name=ALICE_ORG_NAME)).to_have_count(0)

    for url in alices_urls:
        response = page.goto(url)
        assert response.status == 404, f"{url} answered {response.status}"
        expect(page.get_by_role("heading", level=1, name="Page not found")).to_be_visible()
        expect(page.get_by_role("link", name="Back to the dashboard")).to_be_visible()
        body = page.content()
        assert not [word for word in ALICES_WORDS if word in body], url
