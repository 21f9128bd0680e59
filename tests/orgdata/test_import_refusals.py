"""The import refuses, with a clear message and without writing a row or a file, anything that is
not an intact export, and an organization that is here already. A failure halfway rolls it all back."""

import pytest
from django.core.management import CommandError, call_command

from apps.accounts.models import Organization

from .archives import data_of, export_bytes, rewritten


@pytest.fixture
def archive(small_org):
    content = export_bytes(small_org)
    small_org.delete()  # its people and files stay: the import would match and keep them
    return content


@pytest.fixture
def attempt(tmp_path, media_root):
    """Import `content`, expect a refusal, and check nothing was written; returns the message."""

    def run(content):
        path = tmp_path / "export.zip"
        path.write_bytes(content)
        organizations, files = Organization.objects.count(), sorted(media_root.rglob("*"))
        with pytest.raises(CommandError) as refusal:
            call_command("import_organization", str(path))
        assert Organization.objects.count() == organizations and sorted(media_root.rglob("*")) == files
        return str(refusal.value)

    return run


def test_a_file_that_is_not_a_zip(attempt, archive):
    assert "is not a zip file" in attempt(b"%PDF-1.7 not a zip at all")


def test_a_damaged_zip(attempt, archive):
    assert "is not a zip file" in attempt(archive[: len(archive) // 2])


def test_a_zip_without_data_json(attempt, archive):
    assert "has no data.json" in attempt(rewritten(archive, drop={"data.json"}))


def test_a_zip_of_something_else(attempt, archive):
    message = attempt(rewritten(archive, data=lambda d: d.update(format="someone-elses-backup")))
    assert "not an organization export of ZDR Portal" in message


def test_another_format_version(attempt, archive):
    message = attempt(rewritten(archive, data=lambda d: d.update(format_version=2)))
    assert "format version 2; this portal reads version 1" in message


def test_an_attachment_that_does_not_match_its_checksum(attempt, archive):
    (stored,) = data_of(archive)["files"]
    message = attempt(rewritten(archive, files={stored: b"We decline.\n"}))
    assert f"The file {stored} does not match its SHA-256 checksum" in message


def test_an_attachment_missing_from_the_zip(attempt, archive):
    (stored,) = data_of(archive)["files"]
    assert f"The file {stored} is listed but missing" in attempt(rewritten(archive, drop={f"files/{stored}"}))


def test_a_file_name_that_leaves_the_media_folder(attempt, archive):
    def escape(d):
        (stored,) = d["files"]
        d["files"] = {"../../outside.txt": d["files"][stored]}

    assert "'../../outside.txt' is not a plain storage name" in attempt(rewritten(archive, data=escape))


def test_rows_removed_from_data_json(attempt, archive):
    def drop_a_contact(d):
        d["rows"]["workspace.contact"].pop()

    assert "counts in data.json do not match" in attempt(rewritten(archive, data=drop_a_contact))


def test_an_organization_with_the_same_slug_exists(attempt, small_org):
    message = attempt(export_bytes(small_org))
    assert "An organization with the slug 'alice-clinic' exists already" in message


def test_a_failure_halfway_leaves_no_rows_and_no_files(attempt, archive):
    # The drift alert comes last, after the attachment's file was written back.
    def dangling(d):
        d["rows"]["tracking.driftalert"][0]["fields"]["follow_up"] = 999_999

    message = attempt(rewritten(archive, data=dangling))
    assert "points to tracking.followup #999999, which is not in the export" in message


def test_a_row_of_another_model_smuggled_in(attempt, archive):
    def smuggle(d):
        d["rows"]["workspace.contact"][0]["model"] = "accounts.user"

    assert "A row listed under workspace.contact is a 'accounts.user'" in attempt(rewritten(archive, data=smuggle))
