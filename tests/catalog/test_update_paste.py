"""The update assistant's parsing, without a database: the provider's table read from HTML,
Markdown or copied text, its cells understood, and a draft made of it against the current rows."""

import json

import pytest

from apps.catalog.diff import diff_catalogs, is_empty
from apps.catalog.drafting import CellError, draft_document, parse_eligibility, parse_path, parse_retention
from apps.catalog.paste import PasteError, columns_of, read_table
from apps.catalog.taxonomy import ENDPOINT_COLUMNS

from .pastes import html, markdown, newer_rows, shipped_rows
from .shipped import SHIPPED

ODD_MARKDOWN = """Some text before the table, with a | pipe in it.

| **Endpoint** | Abuse monitoring retention | Application state retention | ZDR eligible¹ | Notes |
|:--|:-:|---|---|---|
| `/v1/responses` | 30 days | None, see exceptions | Yes, with limitations* | see [the guide](https://x.test/a) |
| [/v1/files](https://x.test/files) | 30&nbsp;days | Until<br>deleted | No | a \\| b |
| /v1/moderations | None | None | `Yes` |
"""

ODD_HTML = """<html><body>
<table><tr><th>Control</th><th>Keeps</th></tr><tr><td>ZDR</td><td>nothing</td></tr></table>
<table>
 <thead><tr><th>Endpoint<sup>1</sup></th><th>Abuse monitoring retention</th>
   <th>Application state retention</th><th>ZDR eligible</th><th>Private Retention with PSP</th></tr></thead>
 <tbody>
  <tr><td><a href="/docs/responses"><code>/v1/responses</code></a></td><td>30&nbsp;days</td>
      <td rowspan="2">None, <em>see</em><br/>exceptions</td><td>Yes, with limitations<sup>2</sup></td><td>Yes</td></tr>
  <tr><td><code>/v1/chat/completions</code></td><td>30 days</td><td colspan="2">Yes &amp; no</td></tr>
  <tr><td>/v1/embeddings</td><td>30 days</td><td>None</td><td>Yes</td><td><span>No</span><script>x()</script></td></tr>
 </tbody>
</table></body></html>"""


def test_markdown_cells_lose_their_markup_and_keep_their_words():
    table = read_table(ODD_MARKDOWN)

    assert table.format == "markdown"
    assert table.header[0] == "Endpoint" and table.header[3] == "ZDR eligible¹"
    assert table.rows[0] == ["/v1/responses", "30 days", "None, see exceptions", "Yes, with limitations*",
                             "see the guide"]
    assert table.rows[1] == ["/v1/files", "30 days", "Until deleted", "No", "a | b"]
    assert table.rows[2] == ["/v1/moderations", "None", "None", "Yes"]


def test_html_reads_the_endpoint_table_with_spans_footnotes_and_entities():
    table = read_table(ODD_HTML)

    assert table.format == "html"
    assert table.header == ["Endpoint", "Abuse monitoring retention", "Application state retention", "ZDR eligible",
                            "Private Retention with PSP"]
    assert table.rows[0] == ["/v1/responses", "30 days", "None, see exceptions", "Yes, with limitations", "Yes"]
    # The rowspan carries "None, see exceptions" down; the colspan fills two columns.
    assert table.rows[1] == ["/v1/chat/completions", "30 days", "None, see exceptions", "Yes & no", "Yes & no"]
    assert table.rows[2] == ["/v1/embeddings", "30 days", "None", "Yes", "No"]


def test_a_table_copied_from_the_page_arrives_tab_separated():
    text = "Endpoint\tAbuse monitoring\tApplication state\tZDR\n/v1/embeddings\t30 days\tNone\tYes\n"

    table = read_table(text)

    assert table.format == "tsv" and table.rows == [["/v1/embeddings", "30 days", "None", "Yes"]]


