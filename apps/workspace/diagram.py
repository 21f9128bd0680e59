"""The data-flow diagram: source systems -> OpenAI endpoints -> output stores, drawn by the server.

`layout()` is pure geometry over the same plain dicts as the findings (a request snapshot and a
catalog document), so it is testable without a database. `render_html()` hands the result to the
template `workspace/partials/diagram.html`: the SVG, then the same flows as a text list (for screen
readers and the PDF's tag tree). The templates only draw what they are given: flow text is user
input, so it reaches the page through Django's autoescaping and never through mark_safe.

Readability from 1 to 20 flows comes from four choices: one node per name (a store that is also a
source system is the same node, and the edge back to it draws the loop); every edge gets its own
port, and a node grows with its edges and their labels, so labels never overlap; labels wrap inside
their box, measured with the document's own font, and are never cut; and a flow with no endpoint is
routed through a lane under the endpoint column instead of across the endpoint nodes.

Sizes: the SVG is WIDTH units wide and is shown at least WIDTH px wide on screen (portal.css) and
across a landscape page in the PDF (packet.css), so MIN_FONT units are at least 12 px on screen and
8 pt on letter paper; tests/workspace/test_diagram.py reads both stylesheets to prove it.

Colours are given twice, as CSS classes (for the page's stylesheet) and as presentation attributes
(fill=, stroke=): WeasyPrint reuses this SVG in the PDF, and a strict CSP forbids style=, not these.
"""

import math
import re
import unicodedata

from django.template.loader import render_to_string

from apps.catalog.taxonomy import ELIGIBILITY_SHORT

from .controls import control_spec
from .diagram_shapes import Diagram, Edge, FlowLine, LegendItem, Node, TextLine
from .findings import CONTROL_LABELS, CONTROLS, evaluate
from .taxonomy import DATA_CATEGORY_LABELS
from .typesetting import text_width, wrap

TEMPLATE = "workspace/partials/diagram.html"
# The SVG names the font the page and the packet declare with @font-face; WeasyPrint draws SVG text
# with the document's fonts, so the PDF gets IBM Plex Sans too.
FONT_FAMILY = '"IBM Plex Sans", sans-serif'
TEXT_SIZE, MIN_FONT = 13, 12  # node labels and headings; edge labels, captions and the legend
MARGIN, COLUMN_WIDTH, GAP, PAD = 8, 170, 137, 10
WIDTH = 2 * MARGIN + 3 * COLUMN_WIDTH + 2 * GAP
COLUMNS = ("system", "endpoint", "store")
COLUMN_X = {c: MARGIN + i * (COLUMN_WIDTH + GAP) for i, c in enumerate(COLUMNS)}
NODE_TEXT_WIDTH, LABEL_INSET = COLUMN_WIDTH - 2 * PAD, 8
LABEL_TEXT_WIDTH = GAP - 2 * LABEL_INSET - 6
NODE_MIN_HEIGHT, NODE_GAP, PORT_GAP, LANE_GAP = 40, 10, 18, 16
UNLINKED, UNNAMED = "no OpenAI endpoint linked", "Unnamed source"
NOT_IN_CATALOG = "not in catalog"

# Endpoint eligibility under the control -> (CSS class, fill, stroke).
ELIGIBILITY = {
    "yes": ("dfd-eligible", "#d1e7dd", "#198754"),
    "limited": ("dfd-limited", "#fff3cd", "#997404"),
    "no": ("dfd-blocked", "#f8d7da", "#b02a37"),
    "unknown": ("dfd-blocked", "#f8d7da", "#b02a37"),
}
PLAIN = {"system": ("dfd-system", "#e7f1f8", "#2a6f97"), "store": ("dfd-store", "#eef0f3", "#495057")}


def render_html(snapshot, catalog, control=None):
    """The diagram and its text list, or "" when there are no flows (callers show an empty state)."""
    html = render_to_string(TEMPLATE, {"diagram": layout(snapshot, catalog, control), "font_family": FONT_FAMILY,
                                       "text_size": TEXT_SIZE, "small_size": MIN_FONT})
    # The template autoescaped every user string and returned a SafeString, so a page can include it
    # with {{ diagram }}; str.strip() would silently drop that mark, hence no strip here.
    return html if html.strip() else ""


