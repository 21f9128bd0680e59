"""Reads for the catalog. The catalog is reference data shared by every organization."""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .diff import diff_catalogs, is_empty
from .limitations import limitations_of, texts
from .models import CatalogDraft, CatalogVersion, EndpointEntry, FeatureEntry, Provider
from .provenance import provenance_of
from .taxonomy import ENDPOINT_COLUMNS, FEATURE_COLUMNS, OPTIONAL_COLUMNS


def versions_of(provider):
    return CatalogVersion.objects.filter(provider=provider).order_by("-as_of")


def version_latest(provider):
    """The newest version of `provider`'s catalog, or None while none is loaded."""
    return versions_of(provider).first()


class CatalogNotLoaded(Exception):
    """No version of the provider's catalog is loaded: there is nothing to check a request against."""


def version_current(provider):
    """The newest version of `provider`'s catalog, the one requests are checked against."""
    version = version_latest(provider)
    if version is None:
        raise CatalogNotLoaded(f"No catalog has been loaded for {provider!r} yet.")
    return version


def version_get(*, provider, version_id):
    return get_object_or_404(versions_of(provider), pk=version_id)


def is_stale(version, *, today=None):
    today = today or timezone.localdate()
    return today - version.as_of > timedelta(days=settings.CATALOG_STALE_AFTER_DAYS)


def catalog_document(version):
    """The version in the data file's shape: what the JSON endpoint serves and diffs compare. An
    optional column a row leaves at its default is left out, as the file leaves it out, so a
    version 1 file's document is that file."""
    document = {
        "provider": version.provider,
        "as_of": version.as_of.isoformat(),
        "as_of_approximate": version.as_of_approximate,
        "title": version.title,
        "sources": version.sources,
        "notes": version.notes,
        "endpoints": _rows(EndpointEntry, version, ENDPOINT_COLUMNS),
        "features": _rows(FeatureEntry, version, FEATURE_COLUMNS),
    }
    if version.schema_version > 1:
        document.update(schema_version=version.schema_version, changelog=version.changelog,
                        controls=version.controls, baa=version.baa)
    return document


def _rows(model, version, columns):
    rows = model.objects.filter(version=version).order_by("position").values(*columns)
    return [{k: v for k, v in row.items() if k not in OPTIONAL_COLUMNS or v != OPTIONAL_COLUMNS[k]} for row in rows]


# Pages. The catalog is a few dozen rows per version, so the pages load a version's rows in two
# queries and filter and join them in Python: the query count stays flat as tables grow, and the
# same search works on SQLite and PostgreSQL (limitations are a JSON list).

SEARCHED_FIELDS = ["path", "name", "family", "remediation"]


def provider_label(provider):
    """The provider's display name; 404 for a provider the portal does not know."""
    if provider not in Provider.values:
        raise Http404("No such provider.")
    return Provider(provider).label


def age_in_days(version, *, today=None):
    return ((today or timezone.localdate()) - version.as_of).days


def endpoints_with_features(version):
    """The version's endpoints, each with `.applicable_features` (the features whose `endpoints`
    name its path), and all its features: two queries whatever the number of rows."""
    endpoints = list(EndpointEntry.objects.filter(version=version).order_by("position"))
    features = list(FeatureEntry.objects.filter(version=version).order_by("position"))
    head = {"sources": version.sources, "as_of": version.as_of.isoformat()}
    by_path = defaultdict(list)
    for feature in features:
        feature.source = provenance_of({"provenance": feature.provenance, "unconfirmed": feature.unconfirmed}, head)
        for path in feature.endpoints:
            by_path[path].append(feature)
    for endpoint in endpoints:
        endpoint.applicable_features = by_path[endpoint.path]
        endpoint.source = provenance_of({"provenance": endpoint.provenance}, head)
        # Each limitation with its own source; one without cites its row's.
        endpoint.limitation_items = [
            (lim, provenance_of({"provenance": lim.provenance}, head, parent=endpoint.source))
            for lim in limitations_of({"limitations": endpoint.limitations})
        ]
    return endpoints, features


