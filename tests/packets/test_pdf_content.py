"""The clinic's packet read back from the PDF: what OpenAI's reviewers will actually get."""

import pytest

from apps.packets.models import PacketSettings, PacketState
from apps.workspace.models import ZdrRequest

from .rendered import flat, pdf_pages, rendered_version

SECTIONS = ["Cover letter", "Executive summary", "Use case and drivers", "Data inventory", "Data flows",
            "Endpoint usage and eligibility", "Findings and remediation plan", "Safeguards",
            "Commitments and agreements", "Rollout and verification", "Contacts and internal sign-off",
            "Appendix: catalog excerpt and glossary"]


@pytest.fixture
def clinic_pdf(clinic, alice):
    version = rendered_version(clinic, alice)
    assert version.state == PacketState.READY, version.failure_reason
    reader, pages = pdf_pages(version)
    return version, reader, pages


def test_the_clinic_packet_has_every_section_and_the_key_facts(clinic_pdf):
    version, reader, pages = clinic_pdf
    text = "\n".join(pages)
    for number, title in enumerate(SECTIONS, start=1):
        assert flat(f"{number}{title}") in flat(text), title
    assert "org-NorthwindClinic2026" in text and "proj_NotesAssistant01" in text
    assert "/v1/responses" in text and "Zero Data Retention (ZDR)" in text
    assert "Northwind Clinic Group, Inc." in text
    assert flat("as of 2026-09-22") in flat(text)  # the pinned catalog, cited
    assert "Sam Okafor" in text and "HIPAA / PHI" in text
    assert "DRAFT" not in text  # the clinic is complete


def test_every_page_has_the_running_header_and_a_page_x_of_y_footer(clinic_pdf):
    version, reader, pages = clinic_pdf
    count = len(pages)
    assert 7 <= count <= 14 and version.page_count == count
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {count}" in text
    for text in pages[1:]:  # the cover page carries no header
        assert "Northwind Clinic Group, Inc. · ZDR request" in text and "Packet v1" in text


def test_the_table_of_contents_gives_each_section_its_page(clinic_pdf):
    _, _, pages = clinic_pdf
    cover = flat(pages[0])
    for title in SECTIONS:
        start = next(n for n, text in enumerate(pages, start=1) if flat(title) in flat(text) and n > 1)
        assert f"{flat(title)}{start}" in cover.replace(".", ""), title


def test_the_pdf_metadata_names_the_request_the_author_and_the_subject(clinic_pdf):
    _, reader, _ = clinic_pdf
    meta = reader.metadata
    assert meta.title == "ZDR request: Visit-note summaries for Northwind Clinic (v1)"
    assert meta.author == "Northwind Clinic Group, Inc."
    assert "org-NorthwindClinic2026" in meta.subject and "Zero Data Retention" in meta.subject


def test_the_data_flow_diagram_is_drawn_as_vectors(clinic_pdf):
    version, reader, pages = clinic_pdf
    flows_page = next(n for n, text in enumerate(pages) if n > 0 and flat("5Data flows") in flat(text))
    page = reader.pages[flows_page]
    assert "EHR (Epic)" in pages[flows_page] and "Patient portal" in pages[flows_page]  # SVG text stays text
    assert not page.images  # no raster picture of the diagram
    assert page.mediabox.width > page.mediabox.height  # the flows page is landscape, for a readable diagram


def test_an_incomplete_request_is_watermarked_draft_on_every_page(blank_request, alice):
    version = rendered_version(blank_request, alice)
    _, pages = pdf_pages(version)
    assert version.is_draft and version.state == PacketState.READY
    assert all("DRAFT" in text for text in pages)
    assert "Draft, not for submission" in pages[0]


def test_letter_paper_is_an_organization_setting(clinic, alice, alice_org):
    PacketSettings.objects.create(organization=alice_org, paper_size="letter")
    version = rendered_version(ZdrRequest.objects.get(pk=clinic.pk), alice)
    reader, _ = pdf_pages(version)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # 8.5 x 11 in, in points
    assert version.snapshot["meta"]["paper_size"] == "letter"
