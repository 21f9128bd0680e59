"""Writes for the catalog: importing a data file as a new, immutable version."""

import hashlib
import json
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from . import selectors
from .diff import diff_catalogs
from .loader import CatalogFileError, read_catalog_file
from .models import CatalogVersion, EndpointEntry, FeatureEntry
from .taxonomy import ENDPOINT_COLUMNS, FEATURE_COLUMNS, OPTIONAL_COLUMNS


@dataclass
class ImportResult:
    version: CatalogVersion
    created: bool


def _checksum(document):
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


@transaction.atomic
def catalog_import(*, path):
    """Import the catalog file at `path` as a new version, all rows or none.

    Importing the same content again changes nothing; different content for a provider and
    as-of date that exist already is refused (a new table gets a new as-of date). The diff from
    the provider's previous version is recorded on the new version."""
    document = read_catalog_file(path)
    checksum = _checksum(document)
    existing = CatalogVersion.objects.filter(provider=document["provider"], as_of=document["as_of"]).first()
    if existing is not None:
        if existing.checksum == checksum:
            return ImportResult(existing, created=False)
        raise CatalogFileError(
            f"{path}: {existing} was imported already with different content. Give the new table its own as_of date."
        )
    previous = (
        CatalogVersion.objects.filter(provider=document["provider"], as_of__lt=document["as_of"])
        .order_by("-as_of")
        .first()
    )
    version = CatalogVersion.objects.create(
        provider=document["provider"],
        as_of=date.fromisoformat(document["as_of"]),
        as_of_approximate=document.get("as_of_approximate", False),
        title=document["title"],
        sources=document["sources"],
        notes=document["notes"],
        schema_version=document.get("schema_version", 1),
        changelog=document.get("changelog", []),
        controls=document.get("controls", []),
        baa=document.get("baa", {}),
        checksum=checksum,
        source_file=str(path).rsplit("/", 1)[-1],
        previous=previous,
        changes=diff_catalogs(selectors.catalog_document(previous), document) if previous else {},
    )
    EndpointEntry.objects.bulk_create(
        EndpointEntry(version=version, position=n, **_columns(row, ENDPOINT_COLUMNS))
        for n, row in enumerate(document["endpoints"])
    )
    FeatureEntry.objects.bulk_create(
        FeatureEntry(version=version, position=n, **_columns(row, FEATURE_COLUMNS))
        for n, row in enumerate(document["features"])
    )
    return ImportResult(version, created=True)


def _columns(row, columns):
    return {c: row[c] if c in row else OPTIONAL_COLUMNS[c] for c in columns}
