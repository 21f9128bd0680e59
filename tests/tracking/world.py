"""Tracking objects of a request, for the URL-protection walk (tests/portal/test_url_protection.py)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.tracking import drift, services
from apps.tracking.models import Attachment, DriftAlert, FollowUp

OBJECT_KWARGS = {
    "attachment_id": lambda org: Attachment.objects.filter(request__organization=org).first().pk,
    "follow_up_id": lambda org: FollowUp.objects.filter(request__organization=org).first().pk,
    "alert_id": lambda org: DriftAlert.objects.filter(request__organization=org).first().pk,
}
PART_KWARGS = {"move": "send_to_review", "action": "snooze", "item": "dashboard_tab"}


def tracking_world(zdr_request, user):
    services.contact_entry_create(
        zdr_request=zdr_request, user=user, occurred_at=timezone.now(), direction="in", channel="email",
        summary="A confidential reply.", upload=SimpleUploadedFile("reply.txt", b"We approve.\n"),
    )
    FollowUp.objects.create(request=zdr_request, due_at=timezone.now())
    drift.drift_raise(zdr_request=zdr_request, kind="scope", keys=["endpoint:/v1/batches"], detail="Drift.")
