from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from apps.accounts import emails
from apps.accounts.models import Invitation, Membership, Role, User
from tests.factories import InvitationFactory, UserFactory


def invite(client, email, role="editor"):
    return client.post(reverse("accounts:invitation_create"), {"email": email, "role": role}, follow=True)


def test_owner_invites_a_colleague_by_email(client_for, alice, alice_org):
    response = invite(client_for(alice), "dora@example.com", "reviewer")

    assert "Invitation sent to dora@example.com" in response.content.decode()
    invitation = Invitation.objects.get(organization=alice_org)
    assert (invitation.email, invitation.role, invitation.invited_by) == ("dora@example.com", "reviewer", alice)


def test_the_invitation_email_carries_a_working_link(client, alice_org, alice):
    invitation = InvitationFactory(organization=alice_org, invited_by=alice, email="dora@example.com")

    assert emails.invitation_send(invitation_id=invitation.pk) is True
    assert emails.invitation_send(invitation_id=invitation.pk) is False  # a retried task sends nothing more

    assert len(mail.outbox) == 1
    assert alice_org.name in mail.outbox[0].subject
    link = reverse("accounts:invitation_accept", args=[invitation.token])
    assert link in mail.outbox[0].body
    assert alice_org.name in client.get(link).content.decode()


def test_an_invalid_email_gets_a_field_error_and_no_invitation(client_for, alice):
    response = invite(client_for(alice), "not an email")
    assert "Enter a valid email address." in response.content.decode()
    assert not Invitation.objects.exists()


def test_inviting_an_existing_member_is_refused(client_for, alice, bob):
    response = invite(client_for(alice), "BOB@example.com")
    assert "bob@example.com is already a member" in response.content.decode()
    assert not Invitation.objects.exists()


def test_inviting_a_pending_address_again_renews_the_single_invitation(client_for, alice):
    client = client_for(alice)
    invite(client, "dora@example.com")
    first_token = Invitation.objects.get().token
    invite(client, "dora@example.com", "viewer")

    invitation = Invitation.objects.get()
    assert invitation.role == "viewer" and invitation.token != first_token


def test_only_owners_invite(client_for, bob):
    assert invite(client_for(bob), "dora@example.com").status_code == 403
    assert not Invitation.objects.exists()


def test_a_newcomer_accepts_by_creating_an_account(client, alice_org):
    invitation = InvitationFactory(organization=alice_org, email="dora@example.com", role=Role.REVIEWER)
    url = reverse("accounts:invitation_accept", args=[invitation.token])

    response = client.post(
        url, {"full_name": "Dora", "password1": "a-good-passphrase", "password2": "a-good-passphrase"}, follow=True
    )

    assert f"Welcome to {alice_org.name}" in response.content.decode()
    membership = Membership.objects.get(user__email="dora@example.com")
    assert (membership.organization, membership.role) == (alice_org, Role.REVIEWER)


def test_mismatched_passwords_create_nothing(client, alice_org):
    invitation = InvitationFactory(organization=alice_org, email="dora@example.com")
    url = reverse("accounts:invitation_accept", args=[invitation.token])

    response = client.post(url, {"full_name": "Dora", "password1": "a-good-passphrase", "password2": "another"})

    assert "The two passwords differ." in response.content.decode()
    assert not User.objects.filter(email="dora@example.com").exists()


def test_an_expired_invitation_says_so_and_creates_nothing(client, alice_org):
    invitation = InvitationFactory(
        organization=alice_org, email="dora@example.com", created_at=timezone.now() - timedelta(days=8)
    )
    url = reverse("accounts:invitation_accept", args=[invitation.token])

    assert "This invitation expired" in client.get(url).content.decode()
    response = client.post(
        url, {"full_name": "Dora", "password1": "a-good-passphrase", "password2": "a-good-passphrase"}
    )

    assert "This invitation has expired" in response.content.decode()
    assert not User.objects.filter(email="dora@example.com").exists()
    assert not Membership.objects.filter(organization=alice_org, user__email="dora@example.com").exists()


def test_a_signed_in_invitee_joins_a_second_organization(client_for, alice_org, charlie):
    invitation = InvitationFactory(organization=alice_org, email="charlie@example.com")
    client = client_for(charlie)

    client.post(reverse("accounts:invitation_accept", args=[invitation.token]))

    assert Membership.objects.filter(user=charlie).count() == 2
    assert alice_org.name in client.get(reverse("portal:dashboard")).content.decode()


def test_an_invitation_for_someone_else_is_refused(client_for, alice_org, charlie):
    invitation = InvitationFactory(organization=alice_org, email="dora@example.com")
    response = client_for(charlie).post(reverse("accounts:invitation_accept", args=[invitation.token]), follow=True)

    assert (
        "This invitation is for dora@example.com, but you are signed in as charlie@example.com"
        in response.content.decode()
    )
    assert not Membership.objects.filter(organization=alice_org, user=charlie).exists()


def test_accepting_twice_is_refused_without_a_duplicate_membership(client_for, alice_org, charlie):
    invitation = InvitationFactory(organization=alice_org, email="charlie@example.com")
    client = client_for(charlie)
    url = reverse("accounts:invitation_accept", args=[invitation.token])
    client.post(url)

    response = client.post(url, follow=True)

    assert "already been used" in response.content.decode()
    assert Membership.objects.filter(organization=alice_org, user=charlie).count() == 1


def test_an_existing_account_must_sign_in_to_accept(client, alice_org):
    UserFactory(email="dora@example.com")
    invitation = InvitationFactory(organization=alice_org, email="dora@example.com")

    response = client.post(reverse("accounts:invitation_accept", args=[invitation.token]))

    assert "exists already. Sign in" in response.content.decode()
    assert not Membership.objects.filter(organization=alice_org, user__email="dora@example.com").exists()


@pytest.mark.parametrize("token", ["nope", "x" * 300])
def test_an_unknown_token_is_a_404(client, db, token):
    assert client.get(reverse("accounts:invitation_accept", args=[token])).status_code == 404
