"""Reading the provider's eligibility table from what a person pasted: the page's HTML, a Markdown
pipe table, or the tab-separated text a browser copies from a table. Pure: text in, cells out.

The result is the table's header and its rows of cell texts (whitespace collapsed, markup and
footnote superscripts gone). Which column is which is `columns_of`'s business; what a cell means
is drafting.py's."""

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

MAX_PASTE_BYTES = 1_000_000
# A hostile colspan or rowspan must not blow a 1 MB paste up into gigabytes of cells.
MAX_COLSPAN, MAX_ROWSPAN = 20, 500


class PasteError(ValueError):
    """Nothing usable was pasted; the message says what to paste instead."""


@dataclass
class PastedTable:
    format: str  # "html", "markdown" or "tsv"
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)


# Header words -> catalog column. Order matters: "modified abuse monitoring" before "abuse",
# "Eyes Off / Safety Retention" before anything that says "retention".
HEADER_WORDS = [
    ("eyes_off", ("eyes off", "private retention", "safety retention")),
    ("mam", ("modified abuse", "mam")),
    ("abuse_monitoring_retention", ("abuse",)),
    ("application_state_retention", ("application state", "application-state", "app state")),
    ("zdr", ("zdr", "zero data retention")),
    ("training_use", ("training",)),
    ("path", ("endpoint", "path")),
]


def _header_key(text):
    words = re.sub(r"[^a-z0-9 /-]+", " ", text.casefold())
    words = " ".join(words.split())
    for column, needles in HEADER_WORDS:
        if any(re.search(rf"(^|[ /(-]){re.escape(n)}($|[ /)s-])", words) for n in needles):
            return column
    return None


def columns_of(header):
    """Map the header to catalog columns: ({index: column}, [headers of ignored columns]).
    The first column that claims a catalog column wins; later ones are ignored."""
    mapping, ignored = {}, []
    for index, text in enumerate(header):
        column = _header_key(text)
        if column is None or column in mapping.values():
            ignored.append(text or f"(column {index + 1})")
        else:
            mapping[index] = column
    return mapping, ignored


def read_table(text):
    """The first table in `text` that has a column for the endpoint path, or PasteError."""
    if not text or not text.strip():
        raise PasteError("The paste is empty. Paste the endpoint table from the provider's page.")
    if len(text.encode("utf-8")) > MAX_PASTE_BYTES:
        raise PasteError("The paste is larger than 1 MB. Paste only the endpoint table, not the whole page.")
    tables = _html_tables(text) if re.search(r"<table\b", text, re.IGNORECASE) else (
        _markdown_tables(text) or _tsv_tables(text)
    )
    tables = [t for t in tables if t.header]
    if not tables:
        raise PasteError(
            "No table was found in the paste. Paste the page's HTML (a <table>), a Markdown table "
            "(| Endpoint | ... | with a |---| line under the header) or the table copied from the page."
        )
    for table in tables:
        if "path" in columns_of(table.header)[0].values():
            return table
    raise PasteError(
        f"The table has no column for the endpoint path (its header reads: {' | '.join(tables[0].header)}). "
        "Paste the table whose first column is the endpoint, e.g. /v1/responses."
    )


def clean(text):
    """A cell's words: whitespace collapsed, Markdown emphasis, code and links reduced to text."""
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|`)", "", text)
    return " ".join(html.unescape(text.replace("\\|", "|")).split())


# Markdown and tab-separated text


_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def _pipe_cells(line):
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells, current, in_code = [], [], False
    for index, char in enumerate(line):
        if char == "`":
            in_code = not in_code
        if char == "|" and not in_code and (index == 0 or line[index - 1] != "\\"):
            cells.append(current)
            current = []
        else:
            current.append(char)
    cells.append(current)
    return [clean("".join(cell)) for cell in cells]


def _markdown_tables(text):
    lines = text.splitlines()
    tables, index = [], 0
    while index < len(lines) - 1:
        if "|" in lines[index] and _SEPARATOR.match(lines[index + 1]):
            table = PastedTable("markdown", _pipe_cells(lines[index]))
            index += 2
            while index < len(lines) and "|" in lines[index] and lines[index].strip():
                table.rows.append(_pipe_cells(lines[index]))
                index += 1
            tables.append(table)
        else:
            index += 1
    return tables


def _tsv_tables(text):
    tables, current = [], None
    for line in text.splitlines():
        if "\t" in line:
            cells = [clean(cell) for cell in line.split("\t")]
            if current is None:
                current = PastedTable("tsv", cells)
                tables.append(current)
            else:
                current.rows.append(cells)
        elif line.strip():
            current = None
    return tables


# HTML


class _TableReader(HTMLParser):
    """Collects the cells of every outermost <table>; a nested table's text joins its cell."""

    SKIPPED = {"script", "style", "sup", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.depth, self.skipping = [], 0, 0
        self.row = self.cell = None

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.tables.append([])
        elif self.depth != 1:
            self._text(" " if tag == "br" else "")
        elif tag == "tr":
            self._end_row()
            self.row = []
        elif tag in ("td", "th"):
            self._end_cell()
            if self.row is None:
                self.row = []
            attrs = dict(attrs)
            self.cell = [[], _span(attrs.get("colspan"), MAX_COLSPAN), _span(attrs.get("rowspan"), MAX_ROWSPAN)]
        elif tag in ("br", "p", "li", "div"):
            self._text(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "table":
            if self.depth == 1:
                self._end_row()
            self.depth = max(0, self.depth - 1)
        elif self.depth == 1 and tag in ("td", "th"):
            self._end_cell()
        elif self.depth == 1 and tag == "tr":
            self._end_row()

    def handle_data(self, data):
        self._text(data)

    def _text(self, data):
        if self.cell is not None and not self.skipping:
            self.cell[0].append(data)

    def _end_cell(self):
        if self.cell is not None and self.row is not None:
            self.row.append((" ".join("".join(self.cell[0]).split()), self.cell[1], self.cell[2]))
        self.cell = None

    def _end_row(self):
        self._end_cell()
        if self.row and self.tables:
            self.tables[-1].append(self.row)
        self.row = None


def _span(value, limit):
    try:
        return min(max(int(value), 1), limit)
    except (TypeError, ValueError):
        return 1


def _grid(rows):
    """Spread colspan and rowspan cells over the columns and rows they cover."""
    grid, carried = [], {}  # column -> (text, rows still to fill)
    for cells in rows:
        out, queue = [], list(cells)
        while queue or any(column >= len(out) for column in carried):
            column = len(out)
            if column in carried:
                text, left = carried.pop(column)
                if left > 1:
                    carried[column] = (text, left - 1)
                out.append(text)
            elif not queue:
                out.append("")
            else:
                text, colspan, rowspan = queue.pop(0)
                for _ in range(colspan):
                    if rowspan > 1:
                        carried[len(out)] = (text, rowspan - 1)
                    out.append(text)
        grid.append(out)
    return grid


def _html_tables(text):
    reader = _TableReader()
    reader.feed(text)
    reader.close()
    reader._end_row()
    tables = []
    for rows in reader.tables:
        grid = _grid(rows)
        if grid:
            tables.append(PastedTable("html", grid[0], grid[1:]))
    return tables
