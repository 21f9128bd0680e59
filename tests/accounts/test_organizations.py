from django.urls import reverse

from apps.accounts.models import Membership, Organization, Role
from tests.factories import UserFactory


def test_a_user_without_organization_is_asked_to_create_one(client_for, db):
    response = client_for(UserFactory()).get(reverse("portal:dashboard"))
    assert "You are not part of an organization yet." in response.content.decode()


def test_creating_an_organization_makes_you_its_owner(client_for, db):
    user = UserFactory()
    client_for(user).post(reverse("accounts:organization_create"), {"name": "Acme Health"})

    membership = Membership.objects.get(user=user)
    assert (membership.organization.name, membership.role) == ("Acme Health", Role.OWNER)


def test_a_blank_organization_name_is_refused(client_for, db):
    response = client_for(UserFactory()).post(reverse("accounts:organization_create"), {"name": "   "})
    assert "This field is required." in response.content.decode() or "Enter a name." in response.content.decode()
    assert not Organization.objects.exists()


def test_switching_between_organizations(client_for, alice, alice_org, charlie):
    Membership.objects.create(organization=alice_org, user=charlie, role=Role.VIEWER)
    client = client_for(charlie)
    assert "Charlie Corp has no ZDR request yet" in client.get(reverse("portal:dashboard")).content.decode()

    response = client.post(reverse("accounts:organization_switch", args=[alice_org.pk]), follow=True)

    assert f"You are now working in {alice_org.name}" in response.content.decode()
    assert f"{alice_org.name} has no ZDR request yet" in response.content.decode()


def test_switching_to_an_organization_id_beyond_any_integer_is_a_404(client_for, alice):
    response = client_for(alice).post("/organizations/99999999999999999999/switch/")
    assert response.status_code == 404
