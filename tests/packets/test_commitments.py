"""Scope, volume and the team's commitments in the packet: stated as recorded, and only then."""

import html as html_
import re

import pytest
from django.template.loader import render_to_string

from apps.packets.commitments import commitments, frozen_labels, scope, volume
from apps.packets.content import packet_snapshot
from apps.packets.outreach import contact_form_text, email_draft
from apps.packets.presentation import packet_context
from apps.workspace.models import ZdrRequest
from apps.workspace.selectors import Assessment

from .rendered import fresh


def packet_text(zdr_request):
    snapshot = packet_snapshot(Assessment(fresh(zdr_request)))
    html = render_to_string("pdf/partials/content.html", packet_context(snapshot))
    text = " ".join(html_.unescape(re.sub(r"<[^>]+>", " ", html)).split())
    return re.sub(r" ([,.;:)])", r"\1", text), snapshot


@pytest.mark.parametrize(
    "request_, label, expected",
    [
        ({"scope": "organization", "project_ids": []}, "The whole organization",
         {"kind": "organization", "label": "The whole organization", "projects": []}),
        ({"scope": "projects", "project_ids": ["proj_A1"]}, "Named projects only",
         {"kind": "projects", "label": "Named projects only", "projects": ["proj_A1"]}),
        ({"scope": "", "project_ids": []}, "", {"kind": "", "label": "", "projects": []}),
        # A snapshot frozen before the choice existed: entered project IDs still name the projects.
        ({"project_ids": ["proj_A1"]}, "", {"kind": "projects", "label": "Named projects only",
                                            "projects": ["proj_A1"]}),
        ({}, "", {"kind": "", "label": "", "projects": []}),
    ],
)
def test_the_scope_is_what_the_team_chose_and_never_assumed(request_, label, expected):
    assert scope(request_, {"scope": label} if label else {}) == expected


@pytest.mark.parametrize(
    "request_, expected",
    [
        ({"monthly_requests": 80000, "monthly_tokens": 10, "expected_volume": "x", "usages": [{"monthly_volume": 5}]},
         {"requests": 80000, "tokens": 10, "notes": "x"}),
        ({"monthly_requests": None, "usages": [{"monthly_volume": 5}]},
         {"requests": None, "tokens": None, "notes": ""}),
        # Frozen before the request had its own figure: the usages' sum was the figure it printed.
        ({"usages": [{"monthly_volume": 5}, {"monthly_volume": None}, {"monthly_volume": 7}]},
         {"requests": 12, "tokens": None, "notes": ""}),
        ({"usages": []}, {"requests": None, "tokens": None, "notes": ""}),
    ],
)
def test_the_volume_is_one_figure_from_one_place(request_, expected):
    assert volume(request_) == expected


def test_an_old_snapshot_without_the_new_fields_reads_as_nothing_recorded():
    result = commitments({"drivers": ["hipaa"]}, {})
    assert result["accepted"] == [] and result["abuse_untaken"] == [] and result["verification"] == []
    assert result["go_live"] is None and result["signatory"]["name"] == "" and result["hipaa"] is True


def test_only_ticked_requirements_are_frozen_as_accepted_and_untaken_measures_are_named():
    labels = frozen_labels({"requirements_accepted": ["csam_exception"], "abuse_measures": ["rate_limits"]})
    assert labels["ticked"]["requirements_accepted"] == [
        "The CSAM exception: suspected CSAM in image and file inputs is retained for manual review, even under ZDR "
        "or MAM"]
    assert "Rate limits per end user" not in labels["abuse_untaken"]
    assert "OpenAI's Moderation endpoint on inputs and outputs" in labels["abuse_untaken"]


def test_the_clinic_packet_states_its_commitments_scope_and_one_volume(clinic):
    text, _ = packet_text(clinic)
    assert "9 Commitments and agreements" in text and "10 Rollout and verification" in text
    assert "The CSAM exception" in text and "Dr. Lena Hart, Chief Medical Information Officer" in text
    assert "Not in place: OpenAI's Moderation endpoint on inputs and outputs" in text
    assert "Requested from baa@openai.com" in text and "Live web search is not covered by a BAA" in text
    assert "GET /v1/organization/data_retention" in text and "Re-verification: Every quarter" in text
    assert "1 March 2027" in text and "$1,000 to $10,000 a month" in text
    assert "for its project proj_NotesAssistant01" in text
    figures = set(re.findall(r"about ([\d,]+) requests", text))
    assert figures == {"80,000"}  # the letter, the summary and section 10 print the same figure
    assert "All projects" not in text


def test_the_packet_never_claims_a_scope_or_a_total_nobody_entered(clinic):
    ZdrRequest.objects.filter(pk=clinic.pk).update(scope="", project_ids=[], monthly_requests=None)
    text, snapshot = packet_text(clinic)
    assert "All projects" not in text and "whole organization" not in text
    assert "Scope Not stated yet" in text
    assert not re.search(r"about [\d,]+ requests", text)  # the usages' 80,000 is no stand-in
    assert snapshot["meta"]["is_draft"]


def test_the_whole_organization_is_stated_only_when_chosen(clinic):
    ZdrRequest.objects.filter(pk=clinic.pk).update(scope="organization", project_ids=[])
    text, snapshot = packet_text(clinic)
    assert "for the whole organization" in text and "Scope The whole organization" in text
    assert "for the whole organization" in email_draft(snapshot)["body"]
    assert "for the whole organization" in contact_form_text(snapshot, 2000)


def test_unticked_requirements_are_not_printed_and_hipaa_appears_only_with_hipaa(clinic):
    ZdrRequest.objects.filter(pk=clinic.pk).update(requirements_accepted=["usage_policies"], drivers=["pci_dss"])
    text, _ = packet_text(clinic)
    section = text.split("9 Commitments and agreements")[-1].split("10 Rollout and verification")[0]
    assert "Responsibility for our end users' compliance" in section
    assert "The CSAM exception" not in section and "store is always treated as false" not in section
    assert "HIPAA" not in section and "BAA" not in section


def test_the_outreach_texts_give_the_one_volume_figure(clinic):
    _, snapshot = packet_text(clinic)
    assert "about 80,000 requests a month" in email_draft(snapshot)["body"]
    assert "Volume: about 80,000 requests and 240,000,000 tokens a month" in contact_form_text(snapshot, 5000)
