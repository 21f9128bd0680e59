"""History entries as text for people (the page) and for spreadsheets (the CSV)."""

import json
import os
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst

from apps.catalog.models import CatalogVersion

from .registry import FOLLOWED_BY_MODEL, VOCABULARIES

PORTAL = "the portal"  # rows written by the worker or a command: no person made them
# Field labels the models' verbose names do not spell well.
LABELS = {"sha256": "SHA-256", "pdf": "PDF", "is_draft": "Draft"}
ACTIONS = {"created": "added", "changed": "changed", "removed": "removed", "recorded": "first recorded"}


@dataclass
class ShownChange:
    label: str
    before: str
    after: str
    reverted: bool


@dataclass
class ShownEntry:
    at: datetime
    since: datetime | None
    who: str
    action: str
    type: str
    name: str
    saves: int
    changes: list


class Presenter:
    """Formats the values of some entries; the users and catalog versions they mention are read
    in one query each."""

    def __init__(self, entries, names):
        self.names = names
        user_ids, catalog_ids = set(), set()
        for entry in entries:
            for change in entry.changes:
                related = change.field.related_model if change.field.is_relation else None
                ids = user_ids if related is get_user_model() else catalog_ids if related is CatalogVersion else None
                if ids is not None:
                    ids.update(v for v in (change.before, change.after) if v is not None)
        self.users = get_user_model().objects.in_bulk(user_ids) if user_ids else {}
        self.catalogs = CatalogVersion.objects.in_bulk(catalog_ids) if catalog_ids else {}

    def entry(self, entry):
        moved = entry.action == "changed" and {c.field.name for c in entry.changes} == {"position"}
        return ShownEntry(
            at=entry.at, since=entry.since, who=who(entry.user), action="moved" if moved else ACTIONS[entry.action],
            type=entry.followed.label, name=self.name(entry), saves=entry.saves,
            changes=[ShownChange(label(c.field), self.value(c.field, c.before),
                                 self.value(c.field, c.after), c.reverted) for c in entry.changes],
        )

    def name(self, entry):
        return self.names.get((entry.followed.model, entry.object_id), f"#{entry.object_id}")

    def value(self, field, value):
        if value in (None, "", [], {}):
            return ""
        if field.is_relation:
            return self.reference(field.related_model, value)
        labels = dict(field.flatchoices) if field.choices else VOCABULARIES.get((field.model, field.name))
        if labels:
            values = value if isinstance(value, list) else [value]
            return ", ".join(str(labels.get(v, v)) for v in values)
        return plain(value, field)

    def reference(self, model, pk):
        if model is get_user_model():
            user = self.users.get(pk)
            return user.get_full_name() if user else f"user #{pk}"
        if model is CatalogVersion:
            version = self.catalogs.get(pk)
            return f"{version.get_provider_display()} catalog of {version.as_of}" if version else f"catalog #{pk}"
        if model in FOLLOWED_BY_MODEL:
            return self.names.get((model, pk)) or f"{FOLLOWED_BY_MODEL[model].label} #{pk}"
        return f"#{pk}"


def label(field):
    return LABELS.get(field.name) or capfirst(field.verbose_name)


def who(user, *, email=False):
    if user is None:
        return PORTAL
    return user.email if email else user.get_full_name()


def plain(value, field=None):
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if isinstance(field, models.FileField):
        return os.path.basename(str(value))
    return str(value)
