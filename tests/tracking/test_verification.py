"""Approval evidence, the checklist, and the read-only Admin API check against a local fake over
real HTTP. The admin key is used once: never stored, logged, rendered or queued."""

import logging
from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from apps.tracking import services
from apps.tracking.admin_api import compare
from apps.tracking.models import Approval, Attachment, ChecklistTick, Tracking, Verification
from apps.tracking.schedule import first_verification_due
from tests.fakes.openai_admin import VALID_KEY

from .moves import approval_data, move
from .uploads import PDF_BYTES, upload

PROJECT = "proj_NotesAssistant01"


def check(client, zdr_request, key=VALID_KEY):
    return client.post(reverse("tracking:admin_api_check", args=[zdr_request.pk]), {"admin_key": key}, follow=True)


def test_recording_an_approval_keeps_the_evidence(client_for, submitted, alice, run_on_commit):
    with run_on_commit():
        response = client_for(alice).post(reverse("tracking:approval", args=[submitted.pk]), {
            **approval_data(scope="projects", project_ids=PROJECT),
            "evidence": upload("amendment.pdf", PDF_BYTES, "application/pdf"),
        }, follow=True)
    assert "Approval recorded" in response.content.decode()
    approval = Approval.objects.get()
    assert (approval.control, approval.scope, approval.project_ids) == ("zdr", "projects", [PROJECT])
    assert approval.evidence.content_type == "application/pdf" and approval.evidence.size == len(PDF_BYTES)
    assert approval.covered == {"/v1/responses": ["file_inputs"]}
    assert Tracking.objects.get(request=submitted).status == "approved_zdr"
    assert submitted.follow_ups.filter(kind="follow_up", state="pending").count() == 0
    assert submitted.follow_ups.filter(kind="reverify", state="pending").count() == 1


@pytest.mark.parametrize("data,error", [
    (approval_data(control="platinum"), "Select a valid choice"),
    (approval_data(effective_date="next tuesday"), "Enter a valid date"),
    (approval_data(scope="projects", project_ids=""), "List the approved projects"),
    (approval_data(scope="projects", project_ids="proj_ok, ../../etc"), "A project ID is"),
    (approval_data(message=""), "Keep the evidence"),
])
def test_bad_approval_input_gives_field_errors_and_saves_nothing(client_for, submitted, alice, data, error):
    response = client_for(alice).post(reverse("tracking:approval", args=[submitted.pk]), data)
    assert response.status_code == 200 and error in response.content.decode()
    assert not Approval.objects.exists() and not Attachment.objects.exists()
    assert Tracking.objects.get(request=submitted).status == "submitted"


def test_an_approval_in_the_wrong_state_is_refused_and_its_file_removed(client_for, clinic, alice, media_root):
    response = client_for(alice).post(reverse("tracking:approval", args=[clinic.pk]), {
        **approval_data(), "evidence": upload("approval.pdf", PDF_BYTES)})
    assert "starts from Submitted" in response.content.decode()
    assert not Approval.objects.exists() and not Attachment.objects.exists()
    assert not any(p.is_file() for p in media_root.rglob("*"))


def test_a_matching_check_marks_the_request_verified(client_for, approved, alice, fake_admin_api, caplog):
    fake_admin_api.state.projects = {PROJECT: "organization_default"}
    caplog.set_level(logging.DEBUG)
    response = check(client_for(alice), approved)
    body = response.content.decode()

    assert "Matches the approval: Every checked setting is zero_data_retention, as approved." in body
    verification = Verification.objects.get()
    assert verification.outcome == "match"
    assert verification.evidence["organization"] == {"object": "organization.data_retention",
                                                     "type": "zero_data_retention"}
    assert verification.evidence["lines"][1]["effective"] == "zero_data_retention"
    assert Tracking.objects.get(request=approved).status == "verified"
    assert fake_admin_api.state.requests == [
        ("GET", "/v1/organization/data_retention", True),
        ("GET", f"/v1/organization/projects/{PROJECT}/data_retention", True),
    ]
    assert_key_nowhere(body, caplog)


