from django.urls import reverse

from apps.accounts.models import Membership, Role


def test_owner_changes_a_role(client_for, alice, bob):
    bob_membership = Membership.objects.get(user=bob)
    response = client_for(alice).post(
        reverse("accounts:member_role", args=[bob_membership.pk]), {"role": "reviewer"}, follow=True
    )

    assert "is now reviewer" in response.content.decode()
    bob_membership.refresh_from_db()
    assert bob_membership.role == Role.REVIEWER


def test_an_unknown_role_is_refused(client_for, alice, bob):
    bob_membership = Membership.objects.get(user=bob)
    response = client_for(alice).post(
        reverse("accounts:member_role", args=[bob_membership.pk]), {"role": "god"}, follow=True
    )

    assert "Choose one of the listed roles." in response.content.decode()
    bob_membership.refresh_from_db()
    assert bob_membership.role == Role.EDITOR


def test_the_last_owner_cannot_step_down_or_be_removed(client_for, alice):
    client = client_for(alice)
    own = Membership.objects.get(user=alice)

    demoted = client.post(reverse("accounts:member_role", args=[own.pk]), {"role": "viewer"}, follow=True)
    removed = client.post(reverse("accounts:member_remove", args=[own.pk]), follow=True)

    assert "is the last owner" in demoted.content.decode()
    assert "is the last owner" in removed.content.decode()
    own.refresh_from_db()
    assert own.role == Role.OWNER


def test_removing_a_member_asks_first_then_removes(client_for, alice, bob):
    client = client_for(alice)
    url = reverse("accounts:member_remove", args=[Membership.objects.get(user=bob).pk])

    assert "Remove bob" in client.get(url).content.decode() or "Remove " in client.get(url).content.decode()
    assert Membership.objects.filter(user=bob).exists()
    client.post(url)

    assert not Membership.objects.filter(user=bob).exists()


def test_editors_cannot_manage_members(client_for, alice, bob):
    client = client_for(bob)
    alice_membership = Membership.objects.get(user=alice)

    assert (
        client.post(reverse("accounts:member_role", args=[alice_membership.pk]), {"role": "viewer"}).status_code == 403
    )
    assert client.post(reverse("accounts:member_remove", args=[alice_membership.pk])).status_code == 403
    assert Membership.objects.get(user=alice).role == Role.OWNER
