"""The justification packet: immutable, numbered versions of a request, rendered to PDF, signed off."""

from django.conf import settings
from django.db import models

from apps.catalog.models import CatalogVersion
from apps.workspace.models import ZdrRequest


class PacketState(models.TextChoices):
    QUEUED = "queued", "Queued"
    RENDERING = "rendering", "Rendering"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class PacketVersion(models.Model):
    """A frozen snapshot of a request. Only the rendering bookkeeping (state, file, hash, timing)
    changes after creation, and only until the version is ready."""

    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="packet_versions")
    number = models.PositiveIntegerField()
    state = models.CharField(max_length=16, choices=PacketState.choices, default=PacketState.QUEUED)
    snapshot = models.JSONField(help_text="The request's content when the version was made.")
    catalog_version = models.ForeignKey(CatalogVersion, on_delete=models.PROTECT, related_name="+")
    is_draft = models.BooleanField(default=True, help_text="Made from an incomplete request: watermarked DRAFT.")
    generated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    pdf = models.FileField(upload_to="packets/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)
    render_seconds = models.FloatField(null=True, blank=True)
    failure_reason = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["request", "-number"]
        constraints = [models.UniqueConstraint(fields=["request", "number"], name="one_packet_number_per_request")]

    def __str__(self):
        return f"{self.request} · packet v{self.number}"


class Decision(models.TextChoices):
    APPROVED = "approved", "Approved"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"


class SignOff(models.Model):
    """A reviewer's decision on one exact version: it belongs to that version's PDF hash."""

    version = models.ForeignKey(PacketVersion, on_delete=models.CASCADE, related_name="sign_offs")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=20, choices=Decision.choices)
    comment = models.TextField(blank=True)
    sha256 = models.CharField(max_length=64, help_text="The hash of the PDF that was reviewed.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_decision_display()} by {self.reviewer} on v{self.version.number}"
