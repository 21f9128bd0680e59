"""The data-flow diagram: layout geometry and the rendered SVG. Needs Django's templates, not the database."""

import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template

from apps.workspace import diagram as dfd
from apps.workspace.diagram import layout, render_html
from apps.workspace.taxonomy import DATA_CATEGORY_LABELS
from apps.workspace.typesetting import text_width, wrap

SVG = "{http://www.w3.org/2000/svg}"
RED, GREEN, AMBER = "#f8d7da", "#d1e7dd", "#fff3cd"


def flow(flow_id, source, usage_id, store, categories=("user.health_and_medical",), returns="Draft visit summary"):
    return {"id": flow_id, "source_system": source, "data_categories": list(categories), "usage_id": usage_id,
            "returns": returns, "output_store": store, "retention": "7 years"}


def request(flows, usages=None, control="zdr"):
    usages = usages if usages is not None else [
        {"id": 12, "endpoint_path": "/v1/responses", "models": "gpt-5.1", "features": ["file_inputs"],
         "monthly_volume": 40000},
        {"id": 13, "endpoint_path": "/v1/batches", "models": "gpt-5.1", "features": [], "monthly_volume": 900},
        {"id": 14, "endpoint_path": "/v1/embeddings", "models": "text-embedding-3-large", "features": [],
         "monthly_volume": 5000},
    ]
    return {"id": 7, "title": "Clinic notes", "requested_control": control, "usages": usages, "flows": list(flows),
            "acknowledgements": {}}


def parse(html):
    """The SVG must be well-formed XML on its own: the PDF renderer reuses it. Its text list follows it."""
    page = ET.fromstring(f"<div>{html}</div>")  # noqa: S314 - our own output, parsed to prove it is well-formed
    return page.find(f"{SVG}svg")


def flow_list(html):
    page = ET.fromstring(f"<div>{html}</div>")  # noqa: S314 - our own output
    return ["".join(li.itertext()) for li in page.iter("li")]


def groups(root, css_class):
    return [g for g in root.iter(f"{SVG}g") if css_class in g.get("class", "").split()]


def text_of(group):
    """A label as the reader sees it: its wrapped lines, joined (a node's caption apart)."""
    return " ".join(t.text for t in group.findall(f"{SVG}text") if t.get("class") != "dfd-caption")


def endpoint_nodes(root):
    return {text_of(g): g for g in groups(root, "dfd-node-endpoint")}


def test_one_flow(shipped_document):
    svg = render_html(request([flow(1, "EHR (Epic)", 12, "Clinical notes DB")]), shipped_document, "zdr")
    root = parse(svg)

    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img" and root.get("width") == "100%"
    assert root.get("viewBox").startswith("0 0 ")
    assert root.get("aria-label") == "Data flows: 1 system, 1 OpenAI endpoint, 1 store"
    assert root.find(f"{SVG}title").text == root.get("aria-label")
    assert root.get("font-family").startswith('"IBM Plex Sans"')  # the packet's font, not Helvetica
    assert [text_of(g) for g in groups(root, "dfd-node")] == ["EHR (Epic)", "/v1/responses", "Clinical notes DB"]
    labels = [text_of(g) for g in groups(root, "dfd-edge-label")]
    assert labels == ["Health and medical records (PHI)", "Draft visit summary"]
    assert flow_list(svg) == [
        "EHR (Epic) → /v1/responses → Clinical notes DB\n      Data: Health and medical records (PHI)"
        " · Comes back: Draft visit summary · Retention: 7 years",
    ]


def test_categories_are_printed_by_their_labels_never_their_keys(shipped_document):
    categories = ("user.health_and_medical", "user.name", "user.contact.email")
    html = render_html(request([flow(1, "EHR", 12, "Notes", categories=categories)]), shipped_document, "zdr")
    diagram = layout(request([flow(1, "EHR", 12, "Notes", categories=categories)]), shipped_document, "zdr")

    assert diagram.edges[0].label == "Health and medical records (PHI), Name, Email address"
    assert diagram.flows[0].categories == ("Health and medical records (PHI)", "Name", "Email address")
    words = " ".join(parse(html).itertext()) + " ".join(flow_list(html))
    assert not re.findall(r"\b[a-z]+(?:[._][a-z]+)+\b", words)  # user.name, health_and_medical


def twenty_spread():
    return [flow(i, f"System {i}", [12, 13, 14, None][i % 4], f"Store {i % 7}") for i in range(20)]


def twenty_into_one():
    return [flow(i, f"Clinic {i % 10}", 12, f"Archive {i % 3}", returns=f"Summary {i}") for i in range(20)]


