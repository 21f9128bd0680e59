import pytest
from django.urls import reverse

from apps.workspace.models import ZdrRequest
from apps.workspace.services import fingerprint
from apps.workspace.steps import STEP_BY_SLUG

from .steps import step_url

ORG_FIELDS = STEP_BY_SLUG["organization"].fields


def org_step_data(zdr_request, **changes):
    data = {
        "title": zdr_request.title,
        "requested_control": "zdr",
        "openai_org_id": "org-Abc123",
        "scope": "organization",
        "project_ids": "",
        "legal_entity": "Acme Health Inc.",
        "country": "Germany",
        "website": "https://acme.example.com",
        "usage_tier": "enterprise",
        "seen": fingerprint(zdr_request, ORG_FIELDS),
    }
    data.update(changes)
    return data


def test_creating_a_request_pins_the_current_catalog_and_opens_step_one(client_for, alice, catalog_loaded):
    response = client_for(alice).post(
        reverse("workspace:create"), {"title": "Notes", "requested_control": "", "openai_org_id": "org-X1"}
    )
    zdr_request = ZdrRequest.objects.get()
    assert response["Location"] == step_url(zdr_request, "organization")
    assert zdr_request.requested_control == ""  # not chosen yet: the portal never chooses for the team
    assert str(zdr_request.catalog_version.as_of) == "2026-09-22"
    assert zdr_request.contacts.get().email == "alice@example.com"


def test_creating_a_request_before_any_catalog_is_loaded_is_a_404_and_creates_nothing(client_for, alice):
    response = client_for(alice).post(reverse("workspace:create"), {"title": "Notes", "requested_control": "zdr"})
    assert response.status_code == 404
    assert not ZdrRequest.objects.exists()


@pytest.mark.parametrize("org_id", ["org_abc", "org-", "abc", "org-ab c", "org-abc!", "org-<script>"])
def test_an_invalid_openai_org_id_is_refused_and_nothing_is_created(client_for, alice, catalog_loaded, org_id):
    response = client_for(alice).post(
        reverse("workspace:create"), {"title": "Notes", "requested_control": "zdr", "openai_org_id": org_id}
    )
    assert "An OpenAI organization ID is &#x27;org-&#x27; followed by letters and digits" in response.content.decode()
    assert not ZdrRequest.objects.exists()


def test_saving_a_step_without_javascript(client_for, alice, blank_request):
    response = client_for(alice).post(
        step_url(blank_request, "organization"), org_step_data(blank_request, save_next="")
    )

    assert response["Location"] == step_url(blank_request, "use-case")
    blank_request.refresh_from_db()
    assert (blank_request.legal_entity, blank_request.openai_org_id) == ("Acme Health Inc.", "org-Abc123")


def test_autosave_answers_with_the_saved_time_and_a_new_fingerprint(client_for, alice, blank_request):
    response = client_for(alice).post(
        step_url(blank_request, "organization"), org_step_data(blank_request), HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()

    blank_request.refresh_from_db()
    assert "Saved at" in html
    assert f'value="{fingerprint(blank_request, ORG_FIELDS)}"' in html
    assert blank_request.legal_entity == "Acme Health Inc."


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"website": "not a url"}, "Enter a valid URL."),
        ({"openai_org_id": "org_123"}, "followed by letters and digits"),
        ({"project_ids": "proj_ok, proj-bad"}, "&#x27;proj-bad&#x27;: A project ID is"),
        ({"legal_entity": "x" * 201}, "Ensure this value has at most 200 characters"),
        ({"usage_tier": "platinum"}, "Select a valid choice."),
    ],
)
def test_a_bad_field_is_refused_with_its_error_and_the_valid_ones_beside_it_are_saved(
    client_for, alice, blank_request, changes, message
):
    client = client_for(alice)
    (bad,) = changes
    neighbour = "country" if bad == "legal_entity" else "legal_entity"
    for headers in ({"HTTP_HX_REQUEST": "true"}, {}):
        response = client.post(
            step_url(blank_request, "organization"), org_step_data(blank_request, **changes), follow=True, **headers
        )
        assert response.status_code == 200
        assert message in response.content.decode()
        assert "Saved, except 1 field that needs fixing" in response.content.decode()
    blank_request.refresh_from_db()
    assert getattr(blank_request, neighbour) == org_step_data(blank_request)[neighbour]
    assert getattr(blank_request, bad) in ("", [])


