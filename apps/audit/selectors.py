"""Reads for the audit trail: a request's whole history in one query per followed model, however
long it grows. Rows of deleted parts are found too: a history row keeps its request_id."""

from itertools import groupby
from operator import attrgetter

from django.db.models import IntegerField, Value
from django.shortcuts import get_object_or_404

from apps.packets.models import PacketVersion
from apps.tracking.models import Approval
from apps.workspace.selectors import requests_for

from .registry import FOLLOWED_BY_MODEL, ON_REQUEST_PAGES
from .timeline import merged, newest_first, object_entries

# Parts that hang off another part: their rows are found through that part's history rows, so
# the sign-offs of a deleted packet version are still found.
VIA = {"version": (PacketVersion, "version_id"), "approval": (Approval, "approval_id")}


def request_for_history(*, organization, request_id):
    """The request alone, through the member's organization: its history holds its parts."""
    return get_object_or_404(requests_for(organization), pk=request_id)


def history_rows(followed, request_id):
    rows = followed.history.objects.select_related("history_user")
    if followed.link in ("self", "request"):
        rows = rows.filter(**{"id" if followed.link == "self" else "request_id": request_id})
    else:
        parent, column = VIA[followed.link]
        rows = rows.filter(**{f"{column}__in": parent.history.filter(request_id=request_id).values("id")})
    return rows.order_by("id", "history_date", "history_id")


def fields_of(followed, *, hidden):
    """The fields whose changes are told: all that history keeps, or without the `hidden` ones."""
    skip = {"id", "request", *followed.excluded, *(() if hidden else followed.hidden)}
    return [f for f in followed.model._meta.concrete_fields if f.name not in skip]


class RequestHistory:
    """Every history row of one request and its parts, and the entries they make."""

    def __init__(self, zdr_request):
        self.rows = {followed: list(history_rows(followed, zdr_request.pk)) for followed in ON_REQUEST_PAGES}
        # Each object's latest name (rows run oldest first, so the last one wins), for entries and references.
        self.names = {(followed.model, row.id): followed.name(row) for followed, rows in self.rows.items()
                      for row in rows}

    def _entries(self, *, for_page):
        entries = []
        for followed, rows in self.rows.items():
            fields = fields_of(followed, hidden=not for_page)
            for _, object_rows in groupby(rows, key=attrgetter("id")):
                found = object_entries(followed, object_rows, fields)
                entries.extend(merged(found) if for_page and followed.autosaved else found)
        return entries

    def page_entries(self):
        """Newest first; one person's run of autosaves of one wizard object reads as one entry."""
        return newest_first(self._entries(for_page=True))

    def export_entries(self):
        """Oldest first; every save, with every field history keeps."""
        return newest_first(self._entries(for_page=False))[::-1]


class PagedHistory:
    """A request's History page read in the database, newest first, a page at a time.

    One UNION query over the followed tables picks the page's saves (history rows) and one counts
    them; then, for each table that has a save on the page, one query reads those objects' rows up
    to the newest one shown (so each save is compared with the one before it). What a page reads
    depends on the page, not on how long the history is. A page holds `per_page` saves: a save
    that changed nothing shown makes no entry, and a run of autosaves on one page reads as one."""

    def __init__(self, zdr_request):
        self.tables = list(ON_REQUEST_PAGES)
        self.request_id = zdr_request.pk
        keys = [history_rows(followed, self.request_id).order_by()
                .values_list("history_id", "history_date").annotate(table=Value(i, output_field=IntegerField()))
                for i, followed in enumerate(self.tables)]
        self.keys = keys[0].union(*keys[1:], all=True)
        self.names = {}

    def count(self):
        return self.keys.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        page = list(self.keys.order_by("-history_date", "-history_id")[index])
        shown = {(table, history_id) for history_id, _, table in page}
        entries = []
        for table in sorted({table for _, _, table in page}):
            followed = self.tables[table]
            newest = max(history_id for history_id, _, t in page if t == table)
            ids = {history_id for history_id, _, t in page if t == table}
            objects = followed.history.objects.filter(history_id__in=ids).values("id")
            rows = list(history_rows(followed, self.request_id).filter(id__in=objects, history_id__lte=newest))
            self.names.update({(followed.model, row.id): followed.name(row) for row in rows})
            fields = fields_of(followed, hidden=False)
            for _, object_rows in groupby(rows, key=attrgetter("id")):
                found = [e for e in object_entries(followed, object_rows, fields) if (table, e.history_id) in shown]
                entries.extend(merged(found) if followed.autosaved else found)
        self._name_references(entries)
        return newest_first(entries)

    def _name_references(self, entries):
        """Names of the parts the page's changes point to (a status change's packet version) whose
        own saves are on another page: one query per kind of part."""
        missing = {}
        for entry in entries:
            for change in entry.changes:
                model = change.field.related_model if change.field.is_relation else None
                if model in FOLLOWED_BY_MODEL:
                    missing.setdefault(model, set()).update(
                        pk for pk in (change.before, change.after) if pk is not None and (model, pk) not in self.names)
        for model, pks in missing.items():
            followed = FOLLOWED_BY_MODEL[model]
            for row in followed.history.objects.filter(id__in=pks).order_by("id", "history_date", "history_id"):
                self.names[(model, row.id)] = followed.name(row)  # the newest row of each object wins
