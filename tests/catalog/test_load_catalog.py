import re

import pytest
from django.core.management import CommandError, call_command

from apps.catalog.models import CatalogVersion, EndpointEntry, FeatureEntry

from .shipped import SHIPPED

ELIGIBILITY = {"Yes": "yes", "Yes, with limitations": "limited", "No": "no"}


def reference_rows():
    """The endpoint table of section 2 of the reference, parsed from the markdown."""
    from django.conf import settings

    text = (settings.BASE_DIR / "docs" / "reference" / "openai-data-controls.md").read_text()
    section = text.split("## 2.")[1].split("### ")[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0].startswith("/v1/"):
            rows.append(cells)
    return rows


def test_the_shipped_file_matches_the_reference_table_row_for_row(shipped_document):
    rows = reference_rows()
    assert len(rows) == 27
    assert [e["path"] for e in shipped_document["endpoints"]] == [r[0] for r in rows]
    for entry, (path, abuse, state, zdr, eyes_off) in zip(shipped_document["endpoints"], rows, strict=True):
        assert entry["abuse_monitoring_retention"] == abuse, path
        assert entry["application_state_retention"] == state, path
        zdr_word = re.match(r"(Yes, with limitations|Yes|No)", zdr).group(1)
        assert entry["zdr"] == ELIGIBILITY[zdr_word], path
        assert entry["eyes_off"] == ELIGIBILITY[eyes_off], path
        if entry["zdr"] == "no":
            assert entry["remediation"], f"{path} is not eligible and needs remediation advice"


def test_loading_imports_every_row(db, capsys):
    call_command("load_catalog", str(SHIPPED))

    version = CatalogVersion.objects.get()
    assert (version.provider, str(version.as_of)) == ("openai", "2026-09-22")
    assert version.endpoints.count() == 27
    assert version.features.count() >= 13
    assert "Imported OpenAI catalog as of 2026-09-22 (27 endpoints" in capsys.readouterr().out


def test_loading_the_same_file_twice_changes_nothing(db, capsys):
    call_command("load_catalog", str(SHIPPED))
    before = list(EndpointEntry.objects.values_list("pk", "path"))
    call_command("load_catalog", str(SHIPPED))

    assert CatalogVersion.objects.count() == 1
    assert list(EndpointEntry.objects.values_list("pk", "path")) == before
    assert "already imported, nothing changed" in capsys.readouterr().out


@pytest.mark.parametrize(
    "breakage,message",
    [
        (
            lambda d: d["endpoints"][21].update(zdr="maybe"),
            r"line \d+, field endpoints\[21\]\.zdr: 'maybe' is not one of",
        ),
        (lambda d: d["endpoints"][21].update(remediation=""), r"field endpoints\[21\]"),
        (lambda d: d["endpoints"][3].pop("family"), r"field endpoints\[3\]: 'family' is a required property"),
        (
            lambda d: d["features"][0]["endpoints"].append("/v1/nowhere"),
            r"field features\[0\]\.endpoints\[\d\]: unknown endpoint",
        ),
        (lambda d: d["endpoints"].append(dict(d["endpoints"][0])), r"duplicate endpoint path '/v1/chat/completions'"),
        (lambda d: d.update(as_of="autumn"), r"field as_of"),
        (
            lambda d: d["endpoints"][1]["limitations"][1]["features"].append("teleportation"),
            r"field endpoints\[1\]\.limitations\[1\]\.features\[1\]: unknown feature 'teleportation'",
        ),
    ],
)
def test_a_broken_file_is_refused_with_the_line_and_field_and_nothing_is_imported(
    db, shipped_document, write_catalog, breakage, message
):
    breakage(shipped_document)
    path = write_catalog(shipped_document)

    with pytest.raises(CommandError, match=message) as excinfo:
        call_command("load_catalog", str(path))

    assert "Nothing was imported" in str(excinfo.value)
    assert not CatalogVersion.objects.exists() and not EndpointEntry.objects.exists()


def test_the_reported_line_is_the_faulty_line(db, shipped_document, write_catalog):
    shipped_document["endpoints"][21]["zdr"] = "maybe"
    path = write_catalog(shipped_document)

    with pytest.raises(CommandError) as excinfo:
        call_command("load_catalog", str(path))

    line = int(re.search(r"line (\d+)", str(excinfo.value)).group(1))
    assert '"zdr": "maybe"' in path.read_text().splitlines()[line - 1]


def test_invalid_json_names_the_line(db, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "provider": "openai",\n  "as_of": \n}')

    with pytest.raises(CommandError, match=r"line 4, column 1: not valid JSON"):
        call_command("load_catalog", str(path))


def test_a_later_file_failing_keeps_the_earlier_ones_and_imports_nothing_of_itself(db, shipped_document, write_catalog):
    shipped_document["as_of"] = "2026-11-01"
    shipped_document["endpoints"][0]["zdr"] = "perhaps"
    broken = write_catalog(shipped_document, "broken.json")

    with pytest.raises(CommandError):
        call_command("load_catalog", str(SHIPPED), str(broken))

    assert list(CatalogVersion.objects.values_list("as_of", flat=True).order_by("as_of"))[0].isoformat() == "2026-09-22"
    assert CatalogVersion.objects.count() == 1
    assert FeatureEntry.objects.count() == CatalogVersion.objects.get().features.count()


def test_changed_content_under_an_existing_date_is_refused(db, shipped_document, write_catalog):
    call_command("load_catalog", str(SHIPPED))
    shipped_document["endpoints"][0]["name"] = "Chat"

    with pytest.raises(CommandError, match="imported already with different content"):
        call_command("load_catalog", str(write_catalog(shipped_document)))

    assert EndpointEntry.objects.get(path="/v1/chat/completions").name == "Chat Completions"


def test_a_newer_version_records_what_changed(db, newer_document, write_catalog):
    call_command("load_catalog", str(SHIPPED))
    call_command("load_catalog", str(write_catalog(newer_document)))

    newer = CatalogVersion.objects.get(as_of="2026-11-01")
    changes = newer.changes["endpoints"]
    assert newer.previous.as_of.isoformat() == "2026-09-22"
    assert changes["added"] == ["/v1/decisions"]
    assert changes["removed"] == ["/v1/videos"]
    assert [c["key"] for c in changes["changed"]] == ["/v1/batches"]
    old, new = changes["changed"][0]["fields"]["remediation"]
    assert new == "Use synchronous /v1/responses calls with store=false." and old != new
    assert newer.changes["features"] == {"added": [], "removed": [], "changed": []}
