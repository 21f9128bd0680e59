"""The catalog update assistant: an owner pastes the provider's table, sees the draft's changes
against the current version with every unreadable cell, and another member with review rights
publishes it as the current version (or anyone with review rights discards it)."""

import json
from datetime import date

import pytest
from django.core.management import call_command

from apps.catalog.models import CatalogDraft, CatalogVersion
from apps.catalog.selectors import version_latest

from .pastes import html, markdown, newer_rows, shipped_rows

UPDATE = "/catalog/openai/update/"
NEWER = "2026-11-13"


def draft_url(draft, action=""):
    return f"{UPDATE}{draft.pk}/{action + '/' if action else ''}"


def paste(client, text, as_of=NEWER):
    return client.post(UPDATE, {"as_of": as_of, "text": text})


@pytest.fixture
def draft(alice_client, catalog_loaded):
    """Alice's paste of the newest table, as a draft waiting for review."""
    response = paste(alice_client, markdown(newer_rows()))
    assert response.status_code == 302
    return CatalogDraft.objects.get()


# Who may do what


def test_an_owner_gets_the_paste_form_on_the_current_version(alice_client, catalog_loaded):
    response = alice_client.get(UPDATE)

    assert response.status_code == 200
    html_text = response.content.decode()
    assert "The current version is as of <strong>22 Sep 2026</strong>" in html_text
    assert 'name="text"' in html_text and "<label" in html_text


@pytest.mark.parametrize("who", ["bob", "viewer"])
def test_members_without_review_rights_get_no_update_page(client_for, catalog_loaded, request, who):
    client = client_for(request.getfixturevalue(who))

    assert client.get(UPDATE).status_code == 403
    assert paste(client, markdown(newer_rows())).status_code == 403
    assert not CatalogDraft.objects.exists()


def test_a_reviewer_finds_the_drafts_but_does_not_paste(client_for, reviewer, draft):
    client = client_for(reviewer)

    page = client.get(UPDATE).content.decode()
    assert f'href="{draft_url(draft)}"' in page and 'name="text"' not in page
    assert paste(client, markdown(newer_rows()), as_of="2026-11-14").status_code == 403
    assert CatalogDraft.objects.count() == 1


def test_anonymous_visitors_are_sent_to_sign_in(client, catalog_loaded):
    assert client.get(UPDATE)["Location"].startswith("/login/")


def test_an_unknown_provider_is_not_found(alice_client, catalog_loaded):
    assert alice_client.get("/catalog/nobody/update/").status_code == 404


def test_another_organization_cannot_see_publish_or_discard_a_draft(client_for, charlie, draft):
    client = client_for(charlie)

    for response in (client.get(draft_url(draft)), client.post(draft_url(draft, "publish")),
                     client.get(draft_url(draft, "discard")), client.post(draft_url(draft, "discard"))):
        assert response.status_code == 404
    assert "Alice" not in client.get(UPDATE).content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"


@pytest.mark.parametrize("who", ["bob", "viewer"])
def test_members_without_review_rights_cannot_open_or_publish_a_draft(client_for, request, draft, who):
    client = client_for(request.getfixturevalue(who))

    assert client.get(draft_url(draft)).status_code == 403
    assert client.post(draft_url(draft, "publish")).status_code == 403
    assert client.post(draft_url(draft, "discard")).status_code == 403
    assert CatalogVersion.objects.count() == 1


def test_the_paster_cannot_publish_their_own_draft(alice_client, draft):
    page = alice_client.get(draft_url(draft)).content.decode()

    assert "You pasted this draft: a different owner or reviewer publishes it." in page
    assert "Publish as the current version" not in page
    assert alice_client.post(draft_url(draft, "publish")).status_code == 403
    assert CatalogVersion.objects.count() == 1


# The draft


def test_a_paste_becomes_a_draft_with_its_changes_and_unreadable_cells(alice_client, draft, reviewer):
    response = alice_client.get(draft_url(draft))

    assert response.status_code == 200
    endpoints = response.context["changes"]["endpoints"]
    assert [r["path"] for r in endpoints["added"]] == ["/v1/audio/voices"]
    assert [r["path"] for r in endpoints["removed"]] == ["/v1/videos"]
    assert [r["key"] for r in endpoints["changed"]] == ["/v1/embeddings"]
    page = response.content.decode()
    assert "Cells that could not be read (1)" in page
    assert "<code>/v1/moderations</code>" in page and "Maybe¹" in page and "kept the current value" in page
    assert "named “Audio voices”, family audio" in page
    assert draft.pasted_by.email == "alice@example.com" and draft.pasted_format == "markdown"
    assert draft.pasted_text == markdown(newer_rows())
    assert draft.as_of == date(2026, 11, 13)


def test_a_draft_is_invisible_until_published(alice_client, draft):
    assert version_latest("openai").as_of == date(2026, 9, 22)
    served = alice_client.get("/catalog/openai.json").json()
    assert served["as_of"] == "2026-09-22"
    assert "/v1/videos" in [e["path"] for e in served["endpoints"]]
    assert "/v1/audio/voices" not in [e.path for e in alice_client.get("/catalog/openai/").context["endpoints"]]


def test_the_page_html_makes_the_same_draft_as_markdown(alice_client, catalog_loaded):
    assert paste(alice_client, html(newer_rows())).status_code == 302

    draft = CatalogDraft.objects.get()
    assert draft.pasted_format == "html" and [c["raw"] for c in draft.unparsed] == ["Maybe¹"]
    assert len(draft.document["endpoints"]) == 27


