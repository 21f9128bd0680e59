"""The justification packet: immutable, numbered versions of a request, rendered to PDF, signed off."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.accounts.models import Organization
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
    rendering_started_at = models.DateTimeField(null=True, blank=True)
    queued_at = models.DateTimeField(
        null=True, blank=True, help_text="When the render was last asked of a worker (the task message sent).")

    class Meta:
        ordering = ["request", "-number"]
        constraints = [models.UniqueConstraint(fields=["request", "number"], name="one_packet_number_per_request")]

    def __str__(self):
        return f"{self.request} · packet v{self.number}"

    @property
    def is_stale(self):
        """A render that outlived its lease (longer than the hard time limit): its worker was
        killed or lost, so nothing will finish it. The sweep queues it again by itself."""
        lease = timedelta(seconds=settings.PACKET_RENDER_LEASE_SECONDS)
        return (self.state == PacketState.RENDERING and self.rendering_started_at is not None
                and self.rendering_started_at < timezone.now() - lease)

    @property
    def shown_state(self):
        # A dead render is waiting for the sweep to claim it again: queued, as far as anyone can act.
        return PacketState.QUEUED if self.is_stale else self.state

    @property
    def shown_failure_reason(self):
        return self.failure_reason

    @property
    def waiting_since(self):
        """When the current wait began: the doorbell for a queued version, the claim for a render."""
        if self.state == PacketState.RENDERING and not self.is_stale:
            return self.rendering_started_at
        return self.queued_at or self.created_at

    @property
    def is_pending(self):
        return self.shown_state in (PacketState.QUEUED, PacketState.RENDERING)

    @property
    def can_retry(self):
        return self.shown_state == PacketState.FAILED


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


class PaperSize(models.TextChoices):
    A4 = "A4", "A4 (210 × 297 mm)"
    LETTER = "letter", "US Letter (8.5 × 11 in)"


class PacketSettings(models.Model):
    """How an organization's packets are printed. Missing row = the defaults."""

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE, related_name="packet_settings")
    paper_size = models.CharField(max_length=16, choices=PaperSize.choices, default=PaperSize.A4)

    class Meta:
        verbose_name_plural = "packet settings"

    def __str__(self):
        return f"Packet settings of {self.organization}"
