"""Writes for organization data: the export (everything an organization has, as one zip) and the
import that restores such a zip into a portal, all or nothing."""

import json
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.apps import apps
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from apps.accounts.models import Organization, User
from apps.catalog.models import CatalogVersion
from apps.tracking.services import trackings_create_missing

from .archive import (
    CATALOG_ROWS,
    DATA_NAME,
    FILES_PREFIX,
    FORMAT,
    FORMAT_VERSION,
    ExactJSONEncoder,
    ImportRefused,
    InvalidExport,
    export_opened,
    sha256_of,
)
from .scope import CATALOG_VERSION, ORGANIZATION_PATHS, USER, file_fields, relations, rows_of, scoped_models


@contextmanager
def _snapshot():
    """One consistent view of the organization while its rows are read: on PostgreSQL a
    repeatable-read transaction, so a row added meanwhile cannot point at a row already read."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def _referenced(rows, label):
    """Primary keys of `label` rows that the exported rows point to."""
    target = apps.get_model(label)
    found = set()
    for model in scoped_models():
        names = [f.name for f in relations(model) if f.related_model is target]
        for record in rows[model._meta.label_lower]:
            found.update(record["fields"][name] for name in names if record["fields"][name] is not None)
    return found


def _catalog_version_export(version):
    record = serializers.serialize("python", [version])[0]
    record["fields"]["previous"] = None  # named by identity below; it may not be exported
    previous = version.previous
    return {
        "record": record,
        "previous": [previous.provider, previous.as_of.isoformat()] if previous else None,
        "endpoints": serializers.serialize("python", version.endpoints.order_by("pk")),
        "features": serializers.serialize("python", version.features.order_by("pk")),
    }


def _collect(organization):
    with _snapshot():
        rows = {model._meta.label_lower: serializers.serialize("python", rows_of(model, organization))
                for model in scoped_models()}
        users = [{"pk": user.pk, "email": user.email, "full_name": user.full_name}
                 for user in User.objects.filter(pk__in=_referenced(rows, USER)).order_by("email")]
        versions = CatalogVersion.objects.filter(pk__in=_referenced(rows, CATALOG_VERSION)).select_related("previous")
        catalog = [_catalog_version_export(version) for version in versions.order_by("provider", "as_of")]
    names = sorted({record["fields"][f.name] for model in scoped_models() for f in file_fields(model)
                    for record in rows[model._meta.label_lower] if record["fields"][f.name]})
    return rows, users, catalog, names


def organization_export(*, organization, into):
    """Write everything of `organization` as a zip into `into` (a binary file); return the manifest.

    data.json holds the format and version, when, the organization, counts per model, the SHA-256
    of every file, then the rows of every model in scope.ORGANIZATION_PATHS (Django's serializer
    format, with the original primary keys), the people those rows name (email and full name, never
    a password hash) and the catalog versions they use, with all their rows. files/ holds every
    stored file the rows name, under its storage name. A named file that storage no longer has is
    listed under missing_files, so the import restores the row exactly as it was."""
    rows, users, catalog, names = _collect(organization)
    files, missing = {}, []
    with zipfile.ZipFile(into, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            if not default_storage.exists(name):
                missing.append(name)
                continue
            with default_storage.open(name, "rb") as source, archive.open(FILES_PREFIX + name, "w") as target:
                files[name] = sha256_of(_copied(source, target))
        counts = {label: len(records) for label, records in rows.items()}
        counts.update({USER: len(users), CATALOG_VERSION: len(catalog)})
        counts.update({label: sum(len(v[key]) for v in catalog) for key, label in CATALOG_ROWS.items()})
        manifest = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "exported_at": timezone.now(),
            "organization": {"name": organization.name, "slug": organization.slug},
            "counts": counts, "files": files, "missing_files": missing,
        }
        document = {**manifest, "users": users, "catalog_versions": catalog, "rows": rows}
        archive.writestr(DATA_NAME, json.dumps(document, cls=ExactJSONEncoder, indent=1, ensure_ascii=False))
    return manifest


def _copied(source, target):
    for chunk in iter(lambda: source.read(1 << 16), b""):
        target.write(chunk)
        yield chunk


@dataclass
class ImportResult:
    organization: Organization
    counts: dict = field(default_factory=dict)
    users_created: list = field(default_factory=list)
    users_matched: list = field(default_factory=list)
    catalog_created: list = field(default_factory=list)
    catalog_matched: list = field(default_factory=list)
    catalog_differs: list = field(default_factory=list)
    files: int = 0


UNREADABLE = (DeserializationError, ValidationError, FieldDoesNotExist, ValueError, TypeError, KeyError)


def organization_import(*, source):
    """Restore an export (a path or a binary file) into this portal, all or nothing.

    Refused before anything is written when the file is not an intact export of this format
    (InvalidExport) or an organization with its slug exists (ImportRefused). People are matched by
    email and created when missing, with an unusable password: they set one through "Forgot your
    password?". Catalog versions are matched by provider and date and created with their rows when
    missing. Every other row is created anew (new primary keys, foreign keys remapped) and its
    files are written back to storage; if anything fails, the rows roll back and those files go."""
    stored = {}  # exported storage name -> the name it was written back under
    with export_opened(source) as export:
        if Organization.objects.filter(slug=export.slug).exists():
            raise ImportRefused(f"An organization with the slug {export.slug!r} exists already; "
                                "the import only restores into a portal without it.")
        try:
            with transaction.atomic():
                return _restore(export, stored)
        except BaseException as error:
            for name in stored.values():
                default_storage.delete(name)
            if isinstance(error, UNREADABLE):
                raise InvalidExport(f"A row cannot be restored ({type(error).__name__}: {error}).") from error
            if isinstance(error, DatabaseError):
                raise ImportRefused(f"The data does not fit this portal's database ({error}).") from error
            raise


def _restore(export, stored):
    keys = {}  # (label, exported pk) -> pk in this portal
    result = ImportResult(organization=None)
    _users_restore(export.data["users"], keys, result)
    for entry in export.data["catalog_versions"]:
        _catalog_version_restore(entry, keys, result)
    for label in ORGANIZATION_PATHS:
        for record in export.rows(label):
            keys[(label, record["pk"])] = _row_restore(export, label, record, keys, stored)
        result.counts[label] = len(export.rows(label))
    (organization,) = export.rows("accounts.organization")
    result.organization = Organization.objects.get(pk=keys[("accounts.organization", organization["pk"])])
    trackings_create_missing(organization=result.organization)
    result.files = len(stored)
    return result


def _users_restore(users, keys, result):
    for person in users:
        user = User.objects.filter(email__iexact=person["email"]).first()
        if user is None:
            user = User.objects.create_user(person["email"], password=None, full_name=person.get("full_name", ""))
            result.users_created.append(user.email)
        else:
            result.users_matched.append(user.email)
        keys[(USER, person["pk"])] = user.pk


def _catalog_version_restore(entry, keys, result):
    fields = entry["record"]["fields"]
    existing = CatalogVersion.objects.filter(provider=fields["provider"], as_of=fields["as_of"]).first()
    if existing is not None:
        result.catalog_matched.append(str(existing))
        if existing.checksum != fields["checksum"]:
            result.catalog_differs.append(str(existing))
        keys[(CATALOG_VERSION, entry["record"]["pk"])] = existing.pk
        return
    previous = entry["previous"] and CatalogVersion.objects.filter(provider=entry["previous"][0],
                                                                   as_of=entry["previous"][1]).first()
    version = _deserialized(CATALOG_VERSION, entry["record"], {"previous": previous.pk if previous else None})
    keys[(CATALOG_VERSION, entry["record"]["pk"])] = version.pk
    for key, label in CATALOG_ROWS.items():
        for record in entry[key]:
            _deserialized(label, record, {"version": version.pk})
    result.catalog_created.append(str(version))


def _row_restore(export, label, record, keys, stored):
    model = apps.get_model(label)
    changes = {}
    for relation in relations(model):
        value = record["fields"][relation.name]
        target = relation.related_model._meta.label_lower
        if value is not None:
            if (target, value) not in keys:
                raise InvalidExport(f"{label} #{record['pk']} points to {target} #{value}, which is not in the export.")
            changes[relation.name] = keys[(target, value)]
    for file_field in file_fields(model):
        name = record["fields"][file_field.name]
        if name in export.data["files"]:
            if name not in stored:  # storage picks another name if this one is taken
                stored[name] = default_storage.save(name, ContentFile(export.file_bytes(name)))
            changes[file_field.name] = stored[name]
    return _deserialized(label, record, changes).pk


def _deserialized(label, record, changes):
    """Save one serialized `label` row as a new row: no primary key, `changes` applied to its
    fields. A raw save keeps timestamps such as auto_now exactly as exported and skips signal
    handlers that react to edits (and history records)."""
    if record.get("model") != label:
        raise InvalidExport(f"A row listed under {label} is a {record.get('model')!r}.")
    record = {**record, "pk": None, "fields": {**record["fields"], **changes}}
    (deserialized,) = serializers.deserialize("python", [record])
    deserialized.save()
    return deserialized.object