def layout(snapshot, catalog, control=None):
    """Place the flows in three columns. `control` colours the endpoints; by default it is the one the
    findings evaluate (the requested control, or the recommended one)."""
    if control not in CONTROLS:
        control = evaluate(snapshot, catalog).control
    label = CONTROL_LABELS[control]
    diagram_id = f"dfd-{re.sub(r'[^A-Za-z0-9_-]', '', str(snapshot.get('id') or 'new'))}"
    nodes, links, flows = _graph(snapshot)
    if not nodes:
        return Diagram(id=diagram_id, control=control, width=WIDTH, height=0, summary=_summary({}), headings=(),
                       nodes=(), edges=(), legend=(), flows=())
    rows = {e["path"]: e for e in catalog["endpoints"]}
    column = control_spec(catalog, control).column
    for node in nodes.values():
        node.update(_look(node, rows.get(node["label"]), control, column))
    for link in links:
        link["anchor"] = link["target"] if link["back"] else link["source"]
        link["lines"] = wrap(link["label"], LABEL_TEXT_WIDTH, MIN_FONT)
    heights = _heights(nodes, links)

    headings, header = _headings(label)
    direct = [link for link in links if link["lane"]]
    stacks = {column: [n for n in nodes.values() if n["column"] == column] for column in COLUMNS}
    stack_height = {c: sum(heights[n["id"]] for n in s) + NODE_GAP * max(len(s) - 1, 0) for c, s in stacks.items()}
    lanes_height = LANE_GAP * (len(direct) + 1) if direct else 0
    content = max(stack_height["system"], stack_height["store"], stack_height["endpoint"] + lanes_height)

    placed = {}
    for column, stack in stacks.items():
        y = header + (content - stack_height[column] - (lanes_height if column == "endpoint" else 0)) // 2
        for node in stack:
            placed[node["id"]] = _node(node, COLUMN_X[column], y, heights[node["id"]])
            y += heights[node["id"]] + NODE_GAP
    lane_top = header + (content + stack_height["endpoint"] - lanes_height) // 2
    for i, link in enumerate(direct):
        link["lane_y"] = lane_top + LANE_GAP * (i + 1)

    legend = _legend(label, header + content + 20)
    return Diagram(
        id=diagram_id, control=control, width=WIDTH, height=legend[-1].y + 6, summary=_summary(stacks),
        headings=headings, nodes=tuple(placed.values()), edges=_edges(links, placed), legend=legend,
        flows=tuple(flows),
    )


def _graph(snapshot):
    """Nodes (one per endpoint, one per system or store name), links merged per node pair, flows as text.

    A name that is a source anywhere sits in the source column, even where it is also a store: its
    incoming edge is then drawn back to it, which is the loop the data actually makes."""
    usages = {u.get("id"): u for u in snapshot.get("usages") or []}
    flows = []
    for flow in snapshot.get("flows") or []:
        source, store = _clean(flow.get("source_system")), _clean(flow.get("output_store"))
        usage = usages.get(flow.get("usage_id")) if flow.get("usage_id") is not None else None
        path = _clean((usage or {}).get("endpoint_path"))
        if source or path or store:
            categories = tuple(_clean(DATA_CATEGORY_LABELS.get(c, c)) for c in flow.get("data_categories") or [])
            flows.append(FlowLine(source=source or UNNAMED, endpoint=path, store=store, categories=categories,
                                  returns=_clean(flow.get("returns")), retention=_clean(flow.get("retention"))))
    sources = {_name_key(f.source) for f in flows}
    nodes, links = {}, {}

    def node(kind, name):
        key = (kind, name) if kind == "endpoint" else ("name", _name_key(name))
        if key not in nodes:
            column = kind if kind == "endpoint" else "system" if key[1] in sources else "store"
            nodes[key] = {"id": f"{column}-{len(nodes)}", "column": column, "label": name}
        return nodes[key]

    def link(source, target, labels, joiner="; ", dashed=False):
        step = COLUMNS.index(target["column"]) - COLUMNS.index(source["column"])
        merged = links.setdefault((source["id"], target["id"]), {
            "source": source["id"], "target": target["id"], "labels": [], "joiner": joiner, "dashed": dashed,
            "back": step < 0, "arc": step == 0, "lane": step == 2, "lane_y": None})
        merged["labels"].extend(x for x in labels if x and x not in merged["labels"])

    for f in flows:  # sources first, so the source column keeps the order the flows were entered in
        node("name", f.source)
    for f in flows:
        system = node("name", f.source)
        if f.endpoint:
            endpoint = node("endpoint", f.endpoint)
            link(system, endpoint, f.categories, joiner=", ")
            if f.store:
                link(endpoint, node("name", f.store), [f.returns])
        elif f.store:
            link(system, node("name", f.store), [UNLINKED], dashed=True)
    for merged in links.values():
        merged["label"] = merged["joiner"].join(merged["labels"])
    return {n["id"]: n for n in nodes.values()}, list(links.values()), flows