@pytest.mark.parametrize(("text", "message"), [
    ("", "The paste is empty"),
    ("  \n\t ", "The paste is empty"),
    ("Endpoint retention is 30 days for most endpoints.", "No table was found"),
    ("<p>no table here</p>", "No table was found"),
    ("| Control | Keeps |\n|---|---|\n| MAM | nothing |", "no column for the endpoint path"),
    ("<table><tr><th>Control</th></tr><tr><td>ZDR</td></tr></table>", "its header reads: Control"),
    ("| Endpoint |\n|---|\n" + "| /v1/x |\n" * 120_000, "larger than 1 MB"),
])
def test_what_cannot_be_read_is_refused_with_a_message_that_says_why(text, message):
    with pytest.raises(PasteError, match=message):
        read_table(text)


def test_a_hostile_colspan_does_not_explode():
    table = read_table("<table><tr><th>Endpoint</th></tr><tr><td colspan='999999999' rowspan='99999'>/v1/x</td></tr>"
                       "</table>")

    assert len(table.rows[0]) == 20


def test_header_words_name_the_catalog_columns_and_others_are_ignored():
    mapping, ignored = columns_of(["API endpoint", "Modified abuse monitoring", "Abuse-monitoring retention",
                                   "App state", "Zero Data Retention", "Eyes Off / Safety Retention", "Notes",
                                   "Used for training", "ZDR with PSP"])

    assert mapping == {0: "path", 1: "mam", 2: "abuse_monitoring_retention", 3: "application_state_retention",
                       4: "zdr", 5: "eyes_off", 7: "training_use"}
    assert ignored == ["Notes", "ZDR with PSP"]


@pytest.mark.parametrize(("cell", "expected"), [
    ("Yes", ("yes", "")),
    ("Yes¹", ("yes", "")),
    ("Yes, with limitations*", ("limited", "")),
    ("yes (with limitations) [2]", ("limited", "")),
    ("No (blocked for MAM or ZDR requests; use a project with retention None)",
     ("no", "blocked for MAM or ZDR requests; use a project with retention None")),
    ("✓", ("yes", "")),
])
def test_eligibility_cells(cell, expected):
    assert parse_eligibility(cell) == expected


@pytest.mark.parametrize("cell", ["Maybe", "None", "", "—", "Nope"])
def test_eligibility_cells_that_say_something_else_are_refused(cell):
    with pytest.raises(CellError):
        parse_eligibility(cell)


def test_retention_and_path_cells():
    assert parse_retention("30 days¹") == "30 days"
    assert parse_retention(" None,  or 30 days if stored ") == "None, or 30 days if stored"
    assert parse_path("POST `/v1/threads/{thread_id}/runs/`") == "/v1/threads/runs"
    for bad, parse in (("soon", parse_retention), ("Responses", parse_path),
                       ("/v1/images/generations, /v1/images/edits", parse_path)):
        with pytest.raises(CellError):
            parse(bad)


def base():
    return json.loads(SHIPPED.read_text())


def draft_of(text, columns=ENDPOINT_COLUMNS, provenance=None):
    document = base()
    return draft_document(document, read_table(text), as_of="2026-11-13", notes="Pasted.", columns=columns,
                          provenance=provenance or {}, families={r["family"] for r in document["endpoints"]})


@pytest.mark.parametrize("render", [markdown, html])
def test_the_current_table_pasted_back_changes_nothing(render):
    draft = draft_of(render(shipped_rows()))

    assert draft.unparsed == [] and draft.ignored_columns == [] and draft.assumed == []
    assert is_empty(diff_catalogs(base(), draft.document))
    assert draft.document["as_of"] == "2026-11-13" and draft.document["notes"] == "Pasted."


