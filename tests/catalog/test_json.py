"""GET /catalog/<provider>.json: the current version, complete, for a signed-in user."""

from django.core.management import call_command
from django.urls import reverse

URL = "/catalog/openai.json"


def test_the_json_has_every_row_with_its_date_and_sources(client_for, alice, catalog_loaded, shipped_document):
    response = client_for(alice).get(URL)

    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    body = response.json()
    assert body["provider"] == "openai" and body["as_of"] == "2026-09-22"
    assert body["version_id"] == catalog_loaded.pk
    assert body["imported_at"] == catalog_loaded.imported_at.isoformat()
    assert body["sources"] == shipped_document["sources"]
    assert len(body["endpoints"]) == 27
    assert body["endpoints"] == shipped_document["endpoints"]
    assert body["features"] == shipped_document["features"]


def test_the_json_is_the_newest_version(client_for, alice, catalog_loaded, newer_document, write_catalog):
    call_command("load_catalog", str(write_catalog(newer_document, "openai-2026-11-01.json")))

    body = client_for(alice).get(URL).json()

    assert body["as_of"] == "2026-11-01"
    paths = [e["path"] for e in body["endpoints"]]
    assert "/v1/decisions" in paths and "/v1/videos" not in paths


def test_an_unknown_provider_is_a_json_404(client_for, alice, catalog_loaded):
    response = client_for(alice).get("/catalog/nobody.json")

    assert response.status_code == 404
    assert response.json() == {"error": "Unknown provider 'nobody'."}


def test_a_provider_without_a_catalog_is_a_json_404(client_for, alice, catalog_loaded):
    response = client_for(alice).get("/catalog/anthropic.json")

    assert response.status_code == 404
    assert "No Anthropic catalog has been loaded yet" in response.json()["error"]


def test_anonymous_visitors_are_sent_to_sign_in(client, catalog_loaded):
    response = client.get(URL)

    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
