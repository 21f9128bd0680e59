"""Versions are frozen: numbered, immutable, comparable, and listed in the request's export."""

import hashlib
import json

from django.urls import reverse

from apps.packets import services
from apps.packets.diff import diff_snapshots
from apps.packets.models import PacketState
from apps.workspace.models import EndpointUsage, ZdrRequest

from .rendered import fresh, pdf_pages, rendered_version


def file_sha256(version):
    with version.pdf.open("rb") as pdf:
        return hashlib.sha256(pdf.read()).hexdigest()


def test_versions_are_numbered_and_frozen_when_made(clinic, alice):
    first = services.packet_version_create(zdr_request=fresh(clinic), user=alice)
    second = services.packet_version_create(zdr_request=fresh(clinic), user=alice)

    assert (first.number, second.number) == (1, 2)
    assert first.state == PacketState.QUEUED and not first.is_draft
    assert first.snapshot["request"]["openai_org_id"] == "org-NorthwindClinic2026"
    assert first.snapshot["catalog"]["as_of"] == "2026-09-22"
    assert [e["path"] for e in first.snapshot["catalog"]["endpoints"]] == ["/v1/responses"]
    assert first.catalog_version_id == clinic.catalog_version_id and first.generated_by == alice


def test_editing_the_request_never_changes_an_existing_version(clinic, alice):
    version = rendered_version(clinic, alice)
    snapshot, sha256 = json.dumps(version.snapshot, sort_keys=True), version.sha256
    assert file_sha256(version) == sha256

    ZdrRequest.objects.filter(pk=clinic.pk).update(product_description="Something else entirely.")
    EndpointUsage.objects.filter(request=clinic).update(monthly_volume=1)
    version.refresh_from_db()

    assert json.dumps(version.snapshot, sort_keys=True) == snapshot
    assert version.sha256 == sha256 == file_sha256(version)
    _, pages = pdf_pages(version)
    assert "note-summarizing assistant" in "".join(pages) and "Something else entirely" not in "".join(pages)
    newer = rendered_version(clinic, alice)
    assert newer.sha256 != sha256 and "Something else entirely" in " ".join(pdf_pages(newer)[1])


def test_the_diff_names_the_changed_fields(clinic, alice):
    old = services.packet_version_create(zdr_request=fresh(clinic), user=alice)
    ZdrRequest.objects.filter(pk=clinic.pk).update(product_description="Summaries of visit notes.")
    EndpointUsage.objects.filter(request=clinic, position=2).update(monthly_volume=55000)
    EndpointUsage.objects.create(request=clinic, position=3, endpoint_path="/v1/batches", models_used="gpt-5.1",
                                 monthly_volume=10)
    new = services.packet_version_create(zdr_request=fresh(clinic), user=alice)

    changes = diff_snapshots(old.snapshot, new.snapshot)
    labels = [c.label for c in changes]

    assert "What the product does" in labels
    assert "Usage “/v1/responses”: Monthly requests" in labels
    assert "Usage “/v1/batches” added" in labels
    assert "Finding: /v1/batches is not eligible for ZDR" in labels
    assert "Completeness (%)" in labels
    volume = next(c for c in changes if c.label.endswith("Monthly requests"))
    assert (volume.old, volume.new, volume.kind) == ("40000", "55000", "changed")
    assert diff_snapshots(old.snapshot, old.snapshot) == []


def test_the_compare_page_shows_the_changes(client_for, clinic, alice):
    services.packet_version_create(zdr_request=fresh(clinic), user=alice)
    ZdrRequest.objects.filter(pk=clinic.pk).update(monthly_requests=90000)
    services.packet_version_create(zdr_request=fresh(clinic), user=alice)

    html = client_for(alice).get(reverse("packets:compare", args=[clinic.pk])).content.decode()

    # The usages still add up to 80,000: the request is no longer complete, and the comparison says so.
    assert "From v1 to v2: 2 changes" in html and "Expected requests a month" in html and "90000" in html
    assert "Completeness (%)" in html


def test_comparing_a_version_with_itself_is_a_field_error(client_for, clinic, alice):
    services.packet_version_create(zdr_request=fresh(clinic), user=alice)
    services.packet_version_create(zdr_request=fresh(clinic), user=alice)
    html = client_for(alice).get(reverse("packets:compare", args=[clinic.pk]), {"old": 1, "new": 1}).content.decode()
    assert "Choose two different versions." in html


def test_the_request_export_lists_its_packet_versions(client_for, clinic, alice, settings):
    version = rendered_version(clinic, alice)
    services.packet_version_create(zdr_request=fresh(clinic), user=alice)

    data = json.loads(client_for(alice).get(reverse("workspace:export", args=[clinic.pk])).content)
    listed = data["packet_versions"]

    assert [v["number"] for v in listed] == [2, 1]
    assert listed[1]["sha256"] == version.sha256 and listed[1]["state"] == "ready"
    assert listed[1]["pdf_url"] == f"http://testserver/requests/{clinic.pk}/packet/v1/packet.pdf"
    assert listed[0]["pdf_url"] is None and listed[0]["state"] == "queued"


def test_the_version_export_has_the_snapshot_and_the_texts(client_for, clinic, alice):
    version = rendered_version(clinic, alice)
    data = json.loads(client_for(alice).get(reverse("packets:version_json", args=[clinic.pk, 1])).content)
    assert data["sha256"] == version.sha256 and data["snapshot"]["request"]["title"] == clinic.title
    assert "org-NorthwindClinic2026" in data["contact_form_text"] and data["email_draft"]["subject"]
