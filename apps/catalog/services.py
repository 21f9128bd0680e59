"""Writes for the catalog: importing a data file as a new, immutable version."""

import hashlib
import json
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from . import selectors
from .diff import diff_catalogs
from .drafting import draft_document
from .loader import CatalogFileError, check_document, read_catalog_file, schema_families
from .models import CatalogDraft, CatalogVersion, EndpointEntry, FeatureEntry
from .paste import PasteError, read_table
from .taxonomy import ENDPOINT_COLUMNS, FEATURE_COLUMNS, OPTIONAL_COLUMNS


@dataclass
class ImportResult:
    version: CatalogVersion
    created: bool


def _checksum(document):
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def catalog_import(*, path):
    """Import the catalog file at `path` as a new version, all rows or none."""
    return catalog_document_import(document=read_catalog_file(path), source_file=str(path).rsplit("/", 1)[-1])


@transaction.atomic
def catalog_document_import(*, document, source_file):
    """Import a validated catalog document as a new version, all rows or none.

    Importing the same content again changes nothing; different content for a provider and
    as-of date that exist already is refused (a new table gets a new as-of date). The diff from
    the provider's previous version is recorded on the new version."""
    checksum = _checksum(document)
    existing = CatalogVersion.objects.filter(provider=document["provider"], as_of=document["as_of"]).first()
    if existing is not None:
        if existing.checksum == checksum:
            return ImportResult(existing, created=False)
        raise CatalogFileError(
            f"{source_file}: {existing} was imported already with different content. "
            "Give the new table its own as_of date."
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
        source_file=source_file,
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


# Drafts pasted from the provider's page (the update assistant)


class DraftError(ValueError):
    """A paste or a draft the portal refuses; `field` is the form field the message belongs to."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def _row_provenance(base, who, today, as_of):
    """What a pasted row says about where it comes from, under the names a row's provenance may
    have (source, as_of, confidence; or one provenance object): drafting keeps only those the
    catalog's columns know."""
    source = base.primary_source or {}
    detail = {
        "source": {"title": f"{source.get('title', 'Provider page')}, pasted by {who} on {today:%Y-%m-%d} "
                            "from the provider's page", "url": source.get("url", "")},
        "as_of": as_of.isoformat(),
        "confidence": "confirmed",
    }
    return {**detail, "provenance": detail}


@transaction.atomic
def catalog_draft_create(*, organization, user, provider, as_of, text):
    """Parse `text` (the provider's table, as HTML, Markdown or tab-separated text) into a draft
    version: the current version's rows updated with the pasted cells, rows added and removed,
    and every cell that could not be read listed. The draft is not a version: nothing sees it
    until a reviewer publishes it."""
    base = selectors.version_latest(provider)
    if base is None:
        raise DraftError("No catalog is loaded yet: load one with manage.py load_catalog first.")
    if CatalogVersion.objects.filter(provider=provider, as_of=as_of).exists():
        raise DraftError(f"There is already a version as of {as_of:%Y-%m-%d}. Give this table the date the "
                         "provider's page shows for it.", field="as_of")
    if as_of < base.as_of:
        raise DraftError(f"The current version is as of {base.as_of:%Y-%m-%d}; a pasted table must be newer "
                         "to become the current version.", field="as_of")
    try:
        table = read_table(text)
    except PasteError as exc:
        raise DraftError(str(exc), field="text") from exc
    today, who = timezone.localdate(), user.get_full_name()
    base_document = selectors.catalog_document(base)
    draft = draft_document(
        base_document, table, as_of=as_of.isoformat(), columns=ENDPOINT_COLUMNS,
        notes=f"Pasted from the provider's page by {who} on {today:%Y-%m-%d}, starting from the version as of "
              f"{base.as_of:%Y-%m-%d}.",
        provenance=_row_provenance(base, who, today, as_of),
        families=schema_families() | {row["family"] for row in base_document["endpoints"]},
    )
    try:
        check_document(draft.document)
    except CatalogFileError as exc:
        raise DraftError(f"The pasted table would not make a valid catalog ({exc}) Nothing was saved.",
                         field="text") from exc
    return CatalogDraft.objects.create(
        organization=organization, provider=provider, base=base, as_of=as_of, pasted_text=text,
        pasted_format=table.format, document=draft.document, unparsed=draft.unparsed,
        ignored_columns=draft.ignored_columns, assumed=draft.assumed, pasted_by=user,
    )


def _claim(draft, user, status):
    # Two reviewers clicking at once: only one UPDATE finds the draft still open.
    return CatalogDraft.objects.filter(pk=draft.pk, status=CatalogDraft.Status.DRAFT).update(
        status=status, decided_by=user, decided_at=timezone.now())


@transaction.atomic
def catalog_draft_publish(*, draft, user):
    """Make the draft the provider's current version, as load_catalog imports a file. Only a
    member other than the paster may, and only while the draft's base is still the current
    version (else the draft would silently undo what came in since)."""
    if draft.pasted_by_id == user.pk:
        raise DraftError("A draft is published by a different member than the one who pasted it.")
    if not _claim(draft, user, CatalogDraft.Status.PUBLISHED):
        raise DraftError("This draft was already published or discarded.")
    current = selectors.version_latest(draft.provider)  # a refusal below rolls the claim back
    if current is None or current.pk != draft.base_id:
        raise DraftError(f"The catalog has changed since this draft was pasted (the current version is {current}). "
                         "Discard the draft and paste the table again.")
    try:
        check_document(draft.document)
        result = catalog_document_import(document=draft.document, source_file=f"pasted draft #{draft.pk}")
    except CatalogFileError as exc:
        raise DraftError(f"The draft cannot be published: {exc}") from exc
    if not result.created:
        raise DraftError(f"{result.version} exists already.")
    CatalogDraft.objects.filter(pk=draft.pk).update(version=result.version)
    return result.version


@transaction.atomic
def catalog_draft_discard(*, draft, user):
    """Set an open draft aside; it stays, with its paste, for the record."""
    if not _claim(draft, user, CatalogDraft.Status.DISCARDED):
        raise DraftError("This draft was already published or discarded.")
