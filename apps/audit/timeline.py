"""From history rows to what happened, as pure functions (no database): each object's rows, oldest
first, become entries (created, changed, removed) with the before and after of every changed field."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

# Autosave writes a row for every pause in typing: one person's consecutive saves of one object
# that follow each other within this window read as one change (the CSV keeps every row).
MERGE_WINDOW = timedelta(minutes=10)


@dataclass
class Change:
    field: object  # the followed model's field
    before: object
    after: object

    @property
    def reverted(self):
        return self.before == self.after


@dataclass
class Entry:
    followed: object
    object_id: int
    action: str  # created, changed, removed, or "recorded" (first row of an object older than its history)
    at: datetime
    user: object
    history_id: int
    changes: list = field(default_factory=list)
    saves: int = 1
    since: datetime | None = None  # a merged entry: the time of its first save

    @property
    def key(self):
        return (self.at, self.history_id)


def filled(value):
    return value not in (None, "", [], {})


def object_entries(followed, rows, fields):
    """The entries of one object from its history rows (oldest first). A save that changed none of
    `fields` makes no entry."""
    entries, previous = [], None
    for row in rows:
        values = {f.attname: getattr(row, f.attname) for f in fields}
        if row.history_type == "-":
            action, changes = "removed", []
        elif previous is None:
            action = "created" if row.history_type == "+" else "recorded"
            changes = [Change(f, None, values[f.attname]) for f in fields if filled(values[f.attname])]
        else:
            action = "changed"
            changes = [Change(f, previous[f.attname], values[f.attname]) for f in fields
                       if previous[f.attname] != values[f.attname]]
        previous = values
        if action == "changed" and not changes:
            continue
        entries.append(Entry(followed=followed, object_id=row.id, action=action, at=row.history_date,
                             user=row.history_user, history_id=row.history_id, changes=changes))
    return entries


def merged(entries, window=MERGE_WINDOW):
    """One object's entries (oldest first) with consecutive changes by the same person, each within
    `window` of the one before, folded into one: the first before and the last after per field."""
    out = []
    for entry in entries:
        last = out[-1] if out else None
        if (last is not None and last.action == entry.action == "changed" and _user_id(last) == _user_id(entry)
                and entry.at - last.at <= window):
            out[-1] = _fold(last, entry)
        else:
            out.append(entry)
    return out


def _user_id(entry):
    return getattr(entry.user, "pk", None)


def _fold(first, second):
    changes = {change.field.attname: Change(change.field, change.before, change.after) for change in first.changes}
    for change in second.changes:
        known = changes.get(change.field.attname)
        changes[change.field.attname] = Change(change.field, known.before if known else change.before, change.after)
    return Entry(followed=first.followed, object_id=first.object_id, action="changed", at=second.at,
                 user=second.user, history_id=second.history_id,
                 changes=sorted(changes.values(), key=lambda change: change.field.creation_counter),
                 saves=first.saves + second.saves, since=first.since or first.at)


def newest_first(entries):
    return sorted(entries, key=lambda entry: entry.key, reverse=True)