def test_a_newer_table_adds_removes_changes_and_lists_the_unreadable_cell():
    draft = draft_of(markdown(newer_rows()))

    diff = diff_catalogs(base(), draft.document)["endpoints"]
    assert diff["added"] == ["/v1/audio/voices"] and diff["removed"] == ["/v1/videos"]
    assert diff["changed"] == [{"key": "/v1/embeddings", "fields": {"eyes_off": ["no", "yes"]}}]
    assert draft.unparsed == [{"row": 23, "path": "/v1/moderations", "column": "ZDR eligible", "raw": "Maybe¹",
                               "reason": "not Yes, Yes with limitations or No; kept the current value"}]
    voices = next(r for r in draft.document["endpoints"] if r["path"] == "/v1/audio/voices")
    assert (voices["name"], voices["family"], voices["zdr"], voices["eyes_off"], voices["mam"]) == (
        "Audio voices", "audio", "no", "no", "yes")
    assert voices["remediation"].startswith("Not eligible for ZDR per the provider's table")
    assert draft.assumed == [{"path": "/v1/audio/voices", "name": "Audio voices", "family": "audio", "mam": "yes",
                              "eyes_off": "no"}]


def test_a_changed_row_keeps_what_the_table_does_not_carry():
    rows = shipped_rows()
    rows[1][2] = "30 days"  # /v1/responses

    responses = next(r for r in draft_of(markdown(rows)).document["endpoints"] if r["path"] == "/v1/responses")

    original = next(r for r in base()["endpoints"] if r["path"] == "/v1/responses")
    assert responses == {**original, "application_state_retention": "30 days"}


def test_rows_that_cannot_be_placed_are_left_out_and_listed():
    rows = shipped_rows() + [["/v1/holograms", "30 days", "None", "Yes", "No"],
                             ["/v1/embeddings", "1 day", "None", "Yes", "No"],
                             ["Realtime sessions", "30 days", "None", "Yes", "No"],
                             ["/v1/audio/voices", "soon", "None", "No", "No"]]

    draft = draft_of(markdown(rows))

    assert [(c["path"], c["column"], c["raw"], c["reason"]) for c in draft.unparsed] == [
        ("/v1/holograms", "family", "/v1/holograms", "no family fits this new path; add it with load_catalog"),
        ("/v1/embeddings", "Endpoint", "/v1/embeddings", "the same path as row 15; the row was left out"),
        ("", "Endpoint", "Realtime sessions", "no /v1/… path in the cell; the row was left out"),
        ("/v1/audio/voices", "Abuse monitoring retention", "soon",
         "not a retention (None, N days, Until deleted, …); the row was left out"),
    ]
    assert is_empty(diff_catalogs(base(), draft.document))


def test_features_keep_only_listed_endpoints_and_go_with_the_last_one():
    rows = [r for r in shipped_rows() if not r[0].startswith("/v1/images/")]

    features = {f["key"]: f for f in draft_of(markdown(rows)).document["features"]}

    assert "dalle_models" not in features
    assert features["image_inputs"]["endpoints"] == ["/v1/responses", "/v1/chat/completions"]


def test_pasted_rows_carry_their_own_provenance():
    rows = newer_rows()
    detail = {"source": {"title": "Your data, pasted by Alice on 2026-12-01", "url": "https://x.test"},
              "as_of": "2026-11-13", "confidence": "confirmed"}

    draft = draft_of(markdown(rows), columns=ENDPOINT_COLUMNS, provenance={**detail, "provenance": detail})

    by_path = {r["path"]: r for r in draft.document["endpoints"]}
    for path in ("/v1/embeddings", "/v1/audio/voices"):
        assert by_path[path]["provenance"] == detail and "confidence" not in by_path[path]
    assert by_path["/v1/responses"].get("provenance") != detail  # unchanged rows keep their own


def test_header_row_only_gives_a_draft_without_endpoints():
    draft = draft_of("| Endpoint | ZDR |\n|---|---|\n")

    assert draft.document["endpoints"] == [] and draft.document["features"] == []


def test_a_new_row_finds_its_family_from_its_path():
    rows = shipped_rows() + [["/v1/batches/outputs", "30 days", "Until deleted", "No", "No"],
                             ["/v1/live/calls", "30 days", "None", "Yes", "No"]]

    added = {r["path"]: r["family"] for r in draft_of(markdown(rows)).document["endpoints"]}

    assert added["/v1/batches/outputs"] == "batch" and added["/v1/live/calls"] == "realtime"
