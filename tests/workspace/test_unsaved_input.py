"""Nothing typed is lost: a step saves every valid field and keeps every invalid one, typed, with its
error, across a reload; an item card is saved whole or kept whole, and re-renders with what was typed."""

import re

from django.urls import reverse

from apps.workspace.items import KIND_BY_SLUG
from apps.workspace.services import fingerprint

from .steps import step_url
from .test_wizard import org_step_data


def field_html(html, field_id):
    """The crispy wrapper of one field: its box, its help and its error."""
    match = re.search(rf'<div id="div_{field_id}".*?(?=<div id="div_id_|</fieldset>)', html, re.S)
    assert match, f"no field {field_id}"
    return match.group(0)


def test_a_bad_website_and_project_id_are_kept_with_their_errors_and_the_legal_entity_is_saved(
    client_for, alice, blank_request
):
    client, url = client_for(alice), step_url(blank_request, "organization")
    data = org_step_data(blank_request, legal_entity="Northwind Clinic Group, Inc.", website="not a url at all",
                         project_ids="proj_ok, 12345")

    answer = client.post(url, data, HTTP_HX_REQUEST="true").content.decode()

    assert "Saved, except 2 fields that need fixing" in answer
    assert ">Website</a>" in answer and ">OpenAI project IDs</a>" in answer and "Openai project ids" not in answer
    assert '<p data-for="id_website">Enter a valid URL.</p>' in answer  # portal.js marks the field from it
    assert "Saved at" not in answer
    blank_request.refresh_from_db()
    assert blank_request.legal_entity == "Northwind Clinic Group, Inc."
    assert (blank_request.website, blank_request.project_ids) == ("", [])

    page = client.get(url).content.decode()  # a reload
    website = field_html(page, "id_website")
    assert 'value="not a url at all"' in website and 'aria-invalid="true"' in website
    assert re.search(r'aria-describedby="[^"]*id_website_error"', website)
    assert "Enter a valid URL." in website
    projects = field_html(page, "id_project_ids")
    assert 'value="proj_ok, 12345"' in projects and "&#x27;12345&#x27;: A project ID is" in projects
    assert 'value="Northwind Clinic Group, Inc."' in field_html(page, "id_legal_entity")
    assert 'aria-invalid' not in field_html(page, "id_legal_entity")
    assert "Saved, except 2 fields that need fixing" in page and "Changes are saved as you type" not in page


def test_fixing_a_kept_field_saves_it_and_forgets_the_draft(client_for, alice, blank_request):
    client, url = client_for(alice), step_url(blank_request, "organization")
    client.post(url, org_step_data(blank_request, website="not a url at all"), HTTP_HX_REQUEST="true")
    blank_request.refresh_from_db()

    answer = client.post(url, org_step_data(blank_request, website="https://northwind.example"),
                         HTTP_HX_REQUEST="true").content.decode()

    assert "Saved at" in answer and "<template data-field-errors></template>" in answer
    blank_request.refresh_from_db()
    assert blank_request.website == "https://northwind.example" and not blank_request.drafts.exists()
    page = client.get(url).content.decode()
    assert "aria-invalid" not in page and "Changes are saved as you type." in page


def test_an_explicit_save_with_an_error_stays_on_the_step_with_the_cursor_on_the_first_error(
    client_for, alice, blank_request
):
    client, url = client_for(alice), step_url(blank_request, "organization")
    response = client.post(url, org_step_data(blank_request, website="nope", usage_tier="platinum", save_next=""))

    assert response.status_code == 302 and response["Location"] == url
    page = client.get(url).content.decode()
    assert re.search(r'<input type="url" name="website" value="nope"[^>]*autofocus', page)
    assert page.count("autofocus") == 1
    assert "autofocus" not in client.get(url).content.decode()  # only right after the save


def test_drafts_are_the_editors_own(client_for, alice, bob, blank_request):
    url = step_url(blank_request, "organization")
    client_for(alice).post(url, org_step_data(blank_request, website="not a url at all"), HTTP_HX_REQUEST="true")

    assert "not a url at all" not in client_for(bob).get(url).content.decode()


