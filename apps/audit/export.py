"""The owner's CSV of a request's whole history: one line per changed field of every save."""

import csv

from .present import Presenter, label, who

HEADER = ["when", "who", "object type", "object id", "action", "field", "before", "after"]
# A spreadsheet runs a cell that starts like a formula: such cells start with a quote instead.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def history_csv(entries, names, target):
    """Write `entries` (oldest first) to the file-like `target`."""
    presenter = Presenter(entries, names)
    writer = csv.writer(target)
    writer.writerow(HEADER)
    for entry in entries:
        line = [entry.at.isoformat(), who(entry.user, email=True), entry.followed.label, entry.object_id, entry.action]
        fields = [(label(c.field), presenter.value(c.field, c.before),
                   presenter.value(c.field, c.after)) for c in entry.changes]
        for field in fields or [("", "", "")]:
            writer.writerow([cell(value) for value in (*line, *field)])
