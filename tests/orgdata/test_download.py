"""Only an owner downloads the organization's data, as a zip attachment the browser must not sniff."""

import io
import json
import zipfile

from django.urls import reverse

from tests.factories import MembershipFactory

URL = "/organization/export/"


def test_the_url_is_named():
    assert reverse("orgdata:download") == URL


def test_the_owner_downloads_a_zip_of_the_organization(client_for, alice, small_org):
    response = client_for(alice).get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="alice-clinic-export-')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        data = json.loads(archive.read("data.json"))
        assert data["organization"] == {"name": small_org.name, "slug": "alice-clinic"}
        assert {f"files/{name}" for name in data["files"]} <= set(archive.namelist())
        assert len(data["files"]) == 1  # the contact log's attachment


def test_other_roles_are_refused(client_for, bob, small_org):
    assert client_for(bob).get(URL).status_code == 403
    reviewer = MembershipFactory(organization=small_org, role="reviewer").user
    assert client_for(reviewer).get(URL).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, small_org):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_it_is_a_download_not_an_action(client_for, alice, small_org):
    assert client_for(alice).post(URL).status_code == 405


def test_the_members_page_offers_the_download_to_owners_only(client_for, alice, bob, small_org):
    assert URL in client_for(alice).get(reverse("accounts:members")).content.decode()
    assert URL not in client_for(bob).get(reverse("accounts:members")).content.decode()
