"""Who reads the History, who downloads it, and what the CSV holds."""

import csv
import io

from django.test import Client
from django.urls import reverse

from apps.audit.export import HEADER
from apps.workspace.models import Contact
from tests.workspace.steps import step_url
from tests.workspace.test_wizard import org_step_data

from .history import history_entries


def csv_url(zdr_request):
    return reverse("audit:history_csv", args=[zdr_request.pk])


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_owner_downloads_every_save_with_formulas_defused(alice_client, alice, bob, blank_request):
    bobs = Client()
    bobs.force_login(bob)
    bobs.post(step_url(blank_request, "organization"), org_step_data(blank_request, legal_entity="Acme"))
    blank_request.refresh_from_db()
    bobs.post(step_url(blank_request, "organization"),
              org_step_data(blank_request, legal_entity="=HYPERLINK(\"http://evil.example\",\"x\")"))
    contact = Contact.objects.get(request=blank_request)
    contact.name = "@SUM(1+1)"
    contact.save()

    response = alice_client.get(csv_url(blank_request))

    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(f'attachment; filename="history-request-{blank_request.pk}-')
    assert response.content.decode().splitlines()[0] == ",".join(HEADER)
    rows = csv_rows(response)
    legal = [r for r in rows if r["field"] == "Legal entity"]
    assert [(r["who"], r["action"], r["before"], r["after"]) for r in legal] == [
        ("bob@example.com", "changed", "", "Acme"),  # both of bob's saves: the page shows them as one
        ("bob@example.com", "changed", "Acme", "'=HYPERLINK(\"http://evil.example\",\"x\")"),
    ]
    assert legal[0]["object type"] == "Request" and legal[0]["object id"] == str(blank_request.pk)
    assert legal[0]["when"] < legal[1]["when"]  # oldest first, ISO times
    assert any(r["after"] == "'@SUM(1+1)" and r["who"] == "the portal" for r in rows)
    assert {r["action"] for r in rows} == {"created", "changed"}
    page = history_entries(alice_client, blank_request)
    assert page[1]["changes"]["Legal entity"] == ("empty", "=HYPERLINK(\"http://evil.example\",\"x\")")


def test_a_viewer_reads_the_history_but_cannot_download_it(client_for, viewer, blank_request):
    client = client_for(viewer)
    page = client.get(reverse("audit:history", args=[blank_request.pk]))
    assert page.status_code == 200 and "Download CSV" not in page.content.decode()
    refused = client.get(csv_url(blank_request))
    assert refused.status_code == 403 and "You can't do that here" in refused.content.decode()


def test_another_organization_gets_not_found(client_for, charlie, blank_request):
    client = client_for(charlie)
    for url in (reverse("audit:history", args=[blank_request.pk]), csv_url(blank_request)):
        response = client.get(url)
        assert response.status_code == 404 and "Page not found" in response.content.decode()
        assert blank_request.title not in response.content.decode()


def test_the_request_page_links_to_its_history(alice_client, blank_request):
    page = alice_client.get(step_url(blank_request, "organization")).content.decode()
    assert f'href="{reverse("audit:history", args=[blank_request.pk])}"' in page