def controls_of(version):
    """The controls the version lists (version 2 on), each with its Provenance as `.source`."""
    head = {"sources": version.sources, "as_of": version.as_of.isoformat()}
    return [{**control, "source": provenance_of(control, head)} for control in version.controls]


def families_of(endpoints):
    return sorted({e.family for e in endpoints})


def _mentions(endpoint, needle):
    haystack = [getattr(endpoint, field) for field in SEARCHED_FIELDS] + texts(endpoint.limitations)
    return any(needle in text.casefold() for text in haystack)


def endpoints_matching(endpoints, *, eligibility="", family="", q=""):
    """The endpoints with that ZDR eligibility, in that family, and mentioning `q` in their path,
    name, family, limitations or remediation (case-insensitive). Empty criteria match all."""
    needle = q.strip().casefold()
    return [
        e for e in endpoints
        if (not eligibility or e.zdr == eligibility)
        and (not family or e.family == family)
        and (not needle or _mentions(e, needle))
    ]


def versions_with_counts(provider):
    """The provider's versions, newest first, each with `.change_counts`: rows added, removed and
    changed since its previous version, from the diff recorded at import, and `.paste`: the draft
    it was published from (who pasted and who published it), None for a file."""
    versions = list(versions_of(provider).annotate(
        endpoint_count=Count("endpoints", distinct=True), feature_count=Count("features", distinct=True)
    ).select_related("pasted_draft__pasted_by", "pasted_draft__decided_by"))
    for version in versions:
        version.paste = getattr(version, "pasted_draft", None)
        parts = version.changes.values() if version.previous_id else []
        version.change_counts = {
            kind: sum(len(part.get(kind, [])) for part in parts) for kind in ("added", "removed", "changed")
        }
    return versions


def comparison(old, new):
    """What changed from version `old` to version `new` (any two, either order), with the full
    rows of the added and removed entries so a page can name them."""
    return document_comparison(catalog_document(old), catalog_document(new))


def document_comparison(old_doc, new_doc):
    """`comparison` for two catalog documents, such as a version's and a pasted draft's."""
    diff = diff_catalogs(old_doc, new_doc)
    result = {}
    for part, key in (("endpoints", "path"), ("features", "key")):
        old_rows = {row[key]: row for row in old_doc[part]}
        new_rows = {row[key]: row for row in new_doc[part]}
        result[part] = {
            "added": [new_rows[k] for k in diff[part]["added"]],
            "removed": [old_rows[k] for k in diff[part]["removed"]],
            "changed": [
                {"key": c["key"], "name": new_rows[c["key"]]["name"], "fields": c["fields"]}
                for c in diff[part]["changed"]
            ],
        }
    result["empty"] = is_empty(diff)
    newer = new_doc if str(new_doc["as_of"]) >= str(old_doc["as_of"]) else old_doc
    result["changelog"] = [
        {**change, "source": provenance_of(change, newer)} for change in newer.get("changelog") or ()
        if min(str(old_doc["as_of"]), str(new_doc["as_of"])) < change["date"] or _names_a_row(change, diff)
    ]
    return result


def _names_a_row(change, diff):
    """A change dated before the older version still explains a row the diff shows (a correction)."""
    rows = {k if isinstance(k, str) else k["key"] for part in diff.values() for kind in part.values() for k in kind}
    return any(key in rows for key in (*change.get("endpoints", ()), *change.get("features", ())))


# Drafts pasted from the provider's page belong to the organization of the owner who pasted them.


def drafts_of(*, organization, provider):
    return CatalogDraft.objects.filter(organization=organization, provider=provider)


def drafts_open(*, organization, provider):
    return drafts_of(organization=organization, provider=provider).filter(
        status=CatalogDraft.Status.DRAFT).select_related("pasted_by")


def draft_get(*, organization, provider, draft_id):
    """The organization's draft, or 404 (another organization's draft included)."""
    drafts = drafts_of(organization=organization, provider=provider)
    return get_object_or_404(drafts.select_related("pasted_by", "decided_by", "base", "version"), pk=draft_id)