@pytest.mark.parametrize("flows", [twenty_spread(), twenty_into_one()], ids=["spread", "into-one-endpoint"])
def test_twenty_flows_fit_without_overlap(shipped_document, flows):
    root = parse(render_html(request(flows), shipped_document, "zdr"))
    _, _, width, height = (int(v) for v in root.get("viewBox").split())
    rects = [
        tuple(int(g.find(f"{SVG}rect").get(k)) for k in ("x", "y", "width", "height"))
        for g in groups(root, "dfd-node")
    ]

    assert len(rects) >= 13
    for x, y, w, h in rects:
        assert 0 <= x and x + w <= width and 0 <= y and y + h <= height
    for (ax, ay, aw, ah), (bx, by, bw, bh) in itertools.combinations(rects, 2):
        assert ax + aw <= bx or bx + bw <= ax or ay + ah <= by or by + bh <= ay, "node rectangles overlap"


def test_edges_leaving_one_node_get_their_own_ports(shipped_document):
    diagram = layout(request(twenty_into_one()), shipped_document, "zdr")
    starts = [(e.source, e.path.split()[0]) for e in diagram.edges]

    assert len(set(starts)) == len(starts)
    endpoint = next(n for n in diagram.nodes if n.column == "endpoint")
    assert endpoint.height >= 18 * 3
    boxes = [e.box for e in diagram.edges]
    for (ax, ay, aw, ah), (bx, by, bw, bh) in itertools.combinations(boxes, 2):
        assert ax + aw <= bx or bx + bw <= ax or ay + ah <= by or by + bh <= ay, "edge labels overlap"


def test_same_system_or_store_is_one_node(shipped_document):
    flows = [flow(1, "EHR (Epic)", 12, "Clinical notes DB"), flow(2, "EHR (Epic)", 13, "Clinical notes DB"),
             flow(3, "  ehr   (epic) ", 14, "Search index")]
    diagram = layout(request(flows), shipped_document, "zdr")

    assert [n.label for n in diagram.nodes if n.column == "system"] == ["EHR (Epic)"]
    assert [n.label for n in diagram.nodes if n.column == "store"] == ["Clinical notes DB", "Search index"]
    assert diagram.summary == "Data flows: 1 system, 3 OpenAI endpoints, 2 stores"


def test_flows_sharing_a_path_share_one_edge_with_both_labels(shipped_document):
    flows = [flow(1, "EHR", 12, "Notes", returns="Summary"), flow(2, "EHR", 12, "Notes", returns="Codes")]
    diagram = layout(request(flows), shipped_document, "zdr")

    assert len(diagram.edges) == 2
    assert diagram.edges[1].label == "Summary; Codes"


@pytest.mark.parametrize(("control", "expected"), [
    ("zdr", {"/v1/batches": ("dfd-blocked", RED), "/v1/embeddings": ("dfd-eligible", GREEN),
             "/v1/responses": ("dfd-limited", AMBER)}),
    ("mam", {"/v1/batches": ("dfd-eligible", GREEN), "/v1/embeddings": ("dfd-eligible", GREEN),
             "/v1/responses": ("dfd-eligible", GREEN)}),
])
def test_endpoint_colour_is_its_eligibility_under_the_control(shipped_document, control, expected):
    flows = [flow(1, "EHR", 12, "Notes"), flow(2, "EHR", 13, "Notes"), flow(3, "Scans", 14, "Index")]
    nodes = endpoint_nodes(parse(render_html(request(flows), shipped_document, control)))

    for path, (css_class, fill) in expected.items():
        assert css_class in nodes[path].get("class").split()
        assert nodes[path].find(f"{SVG}rect").get("fill") == fill


def test_endpoint_missing_from_the_catalog_is_red(shipped_document):
    usages = [{"id": 1, "endpoint_path": "/v1/decisions", "features": []}]
    nodes = endpoint_nodes(parse(render_html(request([flow(1, "EHR", 1, "Notes")], usages), shipped_document, "zdr")))

    assert nodes["/v1/decisions"].find(f"{SVG}rect").get("fill") == RED
    assert "not in catalog" in nodes["/v1/decisions"].find(f"{SVG}title").text


def test_default_control_follows_the_recommendation(shipped_document):
    snapshot = request([flow(1, "EHR", 13, "Notes")], control="recommend")

    diagram = layout(snapshot, shipped_document)

    assert diagram.control == "mam"
    assert [n.fill for n in diagram.nodes if n.column == "endpoint"] == [GREEN]


