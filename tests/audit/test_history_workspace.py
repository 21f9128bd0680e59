"""Workspace changes in a request's History: who, when, and each field's before and after."""

from datetime import datetime, timedelta
from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from apps.catalog.models import CatalogVersion
from apps.workspace import services
from apps.workspace.models import DataFlow
from apps.workspace.steps import STEP_BY_SLUG
from tests.workspace.steps import step_url
from tests.workspace.test_items import flow_data
from tests.workspace.test_wizard import org_step_data

from .history import find, history_entries


def recent(entry):
    return timezone.now() - datetime.fromisoformat(entry["when"]) < timedelta(minutes=1)


def test_editing_a_step_shows_who_when_and_before_after(alice_client, alice, bob, client_for, blank_request):
    alice_client.post(step_url(blank_request, "organization"), org_step_data(blank_request))
    blank_request.refresh_from_db()
    client_for(bob).post(step_url(blank_request, "organization"),
                         org_step_data(blank_request, legal_entity="Acme Health GmbH", website=""))

    entries = history_entries(client_for(alice), blank_request)
    bobs, alices, created = entries[0], entries[1], entries[-1]
    assert bobs["who"] == bob.get_full_name() and recent(bobs)
    assert bobs["what"] == "Request Notes assistant changed"
    assert bobs["changes"] == {"Legal entity": ("Acme Health Inc.", "Acme Health GmbH"),
                               "Website": ("https://acme.example.com", "empty")}
    assert alices["who"] == alice.get_full_name()
    assert alices["changes"]["OpenAI organization ID"] == ("empty", "org-Abc123")
    assert alices["changes"]["Usage tier or agreement"] == ("empty", "Enterprise agreement")  # the choice's label
    assert created["what"] == "Request Notes assistant added" and created["who"] == "the portal"
    assert created["changes"]["Title"] == (None, "Notes assistant")


def test_adding_moving_and_removing_flows(alice_client, alice, blank_request):
    add = reverse("workspace:item_add", args=[blank_request.pk, "flows"])
    alice_client.post(add)
    alice_client.post(add)
    first, second = DataFlow.objects.filter(request=blank_request).order_by("position")
    alice_client.post(reverse("workspace:item_update", args=[blank_request.pk, "flows", first.pk]),
                      flow_data(first, source_system="EHR", returns="Summary"))
    alice_client.post(reverse("workspace:item_move", args=[blank_request.pk, "flows", second.pk]),
                      {"direction": "up"})
    alice_client.post(reverse("workspace:item_delete", args=[blank_request.pk, "flows", first.pk]))

    entries = history_entries(alice_client, blank_request)
    assert entries[0]["what"] == "Data flow EHR removed" and entries[0]["who"] == alice.get_full_name()
    edited = find(entries, "Data flow EHR changed")  # the edit and the move, one run of saves
    assert edited["changes"]["Source system"] == ("empty", "EHR")
    assert edited["changes"]["What comes back"] == ("empty", "Summary")
    assert edited["changes"]["Position"] == ("1", "2")
    moved = find(entries, f"Data flow #{second.pk} moved")
    assert moved["changes"] == {"Position": ("2", "1")}
    assert find(entries, "Data flow EHR added")["changes"] == {"Position": (None, "1")}


def test_acknowledging_a_blocker_and_moving_to_a_newer_catalog(alice_client, alice, clinic, newer_document,
                                                               write_catalog):
    usage = services.item_add(zdr_request=clinic, kind="usages", user=alice, endpoint_path="/v1/batches")
    alice_client.post(reverse("workspace:acknowledge", args=[clinic.pk]),
                      {"key": f"usage:{usage.pk}:endpoint", "justification": "Only synthetic data goes through Batch."})
    old = clinic.catalog_version
    call_command("load_catalog", str(write_catalog(newer_document)), stdout=StringIO())
    alice_client.post(reverse("workspace:catalog_upgrade", args=[clinic.pk]))
    newer = CatalogVersion.objects.exclude(pk=old.pk).get()

    entries = history_entries(alice_client, clinic)
    upgrade = entries[0]
    assert upgrade["what"] == f"Request {clinic.title} changed" and upgrade["who"] == alice.get_full_name()
    assert upgrade["changes"] == {"Catalog version": (f"OpenAI catalog of {old.as_of}",
                                                      f"OpenAI catalog of {newer.as_of}")}
    acknowledged = find(entries, f"Acknowledged blocker usage:{usage.pk}:endpoint added")
    assert acknowledged["who"] == alice.get_full_name()
    assert acknowledged["changes"]["Justification"] == (None, "Only synthetic data goes through Batch.")


def test_the_new_commitment_answers_show_in_history_by_their_labels(alice_client, blank_request):
    seen = services.fingerprint(blank_request, STEP_BY_SLUG["rollout"].fields)
    alice_client.post(step_url(blank_request, "rollout"),
                      {"spend_band": "1k_10k", "verification_plan": ["probe_store"], "seen": seen})

    changes = history_entries(alice_client, blank_request)[0]["changes"]
    assert changes["Expected OpenAI spend"] == ("empty", "$1,000 to $10,000 a month")
    assert changes["How we will verify after approval"][1] == (
        "Probe (ZDR only): a response sent with store=true cannot be retrieved (404)")
