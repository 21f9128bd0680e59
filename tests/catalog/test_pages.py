"""The catalog page: what a signed-in member sees, finds and opens."""

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from apps.catalog.models import CatalogVersion, EndpointEntry, FeatureEntry

PAGE = "/catalog/openai/"


def rows_of(response):
    """The endpoint paths listed in the table, in order."""
    return [e.path for e in response.context["endpoints"]]


def test_the_catalog_opens_on_openai(alice_client):
    response = alice_client.get("/catalog/")

    assert response.status_code == 302 and response["Location"] == PAGE


@pytest.mark.parametrize("url", ["/catalog/", PAGE, "/catalog/openai/versions/"])
def test_anonymous_visitors_are_sent_to_sign_in(client, catalog_loaded, url):
    response = client.get(url)

    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_page_shows_the_source_and_its_date(alice_client, catalog_loaded):
    response = alice_client.get(PAGE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "OpenAI endpoint catalog" in html
    assert "22 September 2026" in html
    assert 'href="https://developers.openai.com/api/docs/guides/your-data"' in html
    assert 'href="https://platform.openai.com/docs/guides/your-data"' in html
    assert "<summary>Notes on this version</summary>" in html
    assert len(rows_of(response)) == 27


def test_searching_batches_answers_whether_it_is_eligible_and_what_to_do_instead(alice_client, catalog_loaded):
    response = alice_client.get(PAGE, {"q": "batches"})

    assert rows_of(response) == ["/v1/batches"]
    html = response.content.decode()
    assert "Not eligible" in html
    assert "What to do instead" in html
    assert "Make synchronous calls to a ZDR-eligible endpoint instead" in html


def test_search_ignores_case_and_looks_in_limitations(alice_client, catalog_loaded):
    assert rows_of(alice_client.get(PAGE, {"q": "BATCHES"})) == ["/v1/batches"]

    csam = rows_of(alice_client.get(PAGE, {"q": "csam"}))
    assert csam == ["/v1/chat/completions", "/v1/responses", "/v1/images/generations", "/v1/images/edits"]


def test_search_looks_in_remediation(alice_client, catalog_loaded):
    found = rows_of(alice_client.get(PAGE, {"q": "client-side"}))

    assert found == ["/v1/conversations", "/v1/conversations/items"]


def test_not_eligible_leaves_out_the_eligible_endpoints(alice_client, catalog_loaded):
    response = alice_client.get(PAGE, {"eligibility": "no"})

    found = rows_of(response)
    assert "/v1/batches" in found and "/v1/assistants" in found
    assert "/v1/responses" not in found and "/v1/embeddings" not in found
    assert all(e.zdr == "no" for e in response.context["endpoints"])


@pytest.mark.parametrize(
    "eligibility,included,excluded",
    [
        ("yes", "/v1/embeddings", "/v1/responses"),
        ("limited", "/v1/responses", "/v1/embeddings"),
    ],
)
def test_eligibility_filter(alice_client, catalog_loaded, eligibility, included, excluded):
    found = rows_of(alice_client.get(PAGE, {"eligibility": eligibility}))

    assert included in found and excluded not in found


def test_family_filter_offers_the_families_present_and_filters(alice_client, catalog_loaded):
    response = alice_client.get(PAGE, {"family": "audio"})

    assert rows_of(response) == ["/v1/audio/transcriptions", "/v1/audio/translations", "/v1/audio/speech"]
    choices = [value for value, _ in response.context["form"].fields["family"].choices]
    assert choices[0] == "" and "batch" in choices and "fine_tuning" in choices
    assert len(choices) == 1 + len({e.family for e in EndpointEntry.objects.all()})


def test_filters_combine(alice_client, catalog_loaded):
    assert rows_of(alice_client.get(PAGE, {"eligibility": "no", "family": "threads", "q": "runs"})) == [
        "/v1/threads/runs",
        "/v1/threads/runs/steps",
    ]


def test_when_nothing_matches_the_page_says_so_and_offers_to_clear_the_filters(alice_client, catalog_loaded):
    response = alice_client.get(PAGE, {"q": "telepathy", "eligibility": "yes"})

    html = response.content.decode()
    assert rows_of(response) == []
    assert "No endpoint matches “telepathy” with these filters" in html
    assert f'href="{PAGE}">Clear the filters</a>' in html


def test_an_unknown_filter_value_filters_nothing_and_says_why(alice_client, catalog_loaded):
    response = alice_client.get(PAGE, {"family": "telepathy"})

    assert len(rows_of(response)) == 27
    assert "Select a valid choice" in response.content.decode()


def test_htmx_gets_only_the_table(alice_client, catalog_loaded):
    response = alice_client.get(PAGE, {"q": "batches"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert "<html" not in html and "<nav" not in html
    assert "/v1/batches" in html and "What to do instead" in html
    assert "HX-Request" in response["Vary"]


def test_htmx_restoring_history_gets_the_whole_page(alice_client, catalog_loaded):
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}

    assert "<html" in alice_client.get(PAGE, {"q": "batches"}, headers=headers).content.decode()


def test_a_row_lists_the_features_that_change_its_eligibility(alice_client, catalog_loaded):
    response = alice_client.get(PAGE, {"q": "/v1/responses"})

    responses = next(e for e in response.context["endpoints"] if e.path == "/v1/responses")
    keys = [f.key for f in responses.applicable_features]
    assert "background_mode" in keys and "dalle_models" not in keys
    html = response.content.decode()
    assert "Features that change eligibility on this endpoint" in html
    assert "Unconfirmed" in html  # previous_response_id is marked unconfirmed in the data
    assert '1 Dec 2025</time> to <time datetime="2026-04-09">9 Apr 2026</time>' in html


def test_every_feature_is_listed_below_the_table_with_its_effects(alice_client, catalog_loaded):
    response = alice_client.get(PAGE, {"q": "batches"})  # the feature list does not follow the filters

    html = response.content.decode()
    assert "Features that change eligibility</h2>" in html
    for feature in FeatureEntry.objects.all():
        assert f'id="feature-{feature.key}"' in html
    assert html.count("Under ZDR</dt>") == FeatureEntry.objects.count()


def test_the_page_shows_the_newest_version(alice_client, catalog_loaded, newer_document, write_catalog):
    call_command("load_catalog", str(write_catalog(newer_document, "openai-2026-11-01.json")))

    found = rows_of(alice_client.get(PAGE))
    assert "/v1/decisions" in found and "/v1/videos" not in found


def page_on(day, client, user):
    """The page as `user` sees it on `day` (signed in that day, so the session is fresh)."""
    with time_machine.travel(f"{day} 12:00Z", tick=False):
        client.force_login(user)
        return client.get(PAGE).content.decode()


def test_an_old_catalog_warns_that_it_may_be_out_of_date(client, alice, catalog_loaded):
    html = page_on("2027-01-01", client, alice)

    assert "This catalog may be out of date" in html
    assert "It is 101 days old, and OpenAI's data-controls page changes often" in html
    assert 'class="alert-link" href="https://developers.openai.com/api/docs/guides/your-data"' in html


def test_a_recent_catalog_shows_no_warning(client, alice, catalog_loaded):
    assert "may be out of date" not in page_on("2026-11-26", client, alice)


def test_the_age_that_counts_as_stale_is_a_setting(client, alice, catalog_loaded, settings):
    settings.CATALOG_STALE_AFTER_DAYS = 30

    assert "It is 65 days old" in page_on("2026-11-26", client, alice)


def test_without_a_catalog_the_page_says_how_to_load_one(alice_client):
    response = alice_client.get(PAGE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "No OpenAI catalog has been loaded yet" in html
    assert "python manage.py load_catalog data/catalog/openai-*.json" in html


def test_a_provider_without_data_yet_points_to_openai(alice_client, catalog_loaded):
    html = alice_client.get("/catalog/anthropic/").content.decode()

    assert "No Anthropic catalog has been loaded yet" in html
    assert f'href="{PAGE}"' in html


def test_an_unknown_provider_is_not_found(alice_client, catalog_loaded):
    assert alice_client.get("/catalog/nobody/").status_code == 404


def test_every_signed_in_user_sees_the_same_catalog(client_for, charlie, catalog_loaded):
    response = client_for(charlie).get(PAGE, {"q": "batches"})

    assert rows_of(response) == ["/v1/batches"]


def add_rows(version, count):
    """Endpoints, and features naming them, beyond the shipped table."""
    EndpointEntry.objects.bulk_create(
        EndpointEntry(
            version=version,
            position=100 + n,
            path=f"/v1/extra/{n}",
            name=f"Extra {n}",
            family="extra",
            abuse_monitoring_retention="30 days",
            application_state_retention="None",
            zdr="no",
            eyes_off="no",
            mam="yes",
            limitations=["A limit"],
            remediation="Use something else.",
        )
        for n in range(count)
    )
    FeatureEntry.objects.bulk_create(
        FeatureEntry(
            version=version,
            position=100 + n,
            key=f"extra_{n}",
            name=f"Extra feature {n}",
            endpoints=[f"/v1/extra/{n}", "/v1/responses"],
            under_zdr="blocked",
            under_zdr_text="No.",
            under_mam="allowed",
            under_mam_text="Yes.",
            history=[{"from": "2026-01-01", "to": "2026-02-01", "under_zdr": "allowed", "text": "Once."}],
        )
        for n in range(count)
    )


QUERIES = (
    10  # session read and save (3), user, current membership, nav memberships; the version, its endpoints, its features
)


def test_the_query_count_does_not_grow_with_the_rows(
    alice_client, catalog_loaded, newer_document, write_catalog, django_assert_max_num_queries
):
    with django_assert_max_num_queries(QUERIES):
        assert alice_client.get(PAGE).status_code == 200

    call_command("load_catalog", str(write_catalog(newer_document, "openai-2026-11-01.json")))
    add_rows(CatalogVersion.objects.get(as_of="2026-11-01"), 60)
    with django_assert_max_num_queries(QUERIES):
        response = alice_client.get(PAGE)
    assert len(rows_of(response)) == 27 + 60
    with django_assert_max_num_queries(QUERIES):
        alice_client.get(PAGE, {"q": "extra", "eligibility": "no"}, headers={"HX-Request": "true"})
