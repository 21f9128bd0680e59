"""Reads for the catalog. The catalog is reference data shared by every organization."""

from datetime import timedelta

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import CatalogVersion, EndpointEntry, FeatureEntry, Provider

ENDPOINT_EXPORT = [
    "path", "name", "family", "abuse_monitoring_retention", "application_state_retention", "zdr", "zdr_note",
    "eyes_off", "mam", "training_use", "limitations", "remediation",
]
FEATURE_EXPORT = [
    "key", "name", "endpoints", "under_zdr", "under_zdr_text", "under_mam", "under_mam_text", "remediation",
    "unconfirmed", "history",
]


def versions_of(provider):
    return CatalogVersion.objects.filter(provider=provider).order_by("-as_of")


def version_current(provider):
    """The newest version of `provider`'s catalog; 404 for an unknown provider or none loaded."""
    if provider not in Provider.values:
        raise Http404("No such provider.")
    version = versions_of(provider).first()
    if version is None:
        raise Http404("No catalog has been loaded for this provider yet.")
    return version


def version_get(*, provider, version_id):
    return get_object_or_404(versions_of(provider), pk=version_id)


def is_stale(version, *, today=None):
    today = today or timezone.localdate()
    return today - version.as_of > timedelta(days=settings.CATALOG_STALE_AFTER_DAYS)


def catalog_document(version):
    """The version in the data file's shape: what the JSON endpoint serves and diffs compare."""
    return {
        "provider": version.provider,
        "as_of": version.as_of.isoformat(),
        "title": version.title,
        "sources": version.sources,
        "notes": version.notes,
        "endpoints": list(EndpointEntry.objects.filter(version=version).order_by("position").values(*ENDPOINT_EXPORT)),
        "features": list(FeatureEntry.objects.filter(version=version).order_by("position").values(*FEATURE_EXPORT)),
    }
