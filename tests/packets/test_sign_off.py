"""Internal sign-off: by reviewers and owners, on an exact PDF, void once the content moves on."""

import pytest
from django.urls import reverse

from apps.packets import services
from apps.packets.models import PacketVersion, SignOff
from apps.packets.selectors import approval_state, versions_of
from apps.workspace.models import ZdrRequest

from .rendered import fresh, rendered_version


def sign_off_url(version):
    return reverse("packets:sign_off", args=[version.request_id, version.number])


def approve(client, version, **data):
    return client.post(sign_off_url(version), {"decision": "approved", "comment": "Checked.",
                                               "sha256": version.sha256, **data})


def packet_page(client, zdr_request):
    return client.get(reverse("packets:packet", args=[zdr_request.pk])).content.decode()


def test_a_reviewer_approves_the_exact_pdf_they_saw(client_for, clinic, alice, reviewer):
    version = rendered_version(clinic, alice)
    client = client_for(reviewer)

    response = approve(client, version, comment="Matches our DPIA.")

    assert response.status_code == 302
    sign_off = SignOff.objects.get()
    assert (sign_off.reviewer, sign_off.decision, sign_off.sha256) == (reviewer, "approved", version.sha256)
    assert "Approved for v1" in packet_page(client, clinic)


def test_an_approval_is_void_for_another_pdf_hash(client_for, clinic, alice, reviewer):
    version = rendered_version(clinic, alice)
    response = approve(client_for(reviewer), version, sha256="0" * 64)
    assert response.status_code == 302 and not SignOff.objects.exists()


def test_a_content_change_needs_a_new_version_and_a_new_sign_off(client_for, clinic, alice, reviewer):
    version = rendered_version(clinic, alice)
    client = client_for(reviewer)
    approve(client, version)
    assert "Content changed since the last approved version" not in packet_page(client, clinic)

    ZdrRequest.objects.filter(pk=clinic.pk).update(retention_problem="Our contracts forbid any retention.")
    html = packet_page(client, clinic)
    assert "Approved for v1" in html and "Content changed since the last approved version" in html

    newer = rendered_version(clinic, alice)
    html = packet_page(client, clinic)  # v1 is still the approved one: v2 waits for its sign-off
    assert "Approved for v1" in html and "v2</a> has the current content and needs a sign-off" in html
    approve(client, newer)
    html = packet_page(client, clinic)
    assert "Approved for v2" in html and "Content changed" not in html


def test_requesting_changes_after_approval_withdraws_it(clinic, alice, reviewer):
    version = rendered_version(clinic, alice)
    services.sign_off_create(version=version, reviewer=reviewer, decision="approved", comment="", sha256=version.sha256)
    services.sign_off_create(version=version, reviewer=alice, decision="changes_requested", comment="Add the BAA.",
                             sha256=version.sha256)
    approval = approval_state(list(versions_of(clinic)), version.snapshot)
    assert approval.version is None and approval.needs_new_version


def test_a_version_that_is_not_rendered_cannot_be_signed_off(clinic, alice, reviewer):
    version = services.packet_version_create(zdr_request=fresh(clinic), user=alice)
    with pytest.raises(services.SignOffRefused):
        services.sign_off_create(version=version, reviewer=reviewer, decision="approved", comment="", sha256="")


@pytest.mark.parametrize("data,field,message", [
    ({"decision": "maybe"}, "decision", "Select a valid choice"),
    ({"comment": "x" * 2001}, "comment", "at most 2000 characters"),
    ({"decision": "changes_requested", "comment": "  "}, "comment", "Say what has to change."),
])
def test_bad_sign_off_input_shows_field_errors_and_saves_nothing(client_for, clinic, alice, reviewer, data, field,
                                                                 message):
    version = rendered_version(clinic, alice)
    response = approve(client_for(reviewer), version, **data)

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in response.content.decode()
    assert not SignOff.objects.exists()


def test_editors_and_viewers_cannot_sign_off(client_for, clinic, alice, bob, viewer):
    version = rendered_version(clinic, alice)
    for user in (bob, viewer):
        assert approve(client_for(user), version).status_code == 403
    assert not SignOff.objects.exists()
    assert "Reviewers and owners sign off versions." in client_for(bob).get(
        reverse("packets:version", args=[clinic.pk, 1])).content.decode()


def test_viewers_and_reviewers_cannot_generate_versions(client_for, clinic, reviewer, viewer):
    url = reverse("packets:generate", args=[clinic.pk])
    for user in (viewer, reviewer):
        client = client_for(user)
        assert client.post(url).status_code == 403
        assert "Generate PDF version" not in packet_page(client, clinic)
    assert not PacketVersion.objects.exists()


def test_editors_generate_a_version_and_land_on_its_page(client_for, clinic, bob):
    response = client_for(bob).post(reverse("packets:generate", args=[clinic.pk]), follow=True)
    html = response.content.decode()
    assert "Packet v1 is queued" in html and 'data-hx-trigger="every ' in html
    assert PacketVersion.objects.get().generated_by == bob
