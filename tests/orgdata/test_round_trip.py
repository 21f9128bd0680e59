"""Export, delete, import: the organization comes back exactly as it was, files included."""

import json
import shutil
from io import StringIO

import pytest
from django.core.management import call_command

from apps.accounts.models import Organization, User
from apps.catalog.models import CatalogVersion
from apps.orgdata.scope import ORGANIZATION_PATHS
from apps.tracking.models import Attachment, Transition
from apps.workspace.demo import CLINIC_TITLE
from apps.workspace.models import DataFlow, ZdrRequest

from .archives import data_of, export_bytes
from .canonical import canonical


def stored_files(media_root):
    return sorted(p.relative_to(media_root).as_posix() for p in media_root.rglob("*") if p.is_file())


def wipe(organization, data, media_root):
    """Remove the organization, the people its export names and every stored file."""
    organization.delete()
    User.objects.filter(email__in=[person["email"] for person in data["users"]]).delete()
    shutil.rmtree(media_root, ignore_errors=True)


def import_file(archive_bytes, tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(archive_bytes)
    out = StringIO()
    call_command("import_organization", str(path), stdout=out)
    return out.getvalue()


@pytest.fixture
def exported(rich_org, media_root):
    before = canonical(rich_org)
    archive = export_bytes(rich_org)
    return before, archive, data_of(archive), stored_files(media_root)


def test_every_exported_model_has_rows_in_the_world(exported):
    before, _, data, files = exported
    assert [label for label in ORGANIZATION_PATHS if not before[label]] == []
    assert len(files) == 3 and sorted(data["files"]) == files  # the packet PDF, the attachment, the evidence
    assert set(data["counts"]) == {*ORGANIZATION_PATHS, "accounts.user", "catalog.catalogversion",
                                   "catalog.endpointentry", "catalog.featureentry"}


def test_export_delete_import_restores_everything(exported, rich_org, media_root, tmp_path):
    before, archive, data, files = exported
    wipe(rich_org, data, media_root)
    assert not Organization.objects.filter(slug="alice-clinic").exists() and not stored_files(media_root)

    output = import_file(archive, tmp_path)

    restored = Organization.objects.get(slug="alice-clinic")
    assert canonical(restored) == before
    assert stored_files(media_root) == files
    assert "workspace.zdrrequest: 5" in output and "files: 3" in output
    assert "3 created" in output and "Forgot your password?" in output


def test_restored_people_have_no_usable_password(exported, rich_org, media_root, tmp_path):
    _, archive, data, _ = exported
    wipe(rich_org, data, media_root)
    import_file(archive, tmp_path)
    people = User.objects.filter(email__in=[person["email"] for person in data["users"]])
    assert people.count() == len(data["users"]) == 3
    assert not any(person.has_usable_password() for person in people)
    assert not any(person.is_staff or person.is_superuser for person in people)


def test_the_export_holds_no_password_hashes(exported, alice):
    _, archive, data, _ = exported
    assert all(set(person) == {"pk", "email", "full_name"} for person in data["users"])
    text = json.dumps(data)
    assert alice.password not in text and '"password"' not in text


def test_people_who_exist_already_are_matched_and_left_alone(exported, rich_org, alice, media_root, tmp_path):
    before, archive, data, _ = exported
    rich_org.delete()
    shutil.rmtree(media_root)
    output = import_file(archive, tmp_path)
    alice.refresh_from_db()
    assert alice.has_usable_password()  # alice signs in as before
    assert "0 created, 3 matched" in output and "Forgot your password?" not in output
    assert canonical(Organization.objects.get(slug="alice-clinic")) == before


def test_a_missing_catalog_version_is_recreated_with_its_rows(exported, rich_org, media_root, tmp_path):
    before, archive, data, _ = exported
    (entry,) = data["catalog_versions"]
    fields = entry["record"]["fields"]
    wipe(rich_org, data, media_root)
    CatalogVersion.objects.filter(provider=fields["provider"], as_of=fields["as_of"]).delete()

    output = import_file(archive, tmp_path)

    recreated = CatalogVersion.objects.get(provider=fields["provider"], as_of=fields["as_of"])
    assert recreated.endpoints.count() == len(entry["endpoints"]) > 0
    assert recreated.features.count() == len(entry["features"]) > 0
    assert "catalog versions: 1 created" in output
    assert canonical(Organization.objects.get(slug="alice-clinic")) == before  # version rows included


def test_the_comparison_notices_a_lost_microsecond_a_moved_key_or_a_changed_byte(rich_org, media_root):
    before = canonical(rich_org)
    transition = Transition.objects.filter(request__organization=rich_org).first()
    Transition.objects.filter(pk=transition.pk).update(at=transition.at.replace(microsecond=0))
    assert canonical(rich_org) != before

    before = canonical(rich_org)
    flow = DataFlow.objects.filter(request__organization=rich_org, usage__isnull=False).first()
    other = flow.request.usages.exclude(pk=flow.usage_id).first()
    DataFlow.objects.filter(pk=flow.pk).update(usage=other)
    assert canonical(rich_org) != before

    before = canonical(rich_org)
    attachment = Attachment.objects.filter(request__organization=rich_org).first()
    (media_root / attachment.file.name).write_bytes(b"changed")
    assert canonical(rich_org) != before


def test_the_commitments_and_rollout_answers_come_back(exported, rich_org, media_root, tmp_path):
    _, archive, data, _ = exported
    wipe(rich_org, data, media_root)
    import_file(archive, tmp_path)
    clinic = ZdrRequest.objects.get(organization__slug="alice-clinic", title=CLINIC_TITLE)
    assert (str(clinic.go_live), clinic.monthly_requests, clinic.scope) == ("2027-03-01", 80000, "projects")
    assert clinic.signatory_name == "Dr. Lena Hart" and "csam_exception" in clinic.requirements_accepted
    assert clinic.verification_plan[-1] == "probe_store" and clinic.reverify_interval == "quarterly"
