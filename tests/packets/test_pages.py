"""The packet page, the version page, the PDF download and the paper-size setting."""

from django.urls import reverse

from apps.packets.models import PacketSettings

from .rendered import fresh, rendered_version


def test_the_packet_page_previews_the_request_as_it_is_now(client_for, clinic, alice):
    html = client_for(alice).get(reverse("packets:packet", args=[clinic.pk])).content.decode()

    assert "Justification packet" in html and "Generate PDF version" in html
    assert "No version yet." in html and "No version is approved yet." in html
    assert "1</span> Cover letter" in html and "org-NorthwindClinic2026" in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="dfd' in html  # the diagram, inline
    assert 'href="/static/css/packet.css"' in html
    assert " style=" not in html and "<script>" not in html  # nothing inline (CSP)


def test_an_incomplete_request_warns_that_its_version_will_be_a_draft(client_for, blank_request, alice):
    html = client_for(alice).get(reverse("packets:packet", args=[blank_request.pk])).content.decode()
    assert "a version made now is watermarked <strong>DRAFT</strong>" in html


def test_the_packet_page_queries_stay_flat_as_versions_grow(client_for, clinic, alice, django_assert_max_num_queries):
    client = client_for(alice)
    url = reverse("packets:packet", args=[clinic.pk])
    rendered_version(clinic, alice)
    with django_assert_max_num_queries(25) as few:
        client.get(url)
    for _ in range(3):
        rendered_version(clinic, alice)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert "v4" in client.get(url).content.decode()


def test_the_version_page_queries_stay_flat(client_for, clinic, alice, django_assert_max_num_queries):
    rendered_version(clinic, alice)
    client = client_for(alice)
    with django_assert_max_num_queries(16):
        client.get(reverse("packets:version", args=[clinic.pk, 1]))


def test_the_pdf_is_downloaded_as_an_attachment_by_members_only(client_for, clinic, alice, charlie):
    version = rendered_version(clinic, alice)
    url = reverse("packets:pdf", args=[clinic.pk, 1])
    response = client_for(alice).get(url)

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    filename = "visit-note-summaries-for-northwind-clinic-packet-v1.pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF-") and len(body) == version.pdf.size
    assert client_for(charlie).get(url).status_code == 404


def test_a_version_without_its_pdf_yet_has_no_download(client_for, clinic, alice):
    from apps.packets import services

    services.packet_version_create(zdr_request=fresh(clinic), user=alice)
    client = client_for(alice)
    assert client.get(reverse("packets:pdf", args=[clinic.pk, 1])).status_code == 404
    assert client.get(reverse("packets:eml", args=[clinic.pk, 1])).status_code == 404
    assert client.get(reverse("packets:version", args=[clinic.pk, 2])).status_code == 404


def test_only_owners_choose_the_paper_size(client_for, alice, bob, alice_org):
    url = reverse("packets:settings")
    assert client_for(bob).post(url, {"paper_size": "letter"}).status_code == 403

    client = client_for(alice)
    assert client.post(url, {"paper_size": "tabloid"}).status_code == 200
    assert not PacketSettings.objects.exists()
    response = client.post(url, {"paper_size": "letter"}, follow=True)
    assert "New packet versions use this paper size" in response.content.decode()
    assert PacketSettings.objects.get(organization=alice_org).paper_size == "letter"


def test_the_workspace_links_to_the_packet(client_for, clinic, alice):
    html = client_for(alice).get(reverse("workspace:step", args=[clinic.pk, "review"])).content.decode()
    assert reverse("packets:packet", args=[clinic.pk]) in html


def test_no_packet_is_made_until_the_team_chooses_a_control(client_for, clinic, alice):
    from apps.packets.models import PacketVersion

    clinic.requested_control = ""
    clinic.save()
    client = client_for(alice)
    response = client.post(reverse("packets:generate", args=[clinic.pk]), follow=True)
    html = response.content.decode()

    assert not PacketVersion.objects.exists()
    assert "Choose the control you request (ZDR or MAM) on Organization and contacts first" in html
    banner = html.split('id="control-not-chosen"')[1].split("</div>")[0]
    assert f'href="/requests/{clinic.pk}/steps/organization/#div_id_requested_control"' in banner
    assert "Generate PDF version" not in html


def test_the_preview_never_shows_an_advised_control_as_the_teams_choice(client_for, clinic, alice):
    clinic.requested_control = ""
    clinic.save()
    html = client_for(alice).get(reverse("packets:packet", args=[clinic.pk])).content.decode()
    assert "Zero Data Retention (ZDR) (advised; not chosen yet)" in html
