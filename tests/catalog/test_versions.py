"""Version history and the diff between any two versions."""

import pytest
from django.core.management import call_command

from apps.catalog.models import CatalogVersion

from .shipped import SHIPPED

VERSIONS = "/catalog/openai/versions/"
DIFF = "/catalog/openai/versions/diff/"


@pytest.fixture
def two_versions(db, newer_document, write_catalog):
    call_command("load_catalog", str(SHIPPED))
    call_command("load_catalog", str(write_catalog(newer_document, "openai-2026-11-01.json")))
    return CatalogVersion.objects.get(as_of="2026-09-22"), CatalogVersion.objects.get(as_of="2026-11-01")


def test_the_history_lists_each_version_with_what_changed(alice_client, two_versions):
    old, new = two_versions

    response = alice_client.get(VERSIONS)

    assert [v.pk for v in response.context["versions"]] == [new.pk, old.pk]
    html = response.content.decode()
    assert "1 Nov 2026" in html and "22 Sep 2026" in html
    assert "openai-2026-11-01.json" in html and "openai-2026-09-22.json" in html
    assert "27 endpoints, 14 features" in html
    assert response.context["versions"][0].change_counts == {"added": 1, "removed": 1, "changed": 1}
    assert "First version" in html
    assert f'href="{DIFF}?from={old.pk}&amp;to={new.pk}"' in html


def test_the_compare_form_starts_on_the_two_newest_versions(alice_client, two_versions):
    old, new = two_versions

    form = alice_client.get(VERSIONS).context["form"]

    assert (form.initial["from"], form.initial["to"]) == (old, new)
    assert form["from"].label == "From" and form["to"].label == "To"


def test_one_version_has_nothing_to_compare_yet(alice_client, db):
    call_command("load_catalog", str(SHIPPED))

    assert "There is only one version so far" in alice_client.get(VERSIONS).content.decode()


def test_the_diff_shows_added_removed_and_changed_rows_with_old_and_new_values(alice_client, two_versions):
    old, new = two_versions

    response = alice_client.get(DIFF, {"from": old.pk, "to": new.pk})

    assert response.status_code == 200
    endpoints = response.context["changes"]["endpoints"]
    assert [row["path"] for row in endpoints["added"]] == ["/v1/decisions"]
    assert [row["path"] for row in endpoints["removed"]] == ["/v1/videos"]
    assert [row["key"] for row in endpoints["changed"]] == ["/v1/batches"]
    html = response.content.decode()
    assert "Changes from 22 Sep 2026 to 1 Nov 2026" in html
    assert "Remediation</th>" in html
    assert "Make synchronous calls to a ZDR-eligible endpoint instead" in html  # before
    assert "Use synchronous /v1/responses calls with store=false." in html  # after
    assert "No features changed." in html


def test_the_diff_works_either_way_round(alice_client, two_versions):
    old, new = two_versions

    endpoints = alice_client.get(DIFF, {"from": new.pk, "to": old.pk}).context["changes"]["endpoints"]

    assert [row["path"] for row in endpoints["added"]] == ["/v1/videos"]
    assert [row["path"] for row in endpoints["removed"]] == ["/v1/decisions"]


def test_the_same_version_twice_is_explained(alice_client, two_versions):
    old, _ = two_versions

    response = alice_client.get(DIFF, {"from": old.pk, "to": old.pk})

    assert response.context["changes"] is None
    assert "These are the same version." in response.content.decode()


@pytest.mark.parametrize(
    "params,message",
    [
        ({}, "Choose a version to compare from."),
        ({"from": "1"}, "Choose a version to compare with."),
        ({"from": "abc", "to": "1"}, "Choose a version from the list; that one does not exist."),
        ({"from": "999999", "to": "1"}, "Choose a version from the list; that one does not exist."),
    ],
)
def test_bad_or_missing_versions_are_a_form_error_not_a_crash(alice_client, two_versions, params, message):
    params = {k: str(two_versions[0].pk) if v == "1" else v for k, v in params.items()}

    response = alice_client.get(DIFF, params)

    assert response.status_code == 200
    assert response.context["changes"] is None
    assert message in response.content.decode()


def test_another_providers_version_is_not_a_choice(alice_client, two_versions):
    old, new = two_versions

    response = alice_client.get("/catalog/anthropic/versions/diff/", {"from": old.pk, "to": new.pk})

    assert response.status_code == 200
    assert "that one does not exist" in response.content.decode()


def test_without_a_catalog_the_history_says_how_to_load_one(alice_client, db):
    assert "python manage.py load_catalog" in alice_client.get(VERSIONS).content.decode()


def test_an_unknown_provider_has_no_history(alice_client, db):
    assert alice_client.get("/catalog/nobody/versions/").status_code == 404
    assert alice_client.get("/catalog/nobody/versions/diff/").status_code == 404


def test_the_history_and_diff_query_counts_do_not_grow_with_versions(
    alice_client, two_versions, newer_document, write_catalog, django_assert_max_num_queries
):
    old, new = two_versions
    with django_assert_max_num_queries(
        12
    ):  # 7 for the session (read, save) and nav; the versions; each select's choices
        alice_client.get(VERSIONS)
    with django_assert_max_num_queries(17):  # the same, two version lookups and both versions' rows
        alice_client.get(DIFF, {"from": old.pk, "to": new.pk})

    newer_document["as_of"] = "2026-12-01"
    call_command("load_catalog", str(write_catalog(newer_document, "openai-2026-12-01.json")))
    with django_assert_max_num_queries(12):
        assert len(alice_client.get(VERSIONS).context["versions"]) == 3
    with django_assert_max_num_queries(17):
        alice_client.get(DIFF, {"from": old.pk, "to": new.pk})