def _look(node, row, control, column):
    """Colours, caption and wrapped text of a node: what its height depends on."""
    if node["column"] == "endpoint":
        eligibility = row[column] if row else "unknown"
        css_class, fill, stroke = ELIGIBILITY[eligibility]
        caption = f"{CONTROL_LABELS[control]}: {ELIGIBILITY_SHORT[eligibility].lower()}" if row else NOT_IN_CATALOG
    else:
        (css_class, fill, stroke), caption, eligibility = PLAIN[node["column"]], "", ""
    weight = 700 if node["column"] == "endpoint" else 400
    return {"css_class": css_class, "fill": fill, "stroke": stroke, "caption": caption, "eligibility": eligibility,
            "lines": wrap(node["label"], NODE_TEXT_WIDTH, TEXT_SIZE, weight),
            "caption_lines": wrap(caption, NODE_TEXT_WIDTH, MIN_FONT) if caption else []}


def _ports(links):
    """Each node's ports, per side. A label sits at a right-side port of the node on its left."""
    sides = {}
    for link in links:
        source, target = link["source"], link["target"]
        sides.setdefault((source, "left" if link["back"] else "right"), []).append((link, "target"))
        sides.setdefault((target, "right" if link["back"] or link["arc"] else "left"), []).append((link, "source"))
    return sides


def _slot(link, node_id):
    """Height a right-side port needs: its label above the edge, or a plain gap."""
    if link["anchor"] == node_id and link["lines"]:
        return len(link["lines"]) * _line_height(MIN_FONT) + 8
    return PORT_GAP


def _heights(nodes, links):
    sides = _ports(links)
    heights = {}
    for node_id, node in nodes.items():
        text = _text_height(node)
        right = sum(_slot(link, node_id) for link, _ in sides.get((node_id, "right"), ())) + PORT_GAP // 2
        left = (len(sides.get((node_id, "left"), ())) + 1) * PORT_GAP
        heights[node_id] = max(NODE_MIN_HEIGHT, text + 2 * PAD, right, left)
    return heights


def _text_height(node):
    return len(node["lines"]) * _line_height(TEXT_SIZE) + len(node["caption_lines"]) * _line_height(MIN_FONT)