def test_a_paste_missing_many_rows_is_called_out(alice_client, catalog_loaded):
    paste(alice_client, markdown(shipped_rows()[:5]))

    page = alice_client.get(draft_url(CatalogDraft.objects.get())).content.decode()
    assert "The paste lacks 22 of the 27 current endpoints" in page


def test_the_draft_page_keeps_its_queries_flat(client_for, reviewer, draft, django_assert_max_num_queries):
    client = client_for(reviewer)
    with django_assert_max_num_queries(12):
        assert client.get(draft_url(draft)).status_code == 200


# Publishing and discarding


def test_a_reviewer_publishes_the_draft_as_the_current_version(client_for, alice, reviewer, draft):
    client = client_for(reviewer)

    response = client.post(draft_url(draft, "publish"))

    assert response.status_code == 302 and response["Location"] == "/catalog/openai/versions/"
    current = version_latest("openai")
    assert current.as_of == date(2026, 11, 13) and current.source_file == f"pasted draft #{draft.pk}"
    assert current.previous.as_of == date(2026, 9, 22)
    assert current.changes["endpoints"]["added"] == ["/v1/audio/voices"]
    served = client.get("/catalog/openai.json").json()
    assert served["as_of"] == NEWER and "/v1/videos" not in [e["path"] for e in served["endpoints"]]
    draft.refresh_from_db()
    assert (draft.status, draft.decided_by, draft.version) == ("published", reviewer, current)
    versions = client.get("/catalog/openai/versions/").content.decode()
    assert f"Pasted from the provider's page by {alice.get_full_name()}" in versions
    assert "published by Rita Reviewer" in versions


def test_another_organization_sees_that_a_version_was_pasted_but_not_by_whom(client_for, alice, reviewer, charlie,
                                                                             draft):
    client_for(reviewer).post(draft_url(draft, "publish"))

    versions = client_for(charlie).get("/catalog/openai/versions/").content.decode()
    assert "by another organization's members" in versions
    assert alice.get_full_name() not in versions and "Rita" not in versions


def test_a_draft_is_published_once(client_for, reviewer, alice_org, draft):
    from tests.factories import MembershipFactory

    second = MembershipFactory(organization=alice_org, user__email="owen@example.com", role="owner").user
    client_for(reviewer).post(draft_url(draft, "publish"))

    response = client_for(second).post(draft_url(draft, "publish"), follow=True)

    assert "This draft was already published or discarded." in response.content.decode()
    assert CatalogVersion.objects.count() == 2


def test_a_draft_made_before_the_catalog_changed_is_not_published(client_for, reviewer, draft, tmp_path,
                                                                   shipped_document):
    shipped_document["as_of"] = "2026-10-01"
    (tmp_path / "newer.json").write_text(json.dumps(shipped_document))
    call_command("load_catalog", str(tmp_path / "newer.json"))

    client = client_for(reviewer)
    assert "The catalog has changed since this draft was pasted" in client.get(draft_url(draft)).content.decode()
    response = client.post(draft_url(draft, "publish"), follow=True)

    assert "Discard the draft and paste the table again." in response.content.decode()
    assert version_latest("openai").as_of == date(2026, 10, 1)
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_discarding_asks_first_then_sets_the_draft_aside(alice_client, draft):
    confirm = alice_client.get(draft_url(draft, "discard"))
    assert "Discard the draft as of 13 Nov 2026?" in confirm.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"

    response = alice_client.post(draft_url(draft, "discard"), follow=True)

    assert "was discarded; its paste is kept" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "discarded" and draft.pasted_text
    assert "Drafts waiting for review" not in alice_client.get(UPDATE).content.decode()
    assert CatalogVersion.objects.count() == 1


# Bad input: a clear message, and the text stays in the textarea


@pytest.mark.parametrize(("text", "message"), [
    ("", "The paste is empty."),
    ("   \n", "The paste is empty."),
    ("We keep logs for 30 days.", "No table was found in the paste."),
    ("| Control | Keeps |\n|---|---|\n| MAM | nothing |", "The table has no column for the endpoint path"),
    ("| Endpoint | ZDR |\n|---|---|\n| /v1/x/ | Yes |", "The pasted table would not make a valid catalog"),
    ("x" * 1_000_001, "at most 1 MB is read"),
])
def test_bad_pastes_are_refused_and_the_text_is_kept(alice_client, catalog_loaded, text, message):
    response = paste(alice_client, text)

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    if text.strip() and len(text) < 1000:
        assert f">\n{text}</textarea>" in page
    assert not CatalogDraft.objects.exists()


@pytest.mark.parametrize(("as_of", "message"), [
    ("2026-09-22", "There is already a version as of 2026-09-22."),
    ("2026-01-01", "a pasted table must be newer"),
    ("not a date", "Enter a valid date."),
])
def test_a_date_that_cannot_be_the_new_version_is_refused(alice_client, catalog_loaded, as_of, message):
    text = markdown(newer_rows())

    page = paste(alice_client, text, as_of=as_of).content.decode()

    assert message in page
    assert "| `/v1/audio/voices` | 30 days | Until deleted | No | No |" in page
    assert not CatalogDraft.objects.exists()
