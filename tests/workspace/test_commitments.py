"""The commitments and rollout steps: saved like every step, refused cleanly, and part of completeness."""

import importlib
import json

import pytest
from django.apps import apps

from apps.workspace.completeness import completeness
from apps.workspace.models import ZdrRequest
from apps.workspace.selectors import request_snapshot
from apps.workspace.services import fingerprint
from apps.workspace.steps import STEP_BY_SLUG

from .steps import step_url

COMMITMENTS = STEP_BY_SLUG["commitments"].fields
ROLLOUT = STEP_BY_SLUG["rollout"].fields
figure = importlib.import_module("apps.workspace.migrations.0002_request_commitments_rollout_and_scope")


def missing(snapshot, step):
    base = {"contacts": [], "flows": [], "usages": []}
    return [m.label for m in completeness({**base, **snapshot}).steps[step].missing]


def test_the_rollout_step_saves_dates_choices_and_the_signatory(client_for, alice, blank_request):
    data = {"go_live": "2027-03-01", "spend_band": "1k_10k", "fallback_control": "mam", "fallback_reason": "Fine.",
            "verification_plan": ["dashboard", "probe_store"], "reverify_interval": "quarterly",
            "signatory_name": "Lena Hart", "signatory_title": "CMIO", "signatory_email": "lena@example.com",
            "seen": fingerprint(blank_request, ROLLOUT)}
    response = client_for(alice).post(step_url(blank_request, "rollout"), data, HTTP_HX_REQUEST="true")

    assert "Saved at" in response.content.decode()
    blank_request.refresh_from_db()
    assert blank_request.verification_plan == ["dashboard", "probe_store"]
    snapshot = request_snapshot(blank_request)
    assert json.loads(json.dumps(snapshot))["go_live"] == "2027-03-01"  # the packet freezes it as JSON


@pytest.mark.parametrize(
    "step, changes, message",
    [
        ("rollout", {"go_live": "next spring"}, "Enter a valid date."),
        ("rollout", {"signatory_email": "lena at clinic"}, "Enter a valid email address."),
        ("rollout", {"verification_plan": ["look_closely"]}, "Select a valid choice."),
        ("use-case", {"monthly_requests": "about 80k"}, "Enter a whole number."),
        ("use-case", {"monthly_requests": "-5"}, "greater than or equal to 0"),
        ("commitments", {"requirements_accepted": ["nothing"]}, "Select a valid choice."),
    ],
)
def test_bad_input_on_the_new_fields_is_a_field_error_and_only_the_valid_fields_are_saved(
    client_for, alice, blank_request, step, changes, message
):
    data = {"seen": fingerprint(blank_request, STEP_BY_SLUG[step].fields), "processing_region": "EU", **changes}
    response = client_for(alice).post(step_url(blank_request, step), data, HTTP_HX_REQUEST="true")

    assert response.status_code == 200 and message in response.content.decode()
    blank_request.refresh_from_db()
    assert blank_request.go_live is None and blank_request.monthly_requests is None
    assert blank_request.requirements_accepted == [] and blank_request.verification_plan == []
    # Only the commitments step has the region: valid beside a bad field, it is saved all the same.
    assert blank_request.processing_region == ("EU" if step == "commitments" else "")


def test_the_new_steps_show_every_field_with_its_label(client_for, alice, blank_request):
    html = client_for(alice).get(step_url(blank_request, "commitments")).content.decode()
    assert "Requirements we accept" in html and "The CSAM exception" in html
    assert "The packet states each one" in html  # a choice field keeps its help text
    assert "Measures we do not take, and why" in html and "Data Processing Addendum (DPA)" in html
    html = client_for(alice).get(step_url(blank_request, "rollout")).content.decode()
    assert "Planned go-live date" in html and "Authorized signatory: name" in html and 'type="date"' in html


def test_project_ids_are_required_only_for_named_projects():
    assert "The OpenAI project IDs it should cover" in missing({"scope": "projects"}, "organization")
    assert "The OpenAI project IDs it should cover" not in missing({"scope": "organization"}, "organization")
    assert "What the control should cover" in missing({"project_ids": ["proj_A1"]}, "organization")


def test_an_unticked_abuse_measure_needs_an_explanation():
    every = ["moderation_endpoint", "safety_identifiers", "end_user_auth", "rate_limits", "human_review"]
    label = "Why some abuse-prevention measures are not taken, or what replaces them"
    assert label in missing({"abuse_measures": every[1:]}, "commitments")
    assert label not in missing({"abuse_measures": every[1:], "abuse_measures_notes": "Clinicians only."},
                                "commitments")
    assert label not in missing({"abuse_measures": every}, "commitments")


def test_the_hipaa_block_is_asked_only_when_hipaa_drives_the_request():
    hipaa = missing({"drivers": ["hipaa"]}, "commitments")
    assert "How the BAA is requested" in hipaa and "HIPAA: Only ZDR-eligible endpoints are covered by a BAA" in hipaa
    assert not [m for m in missing({"drivers": ["pci_dss"]}, "commitments") if "BAA" in m or "HIPAA" in m]


def test_store_forced_false_is_a_zdr_term_a_mam_request_does_not_accept():
    label = "Accept: Under ZDR, store is always treated as false on /v1/responses and /v1/chat/completions"
    assert label in missing({"requested_control": "zdr"}, "commitments")
    assert label not in missing({"requested_control": "mam"}, "commitments")


def test_the_volume_figures_are_numbers_and_zero_counts_as_given():
    assert "Expected requests a month" in missing({}, "use-case")
    assert "Expected requests a month" not in missing({"monthly_requests": 0}, "use-case")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("About 120,000 a month", 120000),
        ("About 40,000 visit notes a month, growing to 60,000 in 2027.", 40000),
        ("1.5 million a month", None),
        ("40k a month", None),
        ("500 a day", None),
        ("no idea yet", None),
    ],
)
def test_the_migration_keeps_a_plain_monthly_figure_and_the_text(blank_request, text, expected):
    ZdrRequest.objects.filter(pk=blank_request.pk).update(expected_volume=text)
    figure.volume_figure(apps, None)
    blank_request.refresh_from_db()
    assert blank_request.monthly_requests == expected and blank_request.expected_volume == text