def _node(node, x, y, height):
    baseline = y + (height - _text_height(node)) // 2 + TEXT_SIZE - 1
    lines = []
    for text in node["lines"]:
        lines.append(TextLine(x + COLUMN_WIDTH // 2, baseline, text))
        baseline += _line_height(TEXT_SIZE)
    captions = []
    for text in node["caption_lines"]:
        captions.append(TextLine(x + COLUMN_WIDTH // 2, baseline, text))
        baseline += _line_height(MIN_FONT)
    return Node(id=node["id"], column=node["column"], label=node["label"], lines=tuple(lines),
                captions=tuple(captions), caption=node["caption"], eligibility=node["eligibility"], x=x, y=y,
                width=COLUMN_WIDTH, height=height, css_class=node["css_class"], fill=node["fill"],
                stroke=node["stroke"])


def _edges(links, placed):
    """Ports are ordered by the other end's height, so edges leaving one side do not cross each other."""
    def far_y(link, end):
        return link["lane_y"] or _middle(placed[link[end]])

    for (node_id, side), group in _ports(links).items():
        node = placed[node_id]
        ordered = sorted(group, key=lambda entry: far_y(*entry))
        if side == "left":
            ys = [node.y + round(node.height * (i + 1) / (len(group) + 1)) for i in range(len(group))]
        else:
            slots = [_slot(link, node_id) for link, _ in ordered]
            spare = (node.height - sum(slots) - PORT_GAP // 2) / (len(slots) + 1)
            ys = [node.y + round(sum(slots[:i + 1]) + spare * (i + 1)) for i in range(len(slots))]
        for (link, far_end), y in zip(ordered, ys, strict=True):
            link["out_y" if far_end == "target" else "in_y"] = y
    return tuple(_edge(link, placed) for link in links)


def _edge(link, placed):
    source, target = placed[link["source"]], placed[link["target"]]
    y1, y2 = link["out_y"], link["in_y"]
    if link["back"]:  # from the endpoint's left side back to the right side of the system
        x1, x2 = source.x, target.x + COLUMN_WIDTH + 1
        path = f"M{x1},{y1} C{x1 - GAP // 2},{y1} {x2 + GAP // 2},{y2} {x2},{y2}"
    elif link["arc"]:  # a system's output kept in another system (or itself): an arc on the right
        x1, x2, bulge = source.x + COLUMN_WIDTH, target.x + COLUMN_WIDTH + 1, round(GAP * 0.45)
        path = f"M{x1},{y1} C{x1 + bulge},{y1} {x2 + bulge},{y2} {x2},{y2}"
    elif link["lane"]:
        x1, x2, lane, mid = source.x + COLUMN_WIDTH, target.x - 1, link["lane_y"], COLUMN_X["endpoint"]
        path = (f"M{x1},{y1} {_curve(x1, y1, mid, lane)} L{mid + COLUMN_WIDTH},{lane} "
                f"{_curve(mid + COLUMN_WIDTH, lane, x2, y2)}")
    else:
        x1, x2 = source.x + COLUMN_WIDTH, target.x - 1
        path = f"M{x1},{y1} {_curve(x1, y1, x2, y2)}"
    anchor = placed[link["anchor"]]
    port_y = y2 if link["back"] else y1
    x = anchor.x + COLUMN_WIDTH + LABEL_INSET
    height = len(link["lines"]) * _line_height(MIN_FONT)
    top = port_y - 3 - height
    lines = tuple(TextLine(x, top + MIN_FONT - 1 + i * _line_height(MIN_FONT), text)
                  for i, text in enumerate(link["lines"]))
    width = max((math.ceil(text_width(t, MIN_FONT)) for t in link["lines"]), default=0) + 6
    return Edge(source=link["source"], target=link["target"], label=link["label"], lines=lines,
                box=(x - 3, top - 1, width, height + 2), path=path, dashed=link["dashed"], back=link["back"])


def _curve(x1, y1, x2, y2):
    """A cubic Bézier that leaves and arrives horizontally, so arrows meet the nodes square on."""
    return f"C{x1 + GAP // 2},{y1} {x2 - GAP // 2},{y2} {x2},{y2}"


def _middle(node):
    return node.y + node.height // 2


def _headings(label):
    """Column headings, wrapped to their column; returns them and the height they take."""
    headings, bottom = [], 0
    for column, text in zip(COLUMNS, ("Source systems", f"OpenAI endpoints ({label})", "Output stores"), strict=True):
        for i, line in enumerate(wrap(text, COLUMN_WIDTH, TEXT_SIZE, 700)):
            y = 18 + i * _line_height(TEXT_SIZE)
            headings.append(TextLine(COLUMN_X[column] + COLUMN_WIDTH // 2, y, line))
            bottom = max(bottom, y)
    return tuple(headings), bottom + 18


def _summary(stacks):
    counts = [(len(stacks.get("system", ())), "system"), (len(stacks.get("endpoint", ())), "OpenAI endpoint"),
              (len(stacks.get("store", ())), "store")]
    return "Data flows: " + ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts)


def _legend(label, top):
    """Swatch and text per item, flowing onto a new row when the next one would not fit."""
    words = ELIGIBILITY_SHORT
    items = [(*ELIGIBILITY["yes"], f"{words['yes']} for {label}"),
             (*ELIGIBILITY["limited"], f"{label} {words['limited'].lower()}"),
             (*ELIGIBILITY["no"], f"{words['no']} / {NOT_IN_CATALOG}"),
             ("dfd-unlinked", "none", "#6c757d", "No OpenAI endpoint linked")]
    legend, x, y = [], MARGIN, top
    for css_class, fill, stroke, text in items:
        dashed = css_class == "dfd-unlinked"
        width = (30 if dashed else 20) + math.ceil(text_width(text, MIN_FONT)) + 24
        if x > MARGIN and x + width > WIDTH - MARGIN:
            x, y = MARGIN, y + _line_height(MIN_FONT) + 6
        legend.append(LegendItem(x, y, text, css_class, fill, stroke, dashed))
        x += width
    return tuple(legend)


def _clean(value):
    """One line of printable text: XML cannot carry control characters, even escaped."""
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") else c for c in str(value or ""))
    return " ".join(text.replace("\ufffe", "").replace("\uffff", "").split())


def _name_key(name):
    return " ".join(name.split()).casefold()


def _line_height(size):
    return round(size * 1.25)
