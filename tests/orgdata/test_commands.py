"""The command-line pair: an administrator exports by slug and imports the file elsewhere."""

import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from apps.accounts.models import Organization
from apps.workspace.demo import clinic_request_seed
from tests.catalog.shipped import SHIPPED

from .canonical import canonical


def test_export_by_slug_then_import(small_org, media_root, tmp_path):
    before = canonical(small_org)
    path = tmp_path / "alice.zip"
    out = StringIO()
    call_command("export_organization", "alice-clinic", str(path), stdout=out)
    assert f"Exported {small_org} to {path}" in out.getvalue() and "1 files" in out.getvalue()
    small_org.delete()
    shutil.rmtree(media_root)

    call_command("import_organization", str(path), stdout=StringIO())

    assert canonical(Organization.objects.get(slug="alice-clinic")) == before


def test_export_of_an_unknown_slug(db, tmp_path):
    with pytest.raises(CommandError, match="no organization with the slug 'nobody'"):
        call_command("export_organization", "nobody", str(tmp_path / "x.zip"))
    assert not (tmp_path / "x.zip").exists()


def test_import_of_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="Nothing was imported: .*missing.zip is not a zip file"):
        call_command("import_organization", str(tmp_path / "missing.zip"))


@pytest.mark.django_db(transaction=True)
def test_export_and_import_outside_any_transaction(alice, alice_org, media_root, tmp_path):
    """As in production: the export opens its own snapshot transaction (repeatable read on
    PostgreSQL), the import its own atomic block."""
    call_command("load_catalog", str(SHIPPED), stdout=StringIO())
    clinic_request_seed(organization=alice_org, owner=alice)
    before = canonical(alice_org)
    path = tmp_path / "alice.zip"
    call_command("export_organization", "alice-clinic", str(path), stdout=StringIO())
    alice_org.delete()
    call_command("import_organization", str(path), stdout=StringIO())
    assert canonical(Organization.objects.get(slug="alice-clinic")) == before
