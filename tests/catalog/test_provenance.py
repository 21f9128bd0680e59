"""Every rule of a version 2 catalog carries its own source, date and confidence; version 1 files
load unchanged; `make run`'s two files load as two versions, with the diff and the dated changes."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from apps.catalog.models import CatalogVersion
from apps.catalog.selectors import catalog_document

from .shipped import CURRENT, SHIPPED

DIFF = "/catalog/openai/versions/diff/"


def test_every_row_feature_and_limitation_of_the_current_file_has_its_own_source(current_document):
    rules = [*current_document["endpoints"], *current_document["features"],
             *(lim for e in current_document["endpoints"] for lim in e["limitations"])]
    assert rules and all(isinstance(rule, dict) for rule in rules)
    for rule in rules:
        provenance = rule["provenance"]
        assert provenance["source"]["url"].startswith("https://") and provenance["as_of"]
        assert provenance["confidence"] in ("confirmed", "reported")
    assert all(change["date"] and change["provenance"] for change in current_document["changelog"])


@pytest.mark.parametrize("breakage,message", [
    (lambda d: d["endpoints"][0].pop("provenance"), r"field endpoints\[0\]: 'provenance' is a required property"),
    (lambda d: d["features"][2].pop("provenance"), r"field features\[2\]: 'provenance' is a required property"),
    (lambda d: d["endpoints"][1]["limitations"].append("A plain string"),
     r"field endpoints\[1\]\.limitations\[\d+\]"),
    (lambda d: d["features"][0]["provenance"].update(confidence="rumoured"),
     r"field features\[0\]\.provenance\.confidence: 'rumoured' is not one of"),
    (lambda d: d["controls"].pop(1), r"field controls: the controls must include mam"),
])
def test_a_version_2_file_without_a_rule_source_is_refused_and_nothing_is_imported(
    db, current_document, write_catalog, breakage, message
):
    breakage(current_document)
    with pytest.raises(CommandError, match=message) as excinfo:
        call_command("load_catalog", str(write_catalog(current_document)), stdout=StringIO())
    assert "Nothing was imported" in str(excinfo.value)
    assert not CatalogVersion.objects.exists()


def test_the_version_1_file_is_served_exactly_as_shipped(catalog_loaded, shipped_document):
    assert catalog_document(catalog_loaded) == shipped_document
    assert catalog_loaded.schema_version == 1


def test_make_runs_files_load_as_two_versions_and_the_newest_is_current(catalogs_loaded, current_document):
    assert list(CatalogVersion.objects.order_by("as_of").values_list("as_of", flat=True).values_list(
        "source_file", flat=True)) == ["openai-2026-09-22.json", "openai-2026-11-13.json"]
    assert catalog_document(catalogs_loaded) == current_document
    changes = catalogs_loaded.changes["endpoints"]
    assert changes["removed"] == ["/v1/videos"]
    assert changes["added"] == ["/v1/decisions", "/v1/audio/voices"]
    assert "background_mode" in [c["key"] for c in catalogs_loaded.changes["features"]["changed"]]
    # Only a rule's words count as a change: the same limitation gaining its source is not one.
    embeddings = [c for c in changes["changed"] if c["key"] == "/v1/embeddings"]
    assert embeddings == []


def test_loading_them_again_changes_nothing(catalogs_loaded):
    out = StringIO()
    call_command("load_catalog", str(SHIPPED), str(CURRENT), stdout=out)
    assert out.getvalue().count("already imported, nothing changed") == 2


def test_the_catalog_page_cites_each_rule_and_marks_developers_reports(alice_client, catalogs_loaded):
    html = alice_client.get("/catalog/openai/").content.decode()
    assert 'href="https://github.com/openai/codex/issues/106"' in html
    assert "Reported by developers" in html
    assert 'href="https://developers.openai.com/api/docs/guides/background"' in html
    assert "Private Retention with PSP" in html and ">Eyes Off<" not in html
    assert "<code>/v1/videos</code>" not in html and "<code>/v1/decisions</code>" in html


def test_the_diff_page_lists_the_dated_changes(alice_client, catalogs_loaded):
    old = CatalogVersion.objects.get(as_of="2026-09-22")
    html = alice_client.get(DIFF, {"from": old.pk, "to": catalogs_loaded.pk}).content.decode()
    assert "Dated changes" in html
    assert '<time datetime="2026-09-24">24 Sep 2026</time>: /v1/videos removed' in html
    assert "Background mode corrected" in html


def test_the_catalog_page_lists_the_controls_with_what_each_keeps(alice_client, catalogs_loaded):
    html = alice_client.get("/catalog/openai/").content.decode()
    assert "ZDR with Private Safety Processing (PSP)" in html
    assert "double-encrypted into customer-controlled storage with a 30-day TTL" in html
    assert 'Private Retention with PSP <span class="text-secondary fw-normal">(formerly Eyes Off)</span>' in html
    assert "Safety Retention" in html
