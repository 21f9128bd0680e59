"""A draft catalog document from a pasted table and the current version: pure, no database.

Rows are matched by path. A pasted row updates the cells it has and keeps the rest of the current
row (name, family, limitations, remediation: the provider's table does not carry them); a path the
current version lacks becomes a new row; a current path the paste lacks is removed. A cell that
cannot be read keeps the current value and is listed with its row, column and raw text, so the
reviewer sees exactly what the portal did not take over."""

import copy
import re
from dataclasses import dataclass, field

from .paste import columns_of

PATH = re.compile(r"/v1(?:/[A-Za-z0-9_.{}-]+)+")
FOOTNOTES = re.compile(r"(\s*(\[\d+\]|\(\d+\)|[*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+))+$")
RETENTION = re.compile(r"^(none|not retained|until deleted|indefinite(ly)?|zero|\d+\s*(days?|hours?|h|minutes?|min))\b",
                       re.IGNORECASE)
ELIGIBILITY = re.compile(r"^(yes,?\s*\(?with limitations\)?|limited|yes|no)(?!\w)[\s,;:.-]*(.*)$", re.IGNORECASE)
YES, NO = ("✓", "✔", "☑"), ("✗", "✘", "✕", "×", "❌")
# The table gives no MAM column: MAM covers customer content on every endpoint (reference, 1).
DEFAULTS = {"mam": "yes", "eyes_off": "no", "training_use": False, "limitations": [], "remediation": ""}
REQUIRED_FOR_NEW = ("abuse_monitoring_retention", "application_state_retention", "zdr")


@dataclass
class Draft:
    document: dict
    unparsed: list = field(default_factory=list)  # {"row", "path", "column", "raw", "reason"}
    ignored_columns: list = field(default_factory=list)
    assumed: list = field(default_factory=list)  # what added rows got that the page does not say


class CellError(ValueError):
    pass


def _words(raw):
    return FOOTNOTES.sub("", " ".join(raw.split())).strip()


def parse_path(raw):
    found = {re.sub(r"/\{[^}]*\}", "", p).rstrip("/").lower() for p in PATH.findall(raw)}
    if not found:
        raise CellError("no /v1/… path in the cell")
    if len(found) > 1:
        raise CellError("several paths in one cell")
    path = found.pop()
    if not re.fullmatch(r"/v1/[a-z0-9_/]+", path):
        raise CellError("not a path the catalog can hold")
    return path


def parse_retention(raw):
    text = _words(raw)
    if not RETENTION.match(text) or len(text) > 200:
        raise CellError("not a retention (None, N days, Until deleted, …)")
    return text


def parse_eligibility(raw):
    """(yes|limited|no, the cell's other words): "Yes, with limitations" is limited."""
    text = _words(raw)
    match = ELIGIBILITY.match(text)
    if match:
        value = {"yes": "yes", "no": "no"}.get(match.group(1).lower(), "limited")
        rest = match.group(2).strip()
        return value, rest[1:-1] if rest.startswith("(") and rest.endswith(")") else rest
    if text in YES or text in NO:
        return ("yes" if text in YES else "no"), ""
    raise CellError("not Yes, Yes with limitations or No")


def parse_training(raw):
    value, _ = parse_eligibility(raw)
    if value == "limited":
        raise CellError("neither Yes nor No")
    return value == "yes"


def _eligibility_cells(column):
    def read(raw):
        value, note = parse_eligibility(raw)
        return {column: value, "zdr_note": note[:500]} if column == "zdr" else {column: value}

    return read


# Each pasted column -> the row's fields it sets. Eyes Off's extra words have no field to go in.
READERS = {
    "abuse_monitoring_retention": lambda raw: {"abuse_monitoring_retention": parse_retention(raw)},
    "application_state_retention": lambda raw: {"application_state_retention": parse_retention(raw)},
    "zdr": _eligibility_cells("zdr"),
    "eyes_off": _eligibility_cells("eyes_off"),
    "mam": _eligibility_cells("mam"),
    "training_use": lambda raw: {"training_use": parse_training(raw)},
}


