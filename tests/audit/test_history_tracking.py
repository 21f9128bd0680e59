"""Tracking in a request's History: status moves, the contact log, the follow-up sweep, the
approval with its checklist, and the Admin API check (whose key is never kept)."""

from django.urls import reverse

from apps.tracking import followups
from apps.tracking.models import FollowUp
from tests.fakes.openai_admin import VALID_KEY
from tests.tracking.moves import approval_data, move
from tests.tracking.test_contact_log import entry_data
from tests.tracking.test_followups import make_due
from tests.tracking.test_verification import PROJECT

from .history import acting_as, find, history_entries


def test_moves_contacts_reminders_approval_and_verification(alice_client, alice, clinic, packet, fake_admin_api,
                                                             run_on_commit):
    with run_on_commit():
        alice_client.post(reverse("tracking:transition", args=[clinic.pk, "send_to_review"]), {"note": "Please check."})
    with acting_as(alice), run_on_commit():  # the rest of the way through the services, as the views call them
        move(clinic, "mark_ready", alice, packet_version=packet)  # the packet fixture is signed off
        move(clinic, "submit", alice, packet_version=packet, channel="sales_form")
    make_due(clinic)
    assert followups.follow_ups_sweep() == 1  # the beat's sweep: no person
    alice_client.post(reverse("tracking:contact_add", args=[clinic.pk]), entry_data(summary="They approved it."))
    with run_on_commit():
        alice_client.post(reverse("tracking:approval", args=[clinic.pk]), approval_data())
    alice_client.post(reverse("tracking:checklist_tick", args=[clinic.pk, "dashboard_tab"]),
                      {"dashboard_tab-done": "on", "dashboard_tab-note": "Seen in the dashboard."})
    fake_admin_api.state.projects = {PROJECT: "organization_default"}
    alice_client.post(reverse("tracking:admin_api_check", args=[clinic.pk]), {"admin_key": VALID_KEY})

    entries = history_entries(alice_client, clinic)
    moved = find(entries, "Status change Draft → Internal review added")
    assert moved["who"] == alice.get_full_name() and moved["changes"]["Note"] == (None, "Please check.")
    assert find(entries, "Status change Ready to send → Submitted added")["changes"]["Packet version"] == (None, "v1")
    status = find(entries, "Request status changed")
    assert status["changes"]["Status"][1] == "Verified"
    follow_up = [e for e in entries if e["what"] == "Follow-up Follow up with OpenAI #1 changed"]
    reminded = next(e for e in follow_up if e["changes"]["State"] == ("Pending", "Reminded"))
    assert reminded["who"] == "the portal" and reminded["changes"]["Sent at"][0] == "empty"
    assert follow_up[0]["changes"]["State"] == ("Reminded", "Done")  # closed by the approval
    logged = find(entries, "Contact log entry Email · Received from OpenAI added")
    assert logged["who"] == alice.get_full_name() and logged["changes"]["Summary"] == (None, "They approved it.")
    approval = find(entries, "Approval Zero Data Retention (ZDR) added")
    assert approval["changes"]["Effective date"] == (None, "2026-03-02")
    assert approval["changes"]["Scope"] == (None, "The whole OpenAI organization")
    tick = find(entries, "Checklist item Dashboard: the Data retention tab shows the approved setting added")
    assert tick["changes"]["Done"] == (None, "yes") and tick["who"] == alice.get_full_name()
    verified = find(entries, "Verification Matches the approval added")
    assert verified["who"] == alice.get_full_name() and verified["changes"]["Outcome"] == (None, "Matches the approval")
    assert verified["changes"]["Approval"] == (None, "Zero Data Retention (ZDR)")
    page = alice_client.get(reverse("audit:history", args=[clinic.pk])).content.decode()
    assert VALID_KEY not in page and "sk-admin" not in page


def test_snoozing_and_closing_follow_ups_are_recorded(alice_client, alice, submitted, run_on_commit):
    follow_up = FollowUp.objects.get(request=submitted, state="pending")
    alice_client.post(reverse("tracking:follow_up_action", args=[submitted.pk, follow_up.pk, "snooze"]), {"days": "3"})
    with acting_as(alice), run_on_commit():  # the withdrawal's side effects run as part of alice's action
        move(submitted, "withdraw", alice, note="Not needed.")

    entries = history_entries(alice_client, submitted)
    cancelled, snoozed = [e for e in entries if e["what"] == "Follow-up Follow up with OpenAI #1 changed"][:2]
    assert snoozed["changes"]["State"] == ("Pending", "Snoozed") and snoozed["who"] == alice.get_full_name()
    assert cancelled["changes"]["State"] == ("Snoozed", "Cancelled") and cancelled["who"] == alice.get_full_name()
