"""The data-flow diagram: source systems -> OpenAI endpoints -> output stores, drawn by the server.

`layout()` is pure geometry over the same plain dicts as the findings (a request snapshot and a
catalog document), so it is testable without a database. `render_svg()` hands the result to the
template `workspace/partials/diagram.svg`, which only draws what it is given: flow text is user
input, so it reaches the SVG through Django's autoescaping and never through mark_safe.

Readability from 1 to 20 flows comes from three choices: nodes are deduplicated by name; every edge
gets its own port on each node (a node grows with its number of edges), so edges and their labels
never start at the same point; and a flow with no endpoint is routed through a lane under the
endpoint column instead of across the endpoint nodes.

Colours are given twice, as CSS classes (for the page's stylesheet) and as presentation attributes
(fill=, stroke=): WeasyPrint reuses this SVG in the PDF, and a strict CSP forbids style=, not these.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.template.loader import render_to_string

from apps.catalog.taxonomy import ELIGIBILITY_SHORT

from .findings import CONTROL_LABELS, CONTROLS, evaluate

TEMPLATE = "workspace/partials/diagram.svg"
MARGIN, COLUMN_WIDTH, GAP = 16, 200, 220
HEADER, LEGEND_HEIGHT = 40, 44
NODE_MIN_HEIGHT, NODE_GAP, PORT_GAP, LANE_GAP = 44, 14, 18, 16
NODE_CHARS, EDGE_CHARS, EDGE_CHAR_WIDTH = 26, 30, 6.2
WIDTH = 2 * MARGIN + 3 * COLUMN_WIDTH + 2 * GAP
COLUMN_X = {"system": MARGIN, "endpoint": MARGIN + COLUMN_WIDTH + GAP, "store": MARGIN + 2 * (COLUMN_WIDTH + GAP)}
UNLINKED = "no OpenAI endpoint linked"
NOT_IN_CATALOG = "not in catalog"

# Endpoint eligibility under the control -> (CSS class, fill, stroke).
ELIGIBILITY = {
    "yes": ("dfd-eligible", "#d1e7dd", "#198754"),
    "limited": ("dfd-limited", "#fff3cd", "#997404"),
    "no": ("dfd-blocked", "#f8d7da", "#b02a37"),
    "unknown": ("dfd-blocked", "#f8d7da", "#b02a37"),
}
PLAIN = {"system": ("dfd-system", "#e7f1f8", "#2a6f97"), "store": ("dfd-store", "#eef0f3", "#495057")}


@dataclass(frozen=True)
class Node:
    id: str
    column: str
    label: str
    text: str
    caption: str
    eligibility: str
    x: int
    y: int
    width: int
    height: int
    css_class: str
    fill: str
    stroke: str

    @property
    def center_x(self):
        return self.x + self.width // 2

    @property
    def text_y(self):
        return self.y + self.height // 2 + (-3 if self.caption else 4)

    @property
    def caption_y(self):
        return self.text_y + 15


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    text: str
    path: str
    label_x: int
    label_y: int
    label_width: int
    dashed: bool


@dataclass(frozen=True)
class Heading:
    x: int
    label: str


@dataclass(frozen=True)
class LegendItem:
    x: int
    label: str
    css_class: str
    fill: str
    stroke: str
    dashed: bool = False


@dataclass(frozen=True)
class Diagram:
    id: str
    control: str
    width: int
    height: int
    summary: str
    headings: tuple[Heading, ...]
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    legend: tuple[LegendItem, ...]
    legend_y: int


def render_svg(snapshot, catalog, control=None):
    """The inline <svg> for the snapshot's flows, or "" when there are none (callers show an empty state)."""
    svg = render_to_string(TEMPLATE, {"diagram": layout(snapshot, catalog, control)})
    # The template autoescaped every user string and returned a SafeString, so a page can include it
    # with {{ diagram }}; str.strip() would silently drop that mark, hence no strip here.
    return svg if svg.strip() else ""