def contact_post(client, contact, **values):
    prefix = f"contacts-{contact.pk}"
    data = {f"{prefix}-{k}": v for k, v in values.items()}
    data["seen"] = fingerprint(contact, KIND_BY_SLUG["contacts"].fields)
    url = reverse("workspace:item_update", args=[contact.request_id, "contacts", contact.pk])
    return client.post(url, data)


def test_a_contact_with_a_bad_email_keeps_the_typed_values_in_its_card_and_saves_nothing(
    client_for, alice, blank_request
):
    client = client_for(alice)
    contact = blank_request.contacts.create(role="security", position=2)

    response = contact_post(client, contact, role="security", name="Sam Okafor", email="sam@", job_title="CISO")

    assert response.status_code == 302 and response["Location"] == step_url(blank_request, "organization")
    contact.refresh_from_db()
    assert (contact.name, contact.email, contact.job_title) == ("", "", "")  # nothing half-saved
    page = client.get(response["Location"]).content.decode()
    card = page[page.index(f'id="contact-{contact.pk}"'):]
    card = card[:card.index("</article>")]
    assert 'value="Sam Okafor"' in card and 'value="CISO"' in card
    email = field_html(card, f"id_contacts-{contact.pk}-email")
    assert 'value="sam@"' in email and 'aria-invalid="true"' in email and "Enter a valid email address." in email
    assert re.search(r'name="contacts-\d+-email" value="sam@"[^>]*autofocus', email)
    assert "Not saved: 1 field needs fixing" in card and ">Email</a>" in card
    assert "alert-danger" not in page  # no flash at the top: the card says it


def test_fixing_the_contact_saves_it_whole(client_for, alice, blank_request):
    client = client_for(alice)
    contact = blank_request.contacts.create(role="security", position=2)
    contact_post(client, contact, role="security", name="Sam Okafor", email="sam@")

    contact_post(client, contact, role="security", name="Sam Okafor", email="sam@clinic.example")

    contact.refresh_from_db()
    assert (contact.name, contact.email) == ("Sam Okafor", "sam@clinic.example")
    assert not blank_request.drafts.exists()


def test_an_item_autosave_with_a_bad_value_marks_the_field_and_says_not_saved(client_for, alice, blank_request):
    contact = blank_request.contacts.get()
    prefix = f"contacts-{contact.pk}"
    url = reverse("workspace:item_update", args=[blank_request.pk, "contacts", contact.pk])

    answer = client_for(alice).post(url, {f"{prefix}-name": "Alice", f"{prefix}-email": "alice@",
                                          "seen": fingerprint(contact, KIND_BY_SLUG["contacts"].fields)},
                                    HTTP_HX_REQUEST="true").content.decode()

    assert f'<p data-for="id_{prefix}-email">Enter a valid email address.</p>' in answer
    assert "Not saved: 1 field needs fixing" in answer and "Saved at" not in answer


def test_a_removed_item_takes_its_draft_along(client_for, alice, blank_request):
    client = client_for(alice)
    contact = blank_request.contacts.create(role="security", position=2)
    contact_post(client, contact, name="Sam", email="sam@")

    client.post(reverse("workspace:item_delete", args=[blank_request.pk, "contacts", contact.pk]))

    assert not blank_request.drafts.exists()


def test_a_usage_with_a_bad_volume_keeps_its_card_typed_and_saves_nothing(client_for, alice, blank_request):
    client = client_for(alice)
    client.post(reverse("workspace:item_add", args=[blank_request.pk, "usages"]), {"endpoint_path": "/v1/responses"})
    usage = blank_request.usages.get()
    prefix = f"usages-{usage.pk}"
    data = {f"{prefix}-endpoint_path": "/v1/responses", f"{prefix}-models_used": "gpt-5.1",
            f"{prefix}-monthly_volume": "lots", "seen": fingerprint(usage, KIND_BY_SLUG["usages"].fields)}

    page = client.post(reverse("workspace:item_update", args=[blank_request.pk, "usages", usage.pk]), data,
                       follow=True).content.decode()

    usage.refresh_from_db()
    assert (usage.models_used, usage.monthly_volume) == ("", None)
    assert 'value="gpt-5.1"' in field_html(page, f"id_{prefix}-models_used")
    volume = field_html(page, f"id_{prefix}-monthly_volume")
    assert 'value="lots"' in volume and "Enter a whole number." in volume and 'aria-invalid="true"' in volume
