"""An organization's data as content, without primary keys: every row of every exported model as
a dict whose foreign keys are replaced by the identity of what they point to (a person's email, a
catalog version's provider and date, another row's own canonical content) and whose files are
their storage name and the SHA-256 of their bytes. Two organizations with equal canonical forms
hold the same data, whatever their keys."""

import hashlib
import json

from django.core.files.storage import default_storage
from django.db.models import FileField

from apps.catalog.models import CatalogVersion
from apps.orgdata.archive import ExactJSONEncoder
from apps.orgdata.scope import CATALOG_VERSION, USER, rows_of, scoped_models


def _dumps(value):
    return json.dumps(value, cls=ExactJSONEncoder, sort_keys=True)


def _file(value):
    if not value:
        return ""
    if not default_storage.exists(value.name):
        return {"name": value.name, "sha256": None}
    with default_storage.open(value.name, "rb") as stored:
        return {"name": value.name, "sha256": hashlib.sha256(stored.read()).hexdigest()}


class Canonical:
    def __init__(self):
        self.identities = {}
        self.people = set()
        self.catalog = set()

    def identity(self, model, pk):
        label = model._meta.label_lower
        if label == USER:
            user = model._base_manager.get(pk=pk)
            self.people.add((user.email, user.full_name))
            return ["person", user.email]
        if label == CATALOG_VERSION:
            version = model._base_manager.get(pk=pk)
            self.catalog.add(pk)
            return ["catalog", version.provider, version.as_of.isoformat()]
        key = (label, pk)
        if key not in self.identities:
            row = self.row(model, model._base_manager.get(pk=pk))
            self.identities[key] = hashlib.sha256(_dumps([label, row]).encode()).hexdigest()
        return [label, self.identities[key]]

    def row(self, model, obj):
        content = {}
        for field in model._meta.concrete_fields:
            if field.primary_key:
                continue
            value = getattr(obj, field.attname)
            if field.is_relation and value is not None:
                value = self.identity(field.related_model, value)
            elif isinstance(field, FileField):
                value = _file(value)
            content[field.name] = value
        return content

    def rows(self, queryset):
        return sorted(_dumps(self.row(queryset.model, obj)) for obj in queryset)

    def catalog_versions(self):
        versions = {}
        for version in CatalogVersion.objects.filter(pk__in=self.catalog):
            versions[f"{version.provider} {version.as_of}"] = {
                "version": self.row(CatalogVersion, version),
                "endpoints": self.rows(version.endpoints.all()),
                "features": self.rows(version.features.all()),
            }
        return versions


def canonical(organization):
    """{label: sorted canonical rows} for every exported model, plus the people and catalog versions
    the rows name (with all of a version's rows)."""
    form = Canonical()
    data = {model._meta.label_lower: form.rows(rows_of(model, organization)) for model in scoped_models()}
    data["people"] = sorted(form.people)
    data["catalog"] = form.catalog_versions()
    return data


def models_in(organization):
    """{label: primary keys} of the organization's rows, for checks that look for them elsewhere."""
    return {model._meta.label_lower: set(rows_of(model, organization).values_list("pk", flat=True))
            for model in scoped_models()}