def _name_of(path):
    words = " ".join(part.replace("_", " ") for part in path.split("/")[2:])
    return words[:1].upper() + words[1:]


def _family_of(path, families, base_rows):
    """The path's first segment when it names a family (batches -> batch), else the family of a
    current row under the same first segment; None when neither says."""
    first = path.split("/")[2]
    for candidate in (first, re.sub(r"s$", "", first), re.sub(r"es$", "", first)):
        if candidate in families:
            return candidate
    return next((r["family"] for r in base_rows if r["path"].split("/")[2] == first), None)


def draft_document(base, table, *, as_of, notes, provenance, columns, families):
    """`base` is the current version's document; `table` a PastedTable. `provenance` is what a
    row the paste creates or changes carries, limited to its keys among the rows' `columns` so the
    rows keep the schema's shape; `families` are the families a new row may be put in."""
    provenance = {key: value for key, value in provenance.items() if key in columns}
    mapping, ignored = columns_of(table.header)
    header = {column: table.header[index] for index, column in mapping.items()}
    base_rows = {row["path"]: row for row in base["endpoints"]}
    draft = Draft(document=None, ignored_columns=ignored)
    rows, seen = [], {}

    def miss(number, path, column, raw, reason):
        draft.unparsed.append({"row": number, "path": path, "column": header.get(column, column),
                               "raw": raw, "reason": reason})

    for number, cells in enumerate(table.rows, start=1):
        cells = {column: cells[index] if index < len(cells) else "" for index, column in mapping.items()}
        if not any(c.strip() for c in cells.values()):
            continue
        try:
            path = parse_path(cells["path"])
        except CellError as exc:
            miss(number, "", "path", cells["path"], f"{exc}; the row was left out")
            continue
        if path in seen:
            miss(number, path, "path", cells["path"], f"the same path as row {seen[path]}; the row was left out")
            continue
        seen[path] = number
        existing = base_rows.get(path)
        row = copy.deepcopy(existing) if existing else {"path": path, "name": _name_of(path), "zdr_note": "",
                                                         **copy.deepcopy(DEFAULTS)}
        failed = []
        for column, raw in cells.items():
            if column == "path":
                continue
            try:
                row.update(READERS[column](raw))
            except CellError as exc:
                failed.append(column)
                miss(number, path, column, raw, f"{exc}; {_instead(existing, column)}")
        if existing is None and not _complete_new_row(row, path, number, failed, families, base, draft, miss):
            continue
        if row["zdr"] == "no" and not row["remediation"]:
            row["remediation"] = "Not eligible for ZDR per the provider's table; no remediation is recorded yet."
        if row != existing:
            row.update(copy.deepcopy(provenance))
        rows.append(row)

    document = {**copy.deepcopy(base), "as_of": as_of, "as_of_approximate": False, "notes": notes, "endpoints": rows}
    kept = {row["path"] for row in rows}
    document["features"] = _features_for(document["features"], kept)
    draft.document = document
    return draft


def _instead(existing, column):
    if existing:
        return "kept the current value"
    return "the row was left out" if column in REQUIRED_FOR_NEW else f"used the default ({DEFAULTS[column]})"


def _complete_new_row(row, path, number, failed, families, base, draft, miss):
    if any(column in failed for column in REQUIRED_FOR_NEW):
        return False
    missing = [column for column in REQUIRED_FOR_NEW if column not in row]
    if missing:
        miss(number, path, missing[0], "", "the table has no such column, so a new row cannot be added")
        return False
    family = _family_of(path, families, base["endpoints"])
    if family is None:
        miss(number, path, "family", path, "no family fits this new path; add it with load_catalog")
        return False
    row["family"] = family
    draft.assumed.append({"path": path, "name": row["name"], "family": family, "mam": row["mam"],
                          "eyes_off": row["eyes_off"]})
    return True


def _features_for(features, paths):
    """Features keep the endpoints that are still listed; a feature left with none goes too."""
    kept = []
    for feature in copy.deepcopy(features):
        feature["endpoints"] = [p for p in feature["endpoints"] if p in paths]
        if feature["endpoints"]:
            kept.append(feature)
    return kept
