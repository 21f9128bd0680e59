"""The data-flow diagram: layout geometry and the rendered SVG. Needs Django's templates, not the database."""

import itertools
import xml.etree.ElementTree as ET

import pytest
from django.template import Context, Template

from apps.workspace.diagram import layout, render_svg

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


def parse(svg):
    """The SVG must be well-formed XML on its own: the PDF renderer reuses it."""
    return ET.fromstring(svg)  # noqa: S314 - our own output, parsed to prove it is well-formed


def groups(root, css_class):
    return [g for g in root.iter(f"{SVG}g") if css_class in g.get("class", "").split()]


def endpoint_nodes(root):
    return {g.find(f"{SVG}text").text: g for g in groups(root, "dfd-node-endpoint")}


def test_one_flow(shipped_document):
    svg = render_svg(request([flow(1, "EHR (Epic)", 12, "Clinical notes DB")]), shipped_document, "zdr")
    root = parse(svg)

    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img" and root.get("width") == "100%"
    assert root.get("viewBox").startswith("0 0 ")
    assert root.get("aria-label") == "Data flows: 1 system, 1 OpenAI endpoint, 1 store"
    assert root.find(f"{SVG}title").text == root.get("aria-label")
    assert [g.find(f"{SVG}text").text for g in groups(root, "dfd-node")] == [
        "EHR (Epic)", "/v1/responses", "Clinical notes DB",
    ]
    labels = [g.find(f"{SVG}text").text for g in groups(root, "dfd-edge-label")]
    assert labels == ["health_and_medical", "Draft visit summary"]


def test_categories_are_shortened_with_a_count(shipped_document):
    categories = ("user.health_and_medical", "user.name", "user.contact.email")
    diagram = layout(request([flow(1, "EHR", 12, "Notes", categories=categories)]), shipped_document, "zdr")

    first = diagram.edges[0]
    assert first.text == "health_and_medical +2"
    assert first.label == "user.health_and_medical, user.name, user.contact.email"


def twenty_spread():
    return [flow(i, f"System {i}", [12, 13, 14, None][i % 4], f"Store {i % 7}") for i in range(20)]


def twenty_into_one():
    return [flow(i, f"Clinic {i % 10}", 12, f"Archive {i % 3}", returns=f"Summary {i}") for i in range(20)]


@pytest.mark.parametrize("flows", [twenty_spread(), twenty_into_one()], ids=["spread", "into-one-endpoint"])
def test_twenty_flows_fit_without_overlap(shipped_document, flows):
    root = parse(render_svg(request(flows), shipped_document, "zdr"))
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
    starts = [(e.source, e.label_y) for e in diagram.edges]

    assert len(set(starts)) == len(starts)
    endpoint = next(n for n in diagram.nodes if n.column == "endpoint")
    assert endpoint.height >= 18 * 3


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
    nodes = endpoint_nodes(parse(render_svg(request(flows), shipped_document, control)))

    for path, (css_class, fill) in expected.items():
        assert css_class in nodes[path].get("class").split()
        assert nodes[path].find(f"{SVG}rect").get("fill") == fill


def test_endpoint_missing_from_the_catalog_is_red(shipped_document):
    usages = [{"id": 1, "endpoint_path": "/v1/decisions", "features": []}]
    nodes = endpoint_nodes(parse(render_svg(request([flow(1, "EHR", 1, "Notes")], usages), shipped_document, "zdr")))

    assert nodes["/v1/decisions"].find(f"{SVG}rect").get("fill") == RED
    assert "not in catalog" in nodes["/v1/decisions"].find(f"{SVG}title").text


def test_default_control_follows_the_recommendation(shipped_document):
    snapshot = request([flow(1, "EHR", 13, "Notes")], control="recommend")

    diagram = layout(snapshot, shipped_document)

    assert diagram.control == "mam"
    assert [n.fill for n in diagram.nodes if n.column == "endpoint"] == [GREEN]


@pytest.mark.parametrize("usage_id", [None, 999], ids=["not-linked", "usage-deleted"])
def test_flow_without_an_endpoint_goes_straight_to_its_store_dashed(shipped_document, usage_id):
    root = parse(render_svg(request([flow(1, "Billing", usage_id, "Ledger")]), shipped_document, "zdr"))

    (edge,) = [p for p in root.iter(f"{SVG}path") if "dfd-edge" in p.get("class", "").split()]
    assert "dfd-edge-unlinked" in edge.get("class").split()
    assert edge.get("stroke-dasharray")
    (label,) = groups(root, "dfd-edge-label")
    assert "dfd-muted" in label.get("class").split()
    assert label.find(f"{SVG}text").text == "no OpenAI endpoint linked"
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
    svg = render_svg(request(flows), shipped_document, "zdr")
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


def test_long_labels_are_truncated_with_an_ellipsis(shipped_document):
    long_flow = flow(1, "x" * 300, 12, "東京" * 40, categories=["user." + "z" * 100], returns="y" * 300)
    diagram = layout(request([long_flow]), shipped_document, "zdr")
    system, _, store = diagram.nodes

    assert system.text.endswith("…") and len(system.text) <= 26
    assert store.text.endswith("…") and len(store.text) <= 14
    assert all(e.text.endswith("…") and len(e.text) <= 30 for e in diagram.edges)


def test_blank_names_do_not_break_the_diagram(shipped_document):
    flows = [flow(1, "", 12, ""), flow(2, "  ", None, "   ")]
    diagram = layout(request(flows), shipped_document, "zdr")

    assert [n.label for n in diagram.nodes] == ["Unnamed source", "/v1/responses"]


def test_no_flows_draws_nothing(shipped_document):
    snapshot = request([])

    assert layout(snapshot, shipped_document, "zdr").nodes == ()
    assert render_svg(snapshot, shipped_document, "zdr") == ""


def test_a_page_can_include_the_svg_without_double_escaping(shipped_document):
    svg = render_svg(request([flow(1, "<script>alert(1)</script>", 12, "Notes")]), shipped_document, "zdr")

    page = Template("<div>{{ diagram }}</div>").render(Context({"diagram": svg}))

    assert page.startswith("<div><svg ")
    assert "<script" not in page and "&lt;script&gt;alert(1)" in page