@pytest.mark.parametrize("usage_id", [None, 999], ids=["not-linked", "usage-deleted"])
def test_flow_without_an_endpoint_goes_straight_to_its_store_dashed(shipped_document, usage_id):
    root = parse(render_html(request([flow(1, "Billing", usage_id, "Ledger")]), shipped_document, "zdr"))

    (edge,) = [p for p in root.iter(f"{SVG}path") if "dfd-edge" in p.get("class", "").split()]
    assert "dfd-edge-unlinked" in edge.get("class").split()
    assert edge.get("stroke-dasharray")
    (label,) = groups(root, "dfd-edge-label")
    assert "dfd-muted" in label.get("class").split()
    assert text_of(label) == "no OpenAI endpoint linked"
    assert root.get("aria-label") == "Data flows: 1 system, 0 OpenAI endpoints, 1 store"


HOSTILE = {
    "source": "<script>alert(1)</script>",
    "store": '"><img src=x onerror=alert(1)>',
    "returns": "Tom & Jerry's <b>notes</b>",
    "long": "Electronic health record export " * 20,
    "unicode": "Клиника 東京 — données santé 🏥\x0b\u2028end",
}


def test_hostile_text_is_escaped_and_the_svg_stays_well_formed(shipped_document):
    flows = [
        flow(1, HOSTILE["source"], 12, HOSTILE["store"], categories=["<script>x</script>"], returns=HOSTILE["returns"]),
        flow(2, HOSTILE["long"], None, HOSTILE["unicode"]),
    ]
    svg = render_html(request(flows), shipped_document, "zdr")
    root = parse(svg)

    assert "<script" not in svg and "<img" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg and "&amp;" in svg and "&quot;&gt;&lt;img" in svg
    elements = list(root.iter())
    assert not [e for e in elements if e.tag.split("}")[-1] in ("script", "img", "foreignObject")]
    assert not [name for e in elements for name in e.attrib if name.lower().startswith("on")]
    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert HOSTILE["source"] in titles and HOSTILE["store"] in titles and HOSTILE["returns"] in titles
    assert HOSTILE["long"].strip() in titles
    assert "Клиника 東京 — données santé 🏥 end" in titles


LONG = [
    flow(1, "Follow-up questions and intake notes from the patient portal", 12, "Clinical notes DB",
         categories=DATA_CATEGORY_LABELS, returns="Draft visit note (JSON) with the follow-up questions"),
    flow(2, "x" * 300, 13, "東京" * 40, categories=["user." + "z" * 100], returns="y" * 300),
    flow(3, HOSTILE["long"], None, HOSTILE["unicode"]),
    flow(4, "Billing", 14, "https://storage.example.com/exports/very/long/path/to/the/bucket"),
]


@pytest.mark.parametrize("control", ["zdr", "mam"])
def test_long_labels_wrap_inside_their_box_and_lose_nothing(shipped_document, control):
    diagram = layout(request(LONG), shipped_document, control)
    html = render_html(request(LONG), shipped_document, control)

    assert "…" not in html
    for node in diagram.nodes:
        weight = 700 if node.column == "endpoint" else 400
        for line in node.lines:
            assert text_width(line.text, dfd.TEXT_SIZE, weight) <= node.width - 2 * dfd.PAD, line.text
        assert node.lines[0].y - dfd.TEXT_SIZE >= node.y and (node.captions or node.lines)[-1].y <= node.y + node.height
        assert "".join(line.text for line in node.lines).replace(" ", "") == node.label.replace(" ", "")
    for edge in diagram.edges:
        x, y, width, height = edge.box
        assert x + width <= x - 3 + dfd.GAP, "the label spills out of its gap"
        for line in edge.lines:
            assert text_width(line.text, dfd.MIN_FONT) <= width - 6, line.text
            assert y <= line.y - dfd.MIN_FONT + 1 and line.y <= y + height
        assert "".join(line.text for line in edge.lines).replace(" ", "") == edge.label.replace(" ", "")
    first = next(n for n in diagram.nodes if n.label.startswith("Follow-up"))
    assert len(first.lines) > 1 and first.height > dfd.NODE_MIN_HEIGHT


@pytest.mark.parametrize(("text", "expected"), [
    ("Follow-up questions and intake notes", ["Follow-up questions and", "intake notes"]),
    ("/v1/chat/completions/with/a/very/long/path", ["/v1/chat/completions/", "with/a/very/long/path"]),
    ("", []),
])
def test_wrap_breaks_between_words_then_after_slashes(text, expected):
    assert wrap(text, dfd.NODE_TEXT_WIDTH, dfd.TEXT_SIZE) == expected


