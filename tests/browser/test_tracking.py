"""Tracking end to end in Chromium: submit, the follow-up falls due, a reply stops the clock, the
approval is recorded and the Admin API check (against the local fake) marks the request verified."""

import re
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from apps.tracking.models import FollowUp, Tracking
from apps.workspace.demo import clinic_request_seed
from tests.catalog.shipped import SHIPPED
from tests.fakes.openai_admin import VALID_KEY
from tests.tracking.moves import bring_to, make_packet


def test_from_submission_to_verified(page, sign_in, alice, alice_org, fake_admin_api):
    call_command("load_catalog", str(SHIPPED))
    clinic = clinic_request_seed(organization=alice_org, owner=alice)
    packet = make_packet(clinic, number=2)
    bring_to(clinic, "ready_to_send", alice)
    fake_admin_api.state.projects = {"proj_NotesAssistant01": "organization_default"}

    sign_in(alice)
    page.goto(f"/requests/{clinic.pk}/tracking/")
    expect(page.locator("#status-line")).to_contain_text("Ready to send")
    page.get_by_role("link", name="Record as submitted…").click()
    page.get_by_label("Packet version sent").select_option(str(packet.pk))
    page.get_by_label("Sent by").select_option("sales_form")
    page.get_by_role("button", name="Record as submitted").click()
    expect(page.locator("#status-line")).to_contain_text("Waiting on OpenAI for 0 days")
    follow_ups = page.locator("#follow-ups")
    expect(follow_ups).to_contain_text("Follow-up #1")
    expect(follow_ups).not_to_contain_text("Overdue")

    FollowUp.objects.filter(request=clinic).update(due_at=timezone.now() - timedelta(days=1))
    page.reload()
    expect(follow_ups).to_contain_text("Overdue")
    expect(page.get_by_label("Message")).to_have_value(re.compile(r"version 2, SHA-256 (ab){32}"))

    page.get_by_text("Log a message, call, meeting or note").click()
    page.get_by_label("Direction").select_option(label="Received from OpenAI")
    page.get_by_label("Counterpart", exact=True).fill("Jordan")
    page.get_by_label("Summary").fill("We are reviewing your request.")
    page.get_by_role("button", name="Add to the log").click()
    expect(page.locator("#timeline")).to_contain_text("We are reviewing your request.")
    expect(follow_ups).not_to_contain_text("Overdue")  # the reply stopped the clock

    page.get_by_role("link", name="Record approval (ZDR)").click()
    page.get_by_label("Effective date").fill(timezone.localdate().isoformat())
    page.get_by_label("The whole OpenAI organization").check()
    page.get_by_label("OpenAI's message or amendment").fill("ZDR is enabled for org-NorthwindClinic2026.")
    page.get_by_role("button", name="Record approval").click()
    expect(page.locator("#status-line")).to_contain_text("Approved (ZDR)")

    page.get_by_role("link", name="Check with the Admin API").click()
    page.get_by_label("Admin key").fill(VALID_KEY)
    page.get_by_role("button", name="Run the check").click()
    expect(page.get_by_role("status").first).to_contain_text("Matches the approval")
    expect(page.locator("#status-line")).to_contain_text("Verified")
    assert VALID_KEY not in page.content()
    assert Tracking.objects.get(request=clinic).status == "verified"
