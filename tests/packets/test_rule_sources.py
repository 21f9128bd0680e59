"""The packet cites each finding's and each catalog row's own source and date, and marks a fact
reported by developers as such, in the PDF itself; older snapshots still cite the catalog's page."""

import pytest

from apps.packets.content import packet_snapshot
from apps.packets.pdf import packet_html
from apps.workspace import services
from apps.workspace.models import EndpointUsage
from apps.workspace.selectors import Assessment

from .rendered import flat, fresh, pdf_pages, rendered_version

CODEX = "https://github.com/openai/codex/issues/106"
BACKGROUND = "https://developers.openai.com/api/docs/guides/background"


@pytest.fixture
def stateful(catalogs_loaded, alice, alice_org):
    """A request on the newest catalog whose Responses usage relies on stored state."""
    zdr_request = services.request_create(organization=alice_org, owner=alice, title="Agent", requested_control="zdr")
    EndpointUsage.objects.create(request=zdr_request, endpoint_path="/v1/responses", models_used="gpt-5.5",
                                 store="true", features=["previous_response_id", "background_mode"])
    return zdr_request


def test_findings_in_the_packet_cite_their_rules_own_source(stateful):
    snapshot = packet_snapshot(Assessment(fresh(stateful)))
    html = packet_html(snapshot)

    by_key = {f["feature_key"]: f for f in snapshot["findings"] if f["feature_key"]}
    assert by_key["previous_response_id"]["source_url"] == CODEX
    assert by_key["previous_response_id"]["confidence"] == "reported"
    assert "Source: openai/codex issue 106" in html and f"({CODEX})" in html
    assert "Reported by developers" in html
    assert f"({BACKGROUND}), as of 2026-12-01" in html


def test_the_rendered_pdf_marks_the_developers_report(stateful, alice):
    _, pages = pdf_pages(rendered_version(stateful, alice))
    text = flat(" ".join(pages))
    assert "Reportedbydevelopers" in text
    assert "github.com/openai/codex/issues/106" in text.replace(" ", "")


def test_a_snapshot_frozen_before_rule_sources_still_cites_the_catalogs_page(stateful):
    snapshot = packet_snapshot(Assessment(fresh(stateful)))
    for finding in snapshot["findings"]:
        for name in ("citations", "source_title", "confidence"):
            finding.pop(name)
    html = packet_html(snapshot)
    assert "Source: Data controls in the OpenAI platform" in html


@pytest.mark.parametrize("control", ["zdr_psp", "private_retention_psp", "safety_retention"])
def test_a_packet_for_a_newer_control_checks_its_column_and_says_what_it_keeps(stateful, control):
    stateful.requested_control = control
    stateful.save()
    snapshot = packet_snapshot(Assessment(fresh(stateful)))
    html = packet_html(snapshot)

    assert snapshot["control"] == control
    keeps = next(c["keeps"] for c in snapshot["catalog"]["controls"] if c["key"] == control)
    assert keeps.split(";")[0].split(",")[0] in html
