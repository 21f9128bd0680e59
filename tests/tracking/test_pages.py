"""The tracking page in every state, the export, and garbage input everywhere: a field error or a
refusal, never a 500, and nothing half-saved."""

from django.urls import reverse

from apps.tracking.models import Approval, ContactEntry, FollowUp, Transition
from apps.workspace.models import ZdrRequest

GARBAGE = {"note": "\x00" * 3, "channel": ["a", "b"], "packet_version": "1 OR 1=1", "days": "-1",
           "occurred_at": "2026-13-45", "direction": "<script>", "admin_key": "", "control": "zdr' --",
           "effective_date": "0000-00-00", "scope": "everything", "done": "maybe", "summary": "x" * 5000}


def test_every_demo_request_renders_its_tracking_page(client_for, demo, alice, viewer,
                                                      django_assert_max_num_queries):
    for user in (alice, viewer):
        client = client_for(user)
        for zdr_request in ZdrRequest.objects.all():
            with django_assert_max_num_queries(30):
                response = client.get(reverse("tracking:detail", args=[zdr_request.pk]))
            assert response.status_code == 200
    body = client_for(alice).get(reverse("tracking:detail", args=[
        ZdrRequest.objects.get(title="Patient-portal triage chatbot").pk])).content.decode()
    assert "Overdue" in body and "Draft for follow-up #1" in body and "org-NorthwindTriage01" in body
    assert 'data-copy="#draft-body"' in body and "style=" not in body and "<script>" not in body


def test_the_viewer_sees_no_action_buttons(client_for, demo, viewer):
    triage = ZdrRequest.objects.get(title="Patient-portal triage chatbot")
    body = client_for(viewer).get(reverse("tracking:detail", args=[triage.pk])).content.decode()
    assert "Mark as sent" not in body and "Log a message" not in body
    assert "needs the role owner or editor; yours is viewer" in body


def test_the_export_has_the_tracking_sections(client_for, demo, alice):
    lab = ZdrRequest.objects.get(title="Lab-report extraction")
    data = client_for(alice).get(reverse("workspace:export", args=[lab.pk])).json()
    assert data["status"]["status"] == "verified"
    assert [t["to"] for t in data["transitions"]] == ["internal_review", "ready_to_send", "submitted",
                                                      "acknowledged", "approved_zdr", "verified"]
    assert [e["direction"] for e in data["contact_log"]] == ["in", "in"]
    assert data["follow_ups"][-1]["kind"] == "reverify"
    assert data["approval"]["control"] == "zdr" and data["approval"]["checklist"]["dashboard_tab"]["done"]
    assert data["verifications"][0]["outcome"] == "match"


def test_garbage_posted_to_every_tracking_view_never_500s(client_for, demo, alice):
    client = client_for(alice)
    triage = ZdrRequest.objects.get(title="Patient-portal triage chatbot")
    follow_up = FollowUp.objects.filter(request=triage).first()
    before = (Transition.objects.count(), ContactEntry.objects.count(), Approval.objects.count())
    urls = [reverse("tracking:transition", args=[triage.pk, key]) for key in ("submit", "decline", "withdraw",
                                                                              "verify", "reopen")]
    urls += [reverse("tracking:contact_add", args=[triage.pk]), reverse("tracking:approval", args=[triage.pk]),
             reverse("tracking:admin_api_check", args=[triage.pk]), reverse("tracking:policy"),
             reverse("tracking:checklist_tick", args=[triage.pk, "dashboard_tab"]),
             reverse("tracking:checklist_tick", args=[triage.pk, "nonsense"]),
             reverse("tracking:follow_up_action", args=[triage.pk, follow_up.pk, "snooze"]),
             reverse("tracking:follow_up_action", args=[triage.pk, follow_up.pk, "explode"])]
    for url in urls:
        response = client.post(url, GARBAGE)
        assert response.status_code in (200, 302, 404), url
    assert (Transition.objects.count(), ContactEntry.objects.count(), Approval.objects.count()) == before
