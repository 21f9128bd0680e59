"""The clinic's packet as assistive technology reads it: tagged, with a language, a title, a bookmark per
section, and a data-flow diagram whose labels are large enough and in the packet's own font."""

import logging
import re
import subprocess

import pytest
from pypdf import PdfReader

from apps.packets.models import PacketSettings, PacketState

from .rendered import flat, rendered_version
from .test_pdf_content import SECTIONS

HEADER_PT = 7.5  # the running header's size in packet.css: the yardstick for the diagram's labels


@pytest.fixture
def clinic_pdf(clinic, alice, tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        version = rendered_version(clinic, alice)
    assert version.state == PacketState.READY, version.failure_reason
    # WeasyPrint's tagger logs an error for a missing alt text or language rather than failing.
    assert not [r for r in caplog.records if r.name.startswith("weasyprint") and r.levelno >= logging.ERROR]
    path = tmp_path / "packet.pdf"
    with version.pdf.open("rb") as pdf:
        path.write_bytes(pdf.read())
    return path, PdfReader(path)


def run(*command):
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603 - poppler, our file


def structure_types(element, found):
    element = element.get_object()
    if isinstance(element, dict):
        if "/S" in element:
            found.setdefault(element["/S"], []).append(element)
        kids = element.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            if not isinstance(kid, int):
                structure_types(kid, found)
    return found


def test_pdfinfo_reports_a_tagged_pdf(clinic_pdf):
    path, _ = clinic_pdf
    info = run("pdfinfo", str(path))

    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    assert re.search(r"^Title:\s+ZDR request: Visit-note summaries for Northwind Clinic \(v1\)$", info, re.M)


def test_the_catalog_has_a_structure_tree_a_language_and_a_title(clinic_pdf):
    _, reader = clinic_pdf
    root = reader.trailer["/Root"]

    assert root["/MarkInfo"]["/Marked"].value is True
    assert root["/Lang"] == "en"
    assert reader.metadata.title == "ZDR request: Visit-note summaries for Northwind Clinic (v1)"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]  # viewers show the title, not the file name
    types = structure_types(root["/StructTreeRoot"], {})
    assert {"/Document", "/H1", "/H2", "/P", "/L", "/LI", "/Table", "/TH", "/TD", "/Figure"} <= set(types)
    assert len(types["/H2"]) == 1 + len(SECTIONS)  # the cover's "Contents" (no level skipped), then each section
    (figure,) = types["/Figure"]  # the diagram, described by its title; its flows follow as a list
    assert figure["/Alt"].startswith("Data flows: ")


def test_the_outline_has_a_bookmark_for_every_section_on_its_page(clinic_pdf):
    _, reader = clinic_pdf
    bookmarks = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                bookmarks[item.title] = reader.get_destination_page_number(item)

    walk(reader.outline)
    for number, title in enumerate(SECTIONS, start=1):
        page = bookmarks[f"{number} {title}"]  # the number and the title, spaced as a reader says them
        assert flat(f"{number}{title}") in flat(reader.pages[page].extract_text()), title


def test_the_diagram_labels_are_at_least_8pt_and_in_plex_on_letter_paper(clinic, alice, alice_org, tmp_path):
    PacketSettings.objects.create(organization=alice_org, paper_size="letter")
    version = rendered_version(clinic, alice)
    path = tmp_path / "packet.pdf"
    with version.pdf.open("rb") as pdf:
        path.write_bytes(pdf.read())
    reader = PdfReader(path)
    page = next(n for n, p in enumerate(reader.pages, start=1)
                if n > 1 and flat("5 Data flows") in flat(p.extract_text()))

    words = [(float(y0), float(y1), text) for y0, y1, text in re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>',
        run("pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(path), "-"))]
    # A word's box is its font size times the font's height; the running header gives the ratio.
    ratio = next(y1 - y0 for y0, y1, text in words if text == "Northwind") / HEADER_PT
    top = next(y0 for y0, _, text in words if text == "Source")
    bottom = next(y0 for y0, _, text in words if text == "same")
    diagram = [(text, (y1 - y0) / ratio) for y0, y1, text in words if top <= y0 < bottom]
    assert {"EHR", "Clinical", "Health", "Patient", "Eligible"} <= {text for text, _ in diagram}
    assert min(size for _, size in diagram) >= 8, diagram
    fonts = run("pdffonts", "-f", str(page), "-l", str(page), str(path))
    assert "IBM-Plex-Sans" in fonts and not re.search(r"Liberation|DejaVu|Helvetica|Arial", fonts), fonts
