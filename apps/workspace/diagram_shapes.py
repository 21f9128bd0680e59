"""What the diagram template draws: positioned boxes, edges, text lines and the legend, all plain
values computed by diagram.layout()."""

from dataclasses import dataclass


@dataclass(frozen=True)
class TextLine:
    x: int
    y: int
    text: str


@dataclass(frozen=True)
class Node:
    id: str
    column: str
    label: str
    lines: tuple[TextLine, ...]
    captions: tuple[TextLine, ...]
    caption: str
    eligibility: str
    x: int
    y: int
    width: int
    height: int
    css_class: str
    fill: str
    stroke: str


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    lines: tuple[TextLine, ...]
    box: tuple[int, int, int, int]  # x, y, width, height of the label's backing
    path: str
    dashed: bool
    back: bool  # drawn right to left: the output returns to a system that is also a source


@dataclass(frozen=True)
class LegendItem:
    x: int
    y: int
    label: str
    css_class: str
    fill: str
    stroke: str
    dashed: bool = False


@dataclass(frozen=True)
class FlowLine:
    """One flow as text, in the order the team entered them."""
    source: str
    endpoint: str
    store: str
    categories: tuple[str, ...]
    returns: str
    retention: str


@dataclass(frozen=True)
class Diagram:
    id: str
    control: str
    width: int
    height: int
    summary: str
    headings: tuple[TextLine, ...]
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    legend: tuple[LegendItem, ...]
    flows: tuple[FlowLine, ...]