def test_a_wrong_key_gets_a_clear_message(client_for, approved, alice, fake_admin_api, caplog):
    caplog.set_level(logging.DEBUG)
    wrong = "sk-admin-WRONGWRONGWRONG"
    body = check(client_for(alice), approved, key=wrong).content.decode()
    assert "The Admin API refused the key (401 Unauthorized)" in body
    assert Verification.objects.get().outcome == "error"
    assert Tracking.objects.get(request=approved).status == "approved_zdr"
    assert_key_nowhere(body, caplog, key=wrong)


def test_a_timeout_gets_a_clear_message(client_for, approved, alice, fake_admin_api, caplog):
    fake_admin_api.state.delay = 3
    body = check(client_for(alice), approved).content.decode()
    assert "The Admin API did not answer within 1 seconds (the organization)" in body
    assert Verification.objects.get().outcome == "error"
    assert_key_nowhere(body, caplog)


def test_an_unreachable_api_gets_a_clear_message(client_for, approved, alice, settings):
    settings.OPENAI_ADMIN_API_BASE_URL = "http://127.0.0.1:9"  # the discard port: nothing listens
    body = check(client_for(alice), approved).content.decode()
    assert "Could not reach the Admin API at http://127.0.0.1:9: no server answered there." in body
    assert "Check the configured base URL" in body
    assert "ConnectError" not in body and "Error)" not in body  # words, not the exception's class name


def test_a_base_url_that_is_not_http_is_named_as_such(client_for, approved, alice, settings):
    settings.OPENAI_ADMIN_API_BASE_URL = "ftp://127.0.0.1:9"
    body = check(client_for(alice), approved).content.decode()
    assert "is not an http(s) address" in body and "UnsupportedProtocol" not in body


def test_an_unexpected_type_is_a_mismatch(client_for, approved, alice, fake_admin_api):
    fake_admin_api.state.organization_type = "super_secret_retention"
    fake_admin_api.state.projects = {PROJECT: "organization_default"}
    body = check(client_for(alice), approved).content.decode()
    assert "Differs from the approval</span>" in body
    assert "Organization: unexpected type “super_secret_retention”" in body
    assert "Differs from the approval: Differs" not in body and Verification.objects.get().summary.startswith("Org")
    assert Verification.objects.get().outcome == "mismatch"
    assert Tracking.objects.get(request=approved).status == "approved_zdr"


@pytest.mark.parametrize("org_type,projects,scope,outcome", [
    ("zero_data_retention", {"proj_a": "organization_default", "proj_b": "zero_data_retention"}, "organization",
     "match"),
    ("zero_data_retention", {"proj_a": "none", "proj_b": "organization_default"}, "organization", "mismatch"),
    ("modified_abuse_monitoring", {"proj_a": "zero_data_retention", "proj_b": "zero_data_retention"}, "projects",
     "match"),
    ("modified_abuse_monitoring", {"proj_a": "organization_default", "proj_b": "zero_data_retention"}, "projects",
     "mismatch"),
    ("enhanced_zero_data_retention", {}, "organization", "mismatch"),
])
def test_project_overrides_are_compared_with_the_approval(org_type, projects, scope, outcome):
    fetched = {"organization": {"type": org_type}, "projects": {p: {"type": t} for p, t in projects.items()}}
    assert compare(control="zdr", scope=scope, fetched=fetched).outcome == outcome


def test_project_scope_checks_the_listed_projects_over_http(client_for, submitted, alice, fake_admin_api,
                                                           run_on_commit):
    with run_on_commit():
        services.approval_record(zdr_request=submitted, user=alice, role="owner", control="mam",
                                 effective_date="2026-03-02", scope="projects", project_ids=["proj_Mam1"],
                                 message="MAM for one project.")
    fake_admin_api.state.organization_type = "zero_data_retention"
    fake_admin_api.state.projects = {"proj_Mam1": "none"}
    body = check(client_for(alice), submitted).content.decode()
    assert "Project proj_Mam1: data controls are off (none)" in body
    fake_admin_api.state.projects = {}
    body = check(client_for(alice), submitted).content.decode()
    assert "does not know project proj_Mam1 (404 Not Found)" in body
    assert [method for method, _, _ in fake_admin_api.state.requests] == ["GET"] * 4


