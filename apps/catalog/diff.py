"""What changed between two catalog versions: a pure function over the versions' rows."""

from .taxonomy import ENDPOINT_COLUMNS, FEATURE_COLUMNS


def _diff_rows(old, new, fields):
    # Rows are matched by their key, which is among `fields`: it never shows as changed.
    old_keys, new_keys = set(old), set(new)
    changed = []
    for key in [k for k in new if k in old_keys]:
        fields_changed = {f: [old[key].get(f), new[key].get(f)] for f in fields if old[key].get(f) != new[key].get(f)}
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

