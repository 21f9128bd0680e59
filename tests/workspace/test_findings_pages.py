import json

from django.core.management import call_command
from django.urls import reverse

from apps.workspace.models import EndpointUsage, FindingAcknowledgement

from .steps import step_url


def add_batches(clinic):
    return EndpointUsage.objects.create(
        request=clinic, position=9, endpoint_path="/v1/batches", models_used="gpt-5.1", monthly_volume=100
    )


def test_the_batch_blocker_shows_its_remediation_and_disappears_when_fixed(client_for, alice, clinic):
    client = client_for(alice)
    usage = add_batches(clinic)
    html = client.get(step_url(clinic, "usage")).content.decode()
    assert "/v1/batches is not eligible for ZDR" in html
    assert "synchronous" in html

    client.post(reverse("workspace:item_delete", args=[clinic.pk, "usages", usage.pk]))

    assert "/v1/batches is not eligible" not in client.get(step_url(clinic, "usage")).content.decode()


def test_a_blocker_can_be_acknowledged_with_a_justification(client_for, alice, clinic):
    client = client_for(alice)
    usage = add_batches(clinic)
    key = f"usage:{usage.pk}:endpoint"
    url = reverse("workspace:acknowledge", args=[clinic.pk])

    refused = client.post(url, {"key": key, "justification": "  "}, follow=True)
    assert "Say why the team keeps this design" in refused.content.decode()
    assert not FindingAcknowledgement.objects.exists()

    client.post(url, {"key": key, "justification": "Only synthetic test data goes through Batch."})
    review = client.get(step_url(clinic, "review")).content.decode()

    assert "Blocker, acknowledged" in review and "Only synthetic test data goes through Batch." in review
    assert "Everything is documented and no blocker is open" in review


def test_acknowledging_something_that_is_not_a_blocker_is_refused(client_for, alice, clinic):
    response = client_for(alice).post(
        reverse("workspace:acknowledge", args=[clinic.pk]),
        {"key": "usage:999:endpoint", "justification": "x"},
        follow=True,
    )
    assert "no longer a blocker" in response.content.decode()
    assert not FindingAcknowledgement.objects.exists()


def test_export_json_has_the_whole_request(client_for, alice, clinic):
    add_batches(clinic)
    data = json.loads(client_for(alice).get(reverse("workspace:export", args=[clinic.pk])).content)

    assert data["request"]["title"] == clinic.title and data["request"]["openai_org_id"] == "org-NorthwindClinic2026"
    assert len(data["request"]["flows"]) == 3 and len(data["request"]["usages"]) == 3
    assert data["catalog_version"]["as_of"] == "2026-09-22"
    assert any(f["severity"] == "blocker" and f["endpoint_path"] == "/v1/batches" for f in data["findings"])
    assert data["completeness"]["percent"] < 100


def test_a_newer_catalog_shows_what_changed_and_moves_in_one_action(
    client_for, alice, clinic, newer_document, write_catalog
):
    add_batches(clinic)
    call_command("load_catalog", str(write_catalog(newer_document)), stdout=open("/dev/null", "w"))  # noqa: SIM115
    client = client_for(alice)

    html = client.get(step_url(clinic, "review")).content.decode()
    assert "A newer catalog exists" in html and "/v1/batches" in html and "remediation" in html

    client.post(reverse("workspace:catalog_upgrade", args=[clinic.pk]))

    clinic.refresh_from_db()
    assert str(clinic.catalog_version.as_of) == "2026-11-01"
    assert "A newer catalog exists" not in client.get(step_url(clinic, "review")).content.decode()


def test_step_pages_keep_a_flat_query_count(client_for, alice, clinic, django_assert_max_num_queries):
    client = client_for(alice)
    for n in range(20):
        usage = EndpointUsage.objects.create(
            request=clinic,
            position=10 + n,
            endpoint_path="/v1/embeddings",
            models_used="text-embedding-3",
            monthly_volume=5,
        )
        clinic.flows.create(position=10 + n, source_system=f"System {n}", usage=usage, output_store=f"Store {n}")
    for step in ("organization", "flows", "usage", "review"):
        with django_assert_max_num_queries(20):
            assert client.get(step_url(clinic, step)).status_code == 200
    with django_assert_max_num_queries(12):
        client.get(reverse("workspace:list"))