def test_the_key_is_never_rendered_back_and_an_empty_key_is_a_field_error(client_for, approved, alice):
    client = client_for(alice)
    page = client.get(reverse("tracking:admin_api_check", args=[approved.pk])).content.decode()
    assert 'type="password"' in page and 'autocomplete="off"' in page
    response = client.post(reverse("tracking:admin_api_check", args=[approved.pk]), {"admin_key": "sk admin\nx"})
    assert "no spaces or line breaks" in response.content.decode() and "sk admin" not in response.content.decode()
    response = client.post(reverse("tracking:admin_api_check", args=[approved.pk]), {"admin_key": ""})
    assert "This field is required." in response.content.decode()
    assert not Verification.objects.exists()


def test_the_check_needs_an_approval(client_for, submitted, alice, fake_admin_api):
    response = client_for(alice).post(reverse("tracking:admin_api_check", args=[submitted.pk]),
                                      {"admin_key": VALID_KEY})
    assert "Record the approval first" in response.content.decode()
    assert fake_admin_api.state.requests == []


def test_the_checklist_is_ticked_with_a_note_and_can_verify(client_for, approved, alice, reviewer, run_on_commit):
    response = client_for(reviewer).post(reverse("tracking:checklist_tick", args=[approved.pk, "dashboard_tab"]),
                                         {"dashboard_tab-done": "on", "dashboard_tab-note": "Shows ZDR, 3 projects."},
                                         follow=True)
    assert "Checklist updated." in response.content.decode()
    tick = ChecklistTick.objects.get()
    assert (tick.done, tick.note, tick.by) == (True, "Shows ZDR, 3 projects.", reviewer)
    with run_on_commit():
        move(approved, "verify", alice)
    assert Tracking.objects.get(request=approved).status == "verified"
    assert approved.follow_ups.filter(kind="reverify", state="pending").count() == 1


def test_verifying_without_evidence_is_refused(approved, alice):
    with pytest.raises(services.Refused) as refused:
        move(approved, "verify", alice)
    assert "a matching Admin API check, or the Data retention tab ticked" in str(refused.value)


def assert_key_nowhere(body, caplog, key=VALID_KEY):
    assert key not in body
    assert key not in caplog.text
    dump = StringIO()
    call_command("dumpdata", stdout=dump)
    assert key not in dump.getvalue()
    assert key[-12:] not in dump.getvalue()


def test_the_first_check_after_an_approval_is_due_later_not_overdue(client_for, approved, alice):
    """The approval's effective date (2 Mar 2026) is in the past: the reminder counts from the approval."""
    reverify = approved.follow_ups.get(kind="reverify", state="pending")
    assert reverify.due_at > timezone.now()
    html = client_for(alice).get(reverse("tracking:detail", args=[approved.pk])).content.decode()
    card = html.split(f'id="follow-up-{reverify.pk}"')[1].split("</section>")[0]
    assert "Overdue" not in card and "Due " in card


def test_the_first_check_waits_for_a_future_effective_date():
    tz = ZoneInfo("Europe/Paris")
    recorded = datetime(2026, 3, 6, 16, 0, tzinfo=tz)  # a Friday afternoon
    assert first_verification_due(date(2026, 3, 6), recorded, frozenset(), tz) == datetime(2026, 3, 9, 9, 0, tzinfo=tz)
    assert first_verification_due(date(2026, 3, 20), recorded, frozenset(), tz) == datetime(2026, 3, 20, 9, 0,
                                                                                             tzinfo=tz)
    assert first_verification_due(date(2026, 3, 6), recorded, frozenset({date(2026, 3, 9)}), tz).day == 10


@pytest.mark.parametrize("org_type,outcome", [
    ("zero_data_retention", "match"),
    ("enhanced_zero_data_retention", "match"),
    ("modified_abuse_monitoring", "mismatch"),
])
def test_zdr_with_psp_accepts_either_zdr_type_and_says_the_psp_type_is_undocumented(org_type, outcome):
    fetched = {"organization": {"type": org_type}, "projects": {}}
    comparison = compare(control="zdr_psp", scope="organization", fetched=fetched)
    assert comparison.outcome == outcome
    if outcome == "match":
        assert "Zero Data Retention with Private Safety Processing" in comparison.lines[0][4]


def test_an_enhanced_type_unlike_the_approval_says_what_enhanced_means():
    fetched = {"organization": {"type": "enhanced_modified_abuse_monitoring"}, "projects": {}}
    comparison = compare(control="mam", scope="organization", fetched=fetched)
    assert comparison.outcome == "mismatch"
    assert "enhanced MAM, whose additions OpenAI does not document" in comparison.summary
