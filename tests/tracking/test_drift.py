"""Drift: a later check that disagrees with the approval, or usage the approval does not cover,
flags the request, owes the owner a reminder and shows an alert."""

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from apps.tracking import followups
from apps.tracking.drift import uncovered
from apps.tracking.models import DriftAlert, FollowUp, Tracking
from apps.workspace import services as workspace
from apps.workspace.models import ZdrRequest
from tests.fakes.openai_admin import VALID_KEY


def add_usage(zdr_request, user, run_on_commit, path, features=()):
    with run_on_commit():
        usage = workspace.item_add(zdr_request=zdr_request, kind="usages", user=user, endpoint_path=path)
    if features:
        with run_on_commit():
            usage.features = list(features)
            usage.save()
    return usage


def test_uncovered_is_a_pure_comparison():
    covered = {"/v1/responses": ["file_inputs"]}
    usages = [{"endpoint_path": "/v1/responses", "features": ["file_inputs", "background"]},
              {"endpoint_path": "/v1/embeddings", "features": []}]
    assert list(uncovered(usages, covered, [])) == ["feature:/v1/responses:background", "endpoint:/v1/embeddings"]
    assert uncovered([usages[0] | {"features": ["file_inputs"]}], covered, []) == {}


def test_a_new_endpoint_after_approval_raises_scope_drift_once(client_for, approved, alice, run_on_commit):
    add_usage(approved, alice, run_on_commit, "/v1/batches")
    alert = DriftAlert.objects.get()
    assert alert.kind == "scope"
    assert "/v1/batches was not in use when the approval was recorded" in alert.detail
    assert "/v1/batches is not eligible for ZDR" in alert.detail
    assert (alert.follow_up.kind, alert.follow_up.state) == ("drift", "pending")

    usage = approved.usages.get(endpoint_path="/v1/batches")
    with run_on_commit():
        usage.purpose = "Nightly jobs"
        usage.save()
    assert DriftAlert.objects.count() == 1  # nothing new: no second alert

    body = client_for(alice).get(reverse("tracking:detail", args=[approved.pk])).content.decode()
    assert "Scope drift" in body and "/v1/batches was not in use" in body
    dashboard = client_for(alice).get(reverse("portal:dashboard")).content.decode()
    assert "Scope drift" in dashboard and "Resolve the drift alert." in dashboard

    # The drift only: the first verification counts from the approval, so it is not due yet.
    assert followups.follow_ups_sweep() == 1
    assert f"Drift on “{approved.title}”: check the approval" in [m.subject for m in mail.outbox]


def test_a_new_feature_on_a_covered_endpoint_is_scope_drift(approved, alice, run_on_commit):
    usage = approved.usages.first()
    with run_on_commit():
        usage.features = [*usage.features, "background_mode"]
        usage.save()
    assert DriftAlert.objects.get().keys[0] == "feature:/v1/responses:background_mode"


def test_scope_drift_is_judged_under_the_granted_control_not_the_requested_one(approved, alice, run_on_commit):
    ZdrRequest.objects.filter(pk=approved.pk).update(requested_control="mam")
    approved.refresh_from_db()
    add_usage(approved, alice, run_on_commit, "/v1/batches")
    assert "/v1/batches is not eligible for ZDR" in DriftAlert.objects.get().detail
    approved.refresh_from_db()
    assert approved.requested_control == "mam"


def test_no_scope_drift_before_approval(clinic, alice, run_on_commit):
    add_usage(clinic, alice, run_on_commit, "/v1/batches")
    assert not DriftAlert.objects.exists()


def test_resolving_an_alert_closes_its_follow_up(client_for, approved, alice, run_on_commit):
    add_usage(approved, alice, run_on_commit, "/v1/embeddings")
    alert = DriftAlert.objects.get()
    client_for(alice).post(reverse("tracking:alert_resolve", args=[approved.pk, alert.pk]))
    alert.refresh_from_db()
    assert alert.resolved_at is not None and alert.resolved_by == alice
    assert FollowUp.objects.get(pk=alert.follow_up_id).state == "done"


def test_a_later_check_that_disagrees_raises_verification_drift(client_for, approved, alice, fake_admin_api,
                                                                run_on_commit):
    fake_admin_api.state.projects = {"proj_NotesAssistant01": "organization_default"}
    client = client_for(alice)
    with run_on_commit():
        client.post(reverse("tracking:admin_api_check", args=[approved.pk]), {"admin_key": VALID_KEY})
    assert Tracking.objects.get(request=approved).status == "verified"
    reverify = FollowUp.objects.get(request=approved, kind="reverify", state="pending")
    assert reverify.due_at > timezone.now() + timedelta(days=89)

    fake_admin_api.state.projects = {"proj_NotesAssistant01": "none"}
    with run_on_commit():
        response = client.post(reverse("tracking:admin_api_check", args=[approved.pk]), {"admin_key": VALID_KEY},
                               follow=True)
    body = response.content.decode()
    assert "differs from the approval: Project proj_NotesAssistant01: data controls are off (none)" in body
    assert "approval: Differs from the approval" not in body
    alert = DriftAlert.objects.get(kind="verification")
    assert "Verification drift" in body and alert.follow_up.kind == "drift"
    assert Tracking.objects.get(request=approved).status == "verified"  # the approval stands; the alert says why


def test_the_re_verification_reminder_goes_through_the_same_sweep(approved, alice, run_on_commit):
    reverify = FollowUp.objects.get(request=approved, kind="reverify", state="pending")
    assert followups.follow_ups_sweep(now=reverify.due_at + timedelta(minutes=1)) == 1
    [message] = mail.outbox
    assert message.subject == f"Time to verify Zero Data Retention (ZDR) for “{approved.title}”"
    assert "Approval recorded: check that the control is on." in message.body
