"""Links in account emails point at SITE_URL, never at the Host header of whoever asked; plain-text
emails carry names as typed, not HTML-escaped."""

import re

from django.core import mail
from django.urls import reverse

from apps.accounts import emails
from tests.factories import InvitationFactory


def test_the_password_reset_link_uses_site_url_not_the_host_header(client, alice, settings):
    settings.SITE_URL = "https://zdr.example.com"
    settings.ALLOWED_HOSTS = ["portal.internal", "zdr.example.com"]
    client.post(reverse("password_reset"), {"email": "alice@example.com"}, HTTP_HOST="portal.internal")

    [link] = re.findall(r"https?://\S+", mail.outbox[0].body)
    assert link.startswith("https://zdr.example.com/reset/")


def test_the_invitation_email_uses_site_url_and_plain_text_names(alice_org, alice, settings):
    settings.SITE_URL = "http://127.0.0.1:18802"
    alice_org.name = "O'Brien & Sons"
    alice_org.save()
    invitation = InvitationFactory(organization=alice_org, invited_by=alice, email="dora@example.com")

    emails.invitation_send(invitation_id=invitation.pk)

    [message] = mail.outbox
    assert "O'Brien & Sons" in message.subject and "O'Brien & Sons" in message.body
    assert "&amp;" not in message.subject + message.body and "&#x27;" not in message.subject + message.body
    assert f"http://127.0.0.1:18802/invitations/{invitation.token}/" in message.body
