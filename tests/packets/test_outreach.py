"""The contact-form text and the email draft that go to OpenAI's sales contact with the packet."""

import email
from email import policy

import pytest
from django.urls import reverse

from apps.packets.content import packet_snapshot
from apps.packets.outreach import contact_form_text, email_draft
from apps.workspace.models import ZdrRequest
from apps.workspace.selectors import Assessment

from .rendered import fresh, rendered_version

NAME = "visit-note-summaries-for-northwind-clinic-packet-v1"


def test_the_eml_is_a_draft_with_the_pdf_attached(client_for, clinic, alice):
    version = rendered_version(clinic, alice)
    response = client_for(alice).get(reverse("packets:eml", args=[clinic.pk, 1]))

    assert response["Content-Type"] == "message/rfc822"
    assert response["Content-Disposition"] == f'attachment; filename="{NAME}.eml"'
    message = email.message_from_bytes(response.content, policy=policy.default)
    assert message["Subject"] == (
        "ZDR request for OpenAI organization org-NorthwindClinic2026: Northwind Clinic Group, Inc.")
    assert message["To"] == "sales@openai.com" and alice.email in message["From"]
    assert message["X-Unsent"] == "1"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Zero Data Retention (ZDR)" in body and "/v1/responses" in body
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == f"{NAME}.pdf"
    with version.pdf.open("rb") as pdf:
        assert attachment.get_content() == pdf.read()


def test_the_version_page_shows_the_form_text_with_its_count_and_the_email(client_for, clinic, alice, settings):
    rendered_version(clinic, alice)
    html = client_for(alice).get(reverse("packets:version", args=[clinic.pk, 1])).content.decode()

    assert f'data-char-limit="{settings.PACKET_FORM_TEXT_LIMIT}"' in html and "/ 1500 characters" in html
    assert "Northwind Clinic Group, Inc. requests Zero Data Retention (ZDR)" in html
    assert 'src="/static/js/packet.js"' in html
    assert "Download email draft (.eml)" in html


def test_the_clinic_form_text_fits_and_carries_the_key_facts(clinic, alice, settings):
    version = rendered_version(clinic, alice)
    text = contact_form_text(version.snapshot, settings.PACKET_FORM_TEXT_LIMIT)

    assert len(text) <= 1500
    for fact in ("org-NorthwindClinic2026", "proj_NotesAssistant01", "/v1/responses", "2026-09-22",
                 alice.email, "HIPAA"):
        assert fact in text
    assert "<" not in text  # plain text


@pytest.mark.parametrize("limit", [300, 600, 1500])
def test_long_answers_are_clipped_to_the_limit(clinic, alice, limit):
    ZdrRequest.objects.filter(pk=clinic.pk).update(
        product_description="We summarize visit notes. " * 80, retention_problem="Retention is a problem. " * 80,
        sensitivity_reason="It is PHI. " * 80,
    )
    text = contact_form_text(packet_snapshot(Assessment(fresh(clinic))), limit)

    assert len(text) <= limit
    assert text.startswith("Northwind Clinic Group, Inc. requests Zero Data Retention (ZDR)")
    if limit >= 600:
        assert "…" in text and "Contact:" in text


def test_the_form_text_limit_is_a_setting(clinic, alice, settings, client_for):
    settings.PACKET_FORM_TEXT_LIMIT = 400
    rendered_version(clinic, alice)
    response = client_for(alice).get(reverse("packets:version", args=[clinic.pk, 1]))
    assert len(response.context["form_text"]) <= 400 and 'data-char-limit="400"' in response.content.decode()


def test_the_email_draft_has_no_recipient_without_an_account_manager(blank_request, alice):
    draft = email_draft(packet_snapshot(Assessment(fresh(blank_request)), number=1))
    assert draft["to"] == [] and draft["subject"].startswith("ZDR request for OpenAI organization (ID to follow)")


def test_the_email_to_field_is_empty_with_a_hint_when_nobody_is_known(client_for, blank_request, alice):
    from apps.packets import services

    services.packet_version_create(zdr_request=fresh(blank_request), user=alice)
    html = client_for(alice).get(reverse("packets:version", args=[blank_request.pk, 1])).content.decode()
    field = html.split('id="email-to"')[1].split(">")[0]
    assert 'value=""' in field and 'aria-describedby="email-to-help"' in field
    assert "add your OpenAI account manager as a contact" in html.split('id="email-to-help"')[1]
    assert "(add an OpenAI account manager" not in html


@pytest.mark.parametrize("name", ["Boss <ceo@bank.example>, Eve", "Dana\r\nBcc: attacker@evil.example"])
def test_the_eml_has_one_sender_whatever_the_contact_name(client_for, clinic, alice, name):
    clinic.contacts.filter(email=alice.email).update(name=name)  # stored before names were checked
    rendered_version(clinic, alice)
    response = client_for(alice).get(reverse("packets:eml", args=[clinic.pk, 1]))

    assert response.status_code == 200
    message = email.message_from_bytes(response.content, policy=policy.default)
    [sender] = message["From"].addresses
    assert sender.addr_spec == alice.email and message["Bcc"] is None
