"""What changed between two catalog versions: a pure function over the versions' rows."""

from .limitations import limitations_of
from .taxonomy import ENDPOINT_COLUMNS, FEATURE_COLUMNS, OPTIONAL_COLUMNS


def _comparable(row, field):
    """The value a diff compares. A limitation is its text and features: a source added to the
    same words is not a rule change. A row without its own source (a version 1 file) has nothing
    to compare its successor's source with, so gaining one is not a change either."""
    if field == "limitations":
        return [(lim.text, lim.features) for lim in limitations_of(row)]
    return _value(row, field)


def _value(row, field):
    # A version 1 row, or a file that leaves an optional column out, has the column's default.
    return row.get(field, OPTIONAL_COLUMNS.get(field))


def _changed(old_row, new_row, field):
    if field == "provenance" and not old_row.get(field):
        return False
    return _comparable(old_row, field) != _comparable(new_row, field)


def _diff_rows(old, new, fields):
    # Rows are matched by their key, which is among `fields`: it never shows as changed.
    old_keys, new_keys = set(old), set(new)
    changed = []
    for key in [k for k in new if k in old_keys]:
        before, after = old[key], new[key]
        fields_changed = {f: [_value(before, f), _value(after, f)] for f in fields if _changed(before, after, f)}
        if fields_changed:
            changed.append({"key": key, "fields": fields_changed})
    return {
        "added": [k for k in new if k not in old_keys],
        "removed": [k for k in old if k not in new_keys],
        "changed": changed,
    }


def diff_catalogs(old, new):
    """`old` and `new` are catalog documents (the data file's shape). Returns, for endpoints
    (keyed by path) and features (keyed by key), the rows added, removed, and changed with each
    changed field's old and new value."""
    return {
        "endpoints": _diff_rows(
            {e["path"]: e for e in old.get("endpoints", [])}, {e["path"]: e for e in new["endpoints"]}, ENDPOINT_COLUMNS
        ),
        "features": _diff_rows(
            {f["key"]: f for f in old.get("features", [])}, {f["key"]: f for f in new["features"]}, FEATURE_COLUMNS
        ),
    }


def is_empty(diff):
    return not any(part[kind] for part in diff.values() for kind in ("added", "removed", "changed"))