def layout(snapshot, catalog, control=None):
    """Place the flows in three columns. `control` colours the endpoints; by default it is the one the
    findings evaluate (the requested control, or the recommended one)."""
    if control not in CONTROLS:
        control = evaluate(snapshot, catalog).control
    label = CONTROL_LABELS[control]
    diagram_id = f"dfd-{re.sub(r'[^A-Za-z0-9_-]', '', str(snapshot.get('id') or 'new'))}"
    nodes, links = _graph(snapshot)
    if not nodes:
        return Diagram(id=diagram_id, control=control, width=WIDTH, height=0, summary=_summary({}), headings=(),
                       nodes=(), edges=(), legend=(), legend_y=0)
    rows = {e["path"]: e for e in catalog["endpoints"]}
    heights = _heights(nodes, links)

    direct = [link for link in links if link["dashed"]]
    stacks = {column: [n for n in nodes.values() if n["column"] == column] for column in COLUMN_X}
    stack_height = {c: sum(heights[n["id"]] for n in s) + NODE_GAP * max(len(s) - 1, 0) for c, s in stacks.items()}
    lanes_height = LANE_GAP * (len(direct) + 1) if direct else 0
    content = max(stack_height["system"], stack_height["store"], stack_height["endpoint"] + lanes_height)

    placed = {}
    for column, stack in stacks.items():
        y = HEADER + (content - stack_height[column] - (lanes_height if column == "endpoint" else 0)) // 2
        for node in stack:
            placed[node["id"]] = _node(node, COLUMN_X[column], y, heights[node["id"]], rows.get(node["label"]), control)
            y += heights[node["id"]] + NODE_GAP
    lane_top = HEADER + (content + stack_height["endpoint"] - lanes_height) // 2
    for i, link in enumerate(direct):
        link["lane"] = lane_top + LANE_GAP * (i + 1)

    legend_y = HEADER + content + 24
    return Diagram(
        id=diagram_id, control=control, width=WIDTH, height=legend_y + LEGEND_HEIGHT - 20, summary=_summary(stacks),
        headings=(Heading(COLUMN_X["system"] + COLUMN_WIDTH // 2, "Source systems"),
                  Heading(COLUMN_X["endpoint"] + COLUMN_WIDTH // 2, f"OpenAI endpoints ({label})"),
                  Heading(COLUMN_X["store"] + COLUMN_WIDTH // 2, "Output stores")),
        nodes=tuple(placed.values()), edges=_edges(links, placed), legend=_legend(label), legend_y=legend_y,
    )


def _graph(snapshot):
    """Nodes keyed by column and name (the same name is one node), and links merged per node pair."""
    usages = {u.get("id"): u for u in snapshot.get("usages") or []}
    nodes, links = {}, {}

    def node(column, name):
        key = (column, " ".join(name.split()).casefold())
        if key not in nodes:
            nodes[key] = {"id": f"{column}-{len(nodes)}", "column": column, "label": name}
        return nodes[key]["id"]

    def link(source, target, kind, labels):
        merged = links.setdefault((source, target), {"source": source, "target": target, "kind": kind, "labels": [],
                                                       "dashed": kind == "unlinked"})
        merged["labels"].extend(x for x in labels if x and x not in merged["labels"])

    for flow in snapshot.get("flows") or []:
        source, store = _clean(flow.get("source_system")), _clean(flow.get("output_store"))
        usage = usages.get(flow.get("usage_id")) if flow.get("usage_id") is not None else None
        path = _clean((usage or {}).get("endpoint_path"))
        if not (source or path or store):
            continue
        system = node("system", source or "Unnamed source")
        if path:
            endpoint = node("endpoint", path)
            link(system, endpoint, "categories", [_clean(c) for c in flow.get("data_categories") or []])
            if store:
                link(endpoint, node("store", store), "returns", [_clean(flow.get("returns"))])
        elif store:
            link(system, node("store", store), "unlinked", [UNLINKED])
    return {n["id"]: n for n in nodes.values()}, list(links.values())


def _heights(nodes, links):
    """A node is tall enough to give each of its edges a port PORT_GAP apart on either side."""
    ports = {node_id: [0, 0] for node_id in nodes}
    for link in links:
        ports[link["source"]][1] += 1
        ports[link["target"]][0] += 1
    return {node_id: max(NODE_MIN_HEIGHT, (max(counts) + 1) * PORT_GAP) for node_id, counts in ports.items()}


def _node(node, x, y, height, row, control):
    if node["column"] == "endpoint":
        eligibility = row[control] if row else "unknown"
        css_class, fill, stroke = ELIGIBILITY[eligibility]
        caption = f"{CONTROL_LABELS[control]}: {ELIGIBILITY_SHORT[eligibility].lower()}" if row else NOT_IN_CATALOG
    else:
        (css_class, fill, stroke), caption, eligibility = PLAIN[node["column"]], "", ""
    return Node(id=node["id"], column=node["column"], label=node["label"], text=_truncate(node["label"], NODE_CHARS),
                caption=caption, eligibility=eligibility, x=x, y=y, width=COLUMN_WIDTH, height=height,
                css_class=css_class, fill=fill, stroke=stroke)


def _edges(links, placed):
    """Ports are ordered by the other end's height, so edges leaving one node do not cross each other."""
    def far_y(link, end):
        return link.get("lane") or _middle(placed[link[end]])

    outgoing, incoming = {}, {}
    for link in links:
        outgoing.setdefault(link["source"], []).append(link)
        incoming.setdefault(link["target"], []).append(link)
    for side, groups, far_end in (("out_y", outgoing, "target"), ("in_y", incoming, "source")):
        for node_id, group in groups.items():
            node = placed[node_id]
            for i, link in enumerate(sorted(group, key=lambda lk, e=far_end: far_y(lk, e))):
                link[side] = node.y + round(node.height * (i + 1) / (len(group) + 1))

    edges = []
    for link in links:
        x1, y1 = placed[link["source"]].x + COLUMN_WIDTH, link["out_y"]
        x2, y2 = placed[link["target"]].x - 1, link["in_y"]
        if link["dashed"]:
            lane, mid = link["lane"], COLUMN_X["endpoint"]
            path = (f"M{x1},{y1} {_curve(x1, y1, mid, lane)} L{mid + COLUMN_WIDTH},{lane} "
                    f"{_curve(mid + COLUMN_WIDTH, lane, x2, y2)}")
        else:
            path = f"M{x1},{y1} {_curve(x1, y1, x2, y2)}"
        full, text = _edge_label(link)
        edges.append(Edge(source=link["source"], target=link["target"], label=full, text=text, path=path,
                          label_x=x1 + 8, label_y=y1 - 5, label_width=round(_width(text) * EDGE_CHAR_WIDTH) + 6,
                          dashed=link["dashed"]))
    return tuple(edges)


def _edge_label(link):
    labels = link["labels"]
    if not labels:
        return "", ""
    if link["kind"] == "categories":
        # Fideslang keys are long: the last segment names the data, the count says there is more.
        short = list(dict.fromkeys(label.rsplit(".", 1)[-1] for label in labels))
        text = short[0] + (f" +{len(short) - 1}" if len(short) > 1 else "")
        return ", ".join(labels), _truncate(text, EDGE_CHARS)
    full = "; ".join(labels)
    return full, _truncate(full, EDGE_CHARS)


def _curve(x1, y1, x2, y2):
    """A cubic Bézier that leaves and arrives horizontally, so arrows meet the nodes square on."""
    return f"C{x1 + GAP // 2},{y1} {x2 - GAP // 2},{y2} {x2},{y2}"


def _middle(node):
    return node.y + node.height // 2


def _summary(stacks):
    counts = [(len(stacks.get("system", ())), "system"), (len(stacks.get("endpoint", ())), "OpenAI endpoint"),
              (len(stacks.get("store", ())), "store")]
    return "Data flows: " + ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts)


def _legend(label):
    words = ELIGIBILITY_SHORT
    items = [(ELIGIBILITY["yes"], f"{words['yes']} for {label}"),
             (ELIGIBILITY["limited"], f"{label} {words['limited'].lower()}"),
             (ELIGIBILITY["no"], f"{words['no']} / {NOT_IN_CATALOG}")]
    legend = [LegendItem(MARGIN + 230 * i, text, css, fill, stroke) for i, ((css, fill, stroke), text)
              in enumerate(items)]
    return (*legend, LegendItem(MARGIN + 230 * 3, "No OpenAI endpoint linked", "dfd-unlinked", "none", "#6c757d",
                                dashed=True))


def _clean(value):
    """One line of printable text: XML cannot carry control characters, even escaped."""
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") else c for c in str(value or ""))
    return " ".join(text.replace("\ufffe", "").replace("\uffff", "").split())


def _width(text):
    """Display width in average characters: East Asian wide characters count double, marks nothing."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _truncate(text, limit):
    if _width(text) <= limit:
        return text
    kept = ""
    for char in text:
        if _width(kept + char) > limit - 1:
            break
        kept += char
    return kept.rstrip() + "…"
