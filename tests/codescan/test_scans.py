"""Code scans in the portal: upload, scan, compare with the request, apply with evidence."""

import html
import os

from django.core.files.storage import default_storage
from django.urls import reverse

from apps.codescan import services
from apps.codescan.models import CodeEvidence, CodeScan
from tests.packets.rendered import flat, pdf_pages, rendered_version

from .zips import BATCH, COMMIT, repository, upload, zip_bytes


def scans_url(zdr_request):
    return reverse("codescan:scans", args=[zdr_request.pk])


def uploaded(client, zdr_request, content, name="notes-service.zip"):
    return client.post(scans_url(zdr_request), {"archive": upload(content, name)})


def scanned(client, zdr_request, content=None):
    response = uploaded(client, zdr_request, content or zip_bytes(repository()))
    assert response.status_code == 302, response.content.decode()[:2000]
    scan = CodeScan.objects.latest("pk")
    services.code_scan_run(scan_id=scan.pk)
    scan.refresh_from_db()
    return scan


def test_the_page_says_what_to_upload_before_any_scan(client_for, clinic, alice):
    page = client_for(alice).get(scans_url(clinic)).content.decode()
    assert "No scan yet" in page and "git archive --format=zip HEAD" in page and 'type="file"' in page


def test_a_queued_scan_says_it_waits_and_polls(client_for, clinic, alice):
    response = uploaded(client_for(alice), clinic, zip_bytes(repository()))
    page = client_for(alice).get(response["Location"]).content.decode()
    assert "Waiting for the worker" in page and "This page updates by itself" in page
    assert 'data-hx-trigger="every 2s"' in page


def test_a_scan_finds_the_calls_and_deletes_the_zip(client_for, clinic, alice):
    scan = scanned(client_for(alice), clinic)
    assert scan.state == "done" and not scan.archive
    assert not default_storage.listdir("code-scans")[1]
    assert scan.repositories == {"notes-service": COMMIT}
    assert sorted((f["endpoint"], f["path"], f["line"]) for f in scan.findings) == [
        ("/v1/batches", "app/batch.py", 3), ("/v1/responses", "app/answer.py", 3)]  # node_modules skipped
    responses = next(f for f in scan.findings if f["endpoint"] == "/v1/responses")
    assert {"store_true", "background_mode"} <= set(responses["features"]) and responses["models"] == ["gpt-4.1"]


def test_the_results_mark_declared_missing_and_unused(client_for, clinic, alice):
    client = client_for(alice)
    scan = scanned(client, clinic)
    page = client.get(reverse("codescan:scan", args=[clinic.pk, scan.pk])).content.decode()
    assert "Not declared" in page and "/v1/batches" in page  # the clinic declares no Batch API use
    assert "Declared; features missing" in page  # /v1/responses is declared, without store=true or background
    assert "notes-service/app/batch.py:3" in page
    assert "Add the missing ones to the request" in page
    assert "Declared, but never called in this code" not in page
    only_batches = scanned(client, clinic, zip_bytes({"jobs/batch.py": BATCH}))
    page = client.get(reverse("codescan:scan", args=[clinic.pk, only_batches.pk])).content.decode()
    assert "Declared, but never called in this code" in page and "<li><code>/v1/responses</code></li>" in page


def test_apply_adds_the_missing_usages_and_keeps_the_evidence(client_for, clinic, alice):
    client = client_for(alice)
    scan = scanned(client, clinic)
    before = clinic.usages.count()
    response = client.post(reverse("codescan:apply", args=[clinic.pk, scan.pk]), follow=True)
    assert "with the code evidence kept" in response.content.decode()
    assert clinic.usages.count() == before + 1
    batches = clinic.usages.get(endpoint_path="/v1/batches")
    responses = clinic.usages.filter(endpoint_path="/v1/responses").order_by("position").first()
    assert {"store_true", "background_mode"} <= set(responses.features)
    evidence = CodeEvidence.objects.get(usage=batches)
    assert (evidence.repository, evidence.commit, evidence.file, evidence.line) == (
        "notes-service", COMMIT, "app/batch.py", 3)
    client.post(reverse("codescan:apply", args=[clinic.pk, scan.pk]))  # twice: nothing doubled
    assert clinic.usages.count() == before + 1 and CodeEvidence.objects.filter(usage=batches).count() == 1


def test_the_packet_appendix_cites_the_code_behind_an_endpoint(client_for, clinic, alice):
    scan = scanned(client_for(alice), clinic)
    services.code_scan_apply(scan=scan, user=alice)
    _, pages = pdf_pages(rendered_version(clinic, alice))
    appendix = flat(next(page for page in pages if "Wherewecode" in flat(page) or "Whereourcodecallsit" in flat(page)))
    assert flat("notes-service/app/batch.py:3 at 3f2a9c1b7d4e") in appendix


def test_bad_archives_get_a_clear_message_and_store_nothing(client_for, clinic, alice):
    client = client_for(alice)
    for content, words in [(b"not a zip", "not a zip archive"),
                           (zip_bytes({"../evil.py": "x"}), "zip-slip"),
                           (zip_bytes({"zeros.txt": b"\0" * 4_000_000}), "zip bomb")]:
        response = uploaded(client, clinic, content)
        assert response.status_code == 400 and words in response.content.decode()
    assert not CodeScan.objects.exists()


def test_the_upload_limit_is_said_in_words(client_for, clinic, alice, settings):
    settings.CODE_SCAN_MAX_UPLOAD_BYTES = 1000
    response = uploaded(client_for(alice), clinic, zip_bytes({"a.py": os.urandom(5000)}))
    assert response.status_code == 400
    assert "The zip is 5.0 KB; uploads may be at most 1000 bytes" in html.unescape(response.content.decode())


def test_a_lost_message_is_swept_and_a_run_is_never_doubled(client_for, clinic, alice, settings):
    uploaded(client_for(alice), clinic, zip_bytes(repository()))
    scan = CodeScan.objects.get()
    settings.CODE_SCAN_GRACE_SECONDS = 0
    sent = []
    services._enqueue, original = sent.append, services._enqueue
    try:
        assert services.code_scans_sweep() == 1 and sent == [scan.pk]
    finally:
        services._enqueue = original
    assert services.code_scan_claim(scan_id=scan.pk) is True
    assert services.code_scan_claim(scan_id=scan.pk) is False  # a second delivery while it runs


def test_readers_see_results_but_cannot_upload_or_apply(client_for, clinic, alice, viewer):
    scan = scanned(client_for(alice), clinic)
    client = client_for(viewer)
    assert "Editors can upload code" in client.get(scans_url(clinic)).content.decode()
    assert client.post(reverse("codescan:apply", args=[clinic.pk, scan.pk])).status_code == 403
    assert uploaded(client, clinic, zip_bytes(repository())).status_code == 403
    assert CodeScan.objects.count() == 1


def test_another_organization_gets_404(client_for, clinic, alice, charlie):
    scan = scanned(client_for(alice), clinic)
    client = client_for(charlie)
    assert client.get(scans_url(clinic)).status_code == 404
    assert client.get(reverse("codescan:scan", args=[clinic.pk, scan.pk])).status_code == 404