def test_a_nul_byte_is_refused_and_kept_nowhere(client_for, alice, blank_request):
    # PostgreSQL's JSON cannot hold it, and nobody types it: it is neither saved nor kept as a draft.
    response = client_for(alice).post(step_url(blank_request, "organization"),
                                      org_step_data(blank_request, country="Ger\x00many"), HTTP_HX_REQUEST="true")

    assert "Null characters are not allowed." in response.content.decode()
    blank_request.refresh_from_db()
    assert blank_request.country == "" and blank_request.legal_entity == "Acme Health Inc."
    assert not blank_request.drafts.exists()


def test_overlong_free_text_is_refused(client_for, alice, blank_request):
    data = {"product_description": "x" * 4001, "seen": fingerprint(blank_request, STEP_BY_SLUG["use-case"].fields)}
    response = client_for(alice).post(step_url(blank_request, "use-case"), data, follow=True)

    assert "Ensure this value has at most 4000 characters" in response.content.decode()
    blank_request.refresh_from_db()
    assert blank_request.product_description == ""


def test_script_tags_are_stored_as_text_and_escaped_everywhere(client_for, alice, blank_request):
    client = client_for(alice)
    payload = '<script>alert("x")</script>'
    data = {"product_description": payload, "seen": fingerprint(blank_request, STEP_BY_SLUG["use-case"].fields)}
    client.post(step_url(blank_request, "use-case"), data)

    blank_request.refresh_from_db()
    assert blank_request.product_description == payload
    for step in ("use-case", "review"):
        html = client.get(step_url(blank_request, step)).content.decode()
        assert payload not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_coming_back_resumes_at_the_first_incomplete_step(client_for, alice, blank_request, clinic):
    client = client_for(alice)
    assert client.get(reverse("workspace:resume", args=[blank_request.pk]))["Location"] == step_url(
        blank_request, "organization"
    )
    client.post(step_url(blank_request, "organization"), org_step_data(blank_request))
    blank_request.contacts.create(role="security", name="Sam", email="sam@example.com")
    assert client.get(reverse("workspace:resume", args=[blank_request.pk]))["Location"] == step_url(
        blank_request, "use-case"
    )
    assert client.get(reverse("workspace:resume", args=[clinic.pk]))["Location"] == step_url(clinic, "review")


def test_a_stale_save_is_refused_and_shows_the_other_persons_values(client_for, alice, bob, blank_request):
    seen = fingerprint(blank_request, ORG_FIELDS)
    client_for(bob).post(
        step_url(blank_request, "organization"), org_step_data(blank_request, legal_entity="Bob's Entity")
    )

    response = client_for(alice).post(
        step_url(blank_request, "organization"), org_step_data(blank_request, legal_entity="Alice's Entity", seen=seen)
    )
    html = response.content.decode()

    assert "Not saved:" in html and "changed this step" in html
    assert "Bob&#x27;s Entity" in html and "Alice&#x27;s Entity" in html
    blank_request.refresh_from_db()
    assert blank_request.legal_entity == "Bob's Entity"


def test_save_and_continue_beside_its_own_autosave_of_the_same_input_saves(client_for, alice, blank_request):
    # A blur autosaves while the click submits: both carry the same values and the same fingerprint.
    url, data = step_url(blank_request, "organization"), org_step_data(blank_request, legal_entity="Acme Clinics")
    client = client_for(alice)
    assert "Saved at" in client.post(url, data, HTTP_HX_REQUEST="true").content.decode()

    response = client.post(url, {**data, "save_next": ""})

    assert response.status_code == 302 and response["Location"] == step_url(blank_request, "use-case")
    blank_request.refresh_from_db()
    assert blank_request.legal_entity == "Acme Clinics"


def test_viewers_see_the_wizard_read_only_and_cannot_save(client_for, blank_request, alice_org):
    from apps.accounts.models import Membership, Role
    from tests.factories import UserFactory

    viewer = UserFactory()
    Membership.objects.create(organization=alice_org, user=viewer, role=Role.VIEWER)
    client = client_for(viewer)

    assert "Read only" in client.get(step_url(blank_request, "organization")).content.decode()
    assert client.post(step_url(blank_request, "organization"), org_step_data(blank_request)).status_code == 403
    blank_request.refresh_from_db()
    assert blank_request.legal_entity == ""


def test_an_unknown_step_is_a_404(client_for, alice, blank_request):
    assert client_for(alice).get(step_url(blank_request, "nope")).status_code == 404


def test_the_new_request_form_has_no_default_control_and_refuses_recommend(client_for, alice, catalog_loaded):
    client = client_for(alice)
    html = client.get(reverse("workspace:create")).content.decode()
    select = html.split('name="requested_control"')[1].split("</select>")[0]
    assert '<option value="" selected>Not chosen yet</option>' in select and "Recommend for me" not in select
    response = client.post(reverse("workspace:create"), {"title": "Notes", "requested_control": "recommend"})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not ZdrRequest.objects.exists()