DEMO_LOOP = [
    flow(1, "EHR (Epic)", 12, "Clinical notes DB", returns="Draft visit note (JSON)"),
    flow(2, "Lab system", 12, "Clinical notes DB", returns="Extracted lab values"),
    flow(3, "Clinical notes DB", 13, "Patient portal", returns="Patient summary"),
]


def test_a_store_that_is_also_a_source_is_one_node_and_the_loop_is_drawn(shipped_document):
    diagram = layout(request(DEMO_LOOP), shipped_document, "zdr")
    by_id = {n.id: n for n in diagram.nodes}

    (notes,) = [n for n in diagram.nodes if n.label == "Clinical notes DB"]
    assert notes.column == "system"
    into = [e for e in diagram.edges if e.target == notes.id]
    out = [e for e in diagram.edges if e.source == notes.id]
    assert [by_id[e.source].label for e in into] == ["/v1/responses"] and into[0].back
    assert into[0].label == "Draft visit note (JSON); Extracted lab values"
    assert [by_id[e.target].label for e in out] == ["/v1/batches"] and not out[0].back
    start, end = into[0].path.split()[0], into[0].path.split()[-1]
    assert start == f"M{by_id[into[0].source].x},{start.split(',')[1]}"  # leaves the endpoint's left side
    assert int(end.split(",")[0]) == notes.x + notes.width + 1  # and arrives on the store's right side
    assert diagram.summary == "Data flows: 3 systems, 2 OpenAI endpoints, 1 store"


def test_output_kept_in_another_source_system_is_an_arc_not_a_second_node(shipped_document):
    flows = [flow(1, "Billing", None, "Ledger"), flow(2, "Ledger", 12, "Reports"), flow(3, "Ledger", None, "Ledger")]
    diagram = layout(request(flows), shipped_document, "zdr")

    assert [n.label for n in diagram.nodes if n.column == "system"] == ["Billing", "Ledger"]
    arcs = [e for e in diagram.edges if e.dashed]
    assert len(arcs) == 2 and all(e.path.split()[-1].startswith(str(dfd.MARGIN + dfd.COLUMN_WIDTH + 1)) for e in arcs)


def font_sizes(root):
    """The font size every <text> is drawn at, inherited as SVG inherits it."""
    sizes = []

    def walk(element, size):
        size = float(element.get("font-size", size))
        if element.tag == f"{SVG}text":
            sizes.append(size)
        for child in element:
            walk(child, size)

    walk(root, 16)  # a browser's default, never reached: the root sets its own
    return sizes


def stylesheet(name):
    return (Path(settings.BASE_DIR) / "static" / "css" / name).read_text()


MM_TO_PT = 72 / 25.4


def test_the_smallest_label_is_12px_on_screen_and_8pt_on_paper(shipped_document):
    root = parse(render_html(request(LONG + DEMO_LOOP), shipped_document, "zdr"))
    smallest = min(font_sizes(root))
    viewbox_width = float(root.get("viewBox").split()[2])

    # On screen the SVG is never shown narrower than its min-width (px).
    screen = re.search(r"\.diagram svg \{[^}]*min-width: (\d+)px", stylesheet("portal.css"))
    assert smallest * float(screen.group(1)) / viewbox_width >= 12
    # In the PDF it is as wide as a landscape page's content box; letter is the narrower paper.
    packet = stylesheet("packet.css")
    assert re.search(r"\.packet \.diagram svg \{ width: 100%", packet)
    top, sides, bottom = re.search(r"@page landscape \{ margin: (\d+)mm (\d+)mm (\d+)mm", packet).groups()
    letter_landscape_pt = 11 * 72 - 2 * float(sides) * MM_TO_PT
    assert smallest * letter_landscape_pt / viewbox_width >= 8


def test_blank_names_do_not_break_the_diagram(shipped_document):
    flows = [flow(1, "", 12, ""), flow(2, "  ", None, "   ")]
    diagram = layout(request(flows), shipped_document, "zdr")

    assert [n.label for n in diagram.nodes] == ["Unnamed source", "/v1/responses"]


def test_no_flows_draws_nothing(shipped_document):
    snapshot = request([])

    assert layout(snapshot, shipped_document, "zdr").nodes == ()
    assert render_html(snapshot, shipped_document, "zdr") == ""


def test_a_page_can_include_the_svg_without_double_escaping(shipped_document):
    svg = render_html(request([flow(1, "<script>alert(1)</script>", 12, "Notes")]), shipped_document, "zdr")

    page = Template("<div>{{ diagram }}</div>").render(Context({"diagram": svg}))

    assert page.startswith("<div><svg ")
    assert "<script" not in page and "&lt;script&gt;alert(1)" in page
