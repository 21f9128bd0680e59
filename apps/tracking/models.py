"""Submission tracking: where a request stands, what was said to whom, the reminders owed, and
the approval with its verifications. Every row hangs off a request, so off an organization."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.accounts.models import Organization
from apps.packets.models import PacketVersion
from apps.workspace.models import ZdrRequest

from .workflow import CHANNELS, INITIAL, STATUS_CHOICES

USER = settings.AUTH_USER_MODEL


class Tracking(models.Model):
    """The request's status and who it waits on, created with the request (signals.py)."""

    request = models.OneToOneField(ZdrRequest, on_delete=models.CASCADE, related_name="tracking")
    status = models.CharField(max_length=20, choices=STATUS_CHOICES, default=INITIAL)
    status_changed_at = models.DateTimeField(default=timezone.now)
    waiting_on = models.CharField(max_length=8, blank=True)
    waiting_since = models.DateTimeField(null=True, blank=True)
    channel = models.CharField(max_length=20, choices=CHANNELS, blank=True)
    packet_version = models.ForeignKey(PacketVersion, on_delete=models.RESTRICT, null=True, blank=True,
                                       related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.request} · {self.get_status_display()}"


class Transition(models.Model):
    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="transitions")
    move = models.CharField(max_length=32)
    from_status = models.CharField(max_length=20, choices=STATUS_CHOICES)
    to_status = models.CharField(max_length=20, choices=STATUS_CHOICES)
    by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)
    channel = models.CharField(max_length=20, choices=CHANNELS, blank=True)
    packet_version = models.ForeignKey(PacketVersion, on_delete=models.RESTRICT, null=True, blank=True,
                                       related_name="+")

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


def attachment_path(instance, filename):
    # The stored name is generated: nothing the uploader typed reaches the file system.
    return f"tracking/{instance.request.organization_id}/{uuid.uuid4().hex}{instance.extension}"


class Attachment(models.Model):
    """An uploaded file whose type was checked by its content; served to members as a download."""

    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="tracking_attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=64)
    extension = models.CharField(max_length=8)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.original_name


class Direction(models.TextChoices):
    OUT = "out", "Sent to OpenAI"
    IN = "in", "Received from OpenAI"
    INTERNAL = "internal", "Internal note"


class ContactChannel(models.TextChoices):
    EMAIL = "email", "Email"
    CALL = "call", "Call"
    MEETING = "meeting", "Meeting"
    FORM = "form", "Web form"
    NOTE = "note", "Note"


class ContactEntry(models.Model):
    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="contact_entries")
    occurred_at = models.DateTimeField("When")
    direction = models.CharField(max_length=8, choices=Direction.choices)
    channel = models.CharField(max_length=8, choices=ContactChannel.choices)
    counterpart_name = models.CharField("Counterpart", max_length=200, blank=True)
    counterpart_email = models.EmailField("Counterpart email", blank=True)
    summary = models.TextField()
    attachment = models.OneToOneField(Attachment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        verbose_name_plural = "contact entries"

    def __str__(self):
        return f"{self.get_channel_display()} {self.occurred_at:%Y-%m-%d} ({self.direction})"


def _reverify_default():
    return settings.REVERIFY_AFTER_DAYS


class FollowUpPolicy(models.Model):
    organization = models.OneToOneField(Organization, on_delete=models.CASCADE, related_name="follow_up_policy")
    first_after_business_days = models.PositiveSmallIntegerField("First follow-up after (business days)", default=5)
    repeat_every_days = models.PositiveSmallIntegerField("Then every (days)", default=7)
    escalate_after = models.PositiveSmallIntegerField("Escalate after (unanswered follow-ups)", default=3)
    escalation_name = models.CharField("Escalation contact", max_length=200, blank=True)
    escalation_email = models.EmailField("Escalation contact email", blank=True)
    holidays = models.JSONField(default=list, blank=True)
    reverify_every_days = models.PositiveSmallIntegerField("Re-verify every (days)", default=_reverify_default)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "follow-up policies"

    def __str__(self):
        return f"Follow-up policy of {self.organization_id}"


class FollowUp(models.Model):
    """A reminder owed to the request owner: an outbox row that a periodic sweep claims with a
    conditional UPDATE, so a crash or two sweeps at once can neither lose nor double it."""

    class Kind(models.TextChoices):
        FOLLOW_UP = "follow_up", "Follow up with OpenAI"
        REVERIFY = "reverify", "Re-verify"
        DRIFT = "drift", "Drift"

    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        REMINDED = "reminded", "Reminded"
        DONE = "done", "Done"
        SNOOZED = "snoozed", "Snoozed"
        CANCELLED = "cancelled", "Cancelled"

    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="follow_ups")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.FOLLOW_UP)
    attempt = models.PositiveSmallIntegerField(default=1)
    escalate = models.BooleanField(default=False)
    clock_from = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)
    due_at = models.DateTimeField()
    state = models.CharField(max_length=12, choices=State.choices, default=State.PENDING)
    claim_token = models.CharField(max_length=32, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    retry_at = models.DateTimeField(null=True, blank=True)
    send_failures = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    OPEN = (State.PENDING, State.REMINDED, State.SNOOZED)
    DUE = (State.PENDING, State.SNOOZED)

    class Meta:
        ordering = ["due_at", "pk"]
        # The sweep reads it in order (state, then the oldest due first), and finds a batch by its
        # claim's token: its cost follows the number due, not the closed or far-off rows.
        indexes = [models.Index(fields=["state", "due_at"], name="follow_up_due"),
                   models.Index(fields=["claim_token"], name="follow_up_claim")]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.attempt} for {self.request_id}, due {self.due_at:%Y-%m-%d}"


class GrantedControl(models.TextChoices):
    ZDR = "zdr", "Zero Data Retention (ZDR)"
    MAM = "mam", "Modified Abuse Monitoring (MAM)"
    ENHANCED_ZDR = "enhanced_zero_data_retention", "Enhanced ZDR"
    ENHANCED_MAM = "enhanced_modified_abuse_monitoring", "Enhanced MAM"
    ZDR_PSP = "zdr_psp", "ZDR with Private Safety Processing (PSP)"


class Approval(models.Model):
    class Scope(models.TextChoices):
        ORGANIZATION = "organization", "The whole OpenAI organization"
        PROJECTS = "projects", "Listed projects only"

    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="approvals")
    control = models.CharField("Control granted", max_length=40, choices=GrantedControl.choices)
    effective_date = models.DateField()
    scope = models.CharField(max_length=16, choices=Scope.choices, default=Scope.ORGANIZATION)
    project_ids = models.JSONField("Projects", default=list, blank=True)
    message = models.TextField("OpenAI's message or amendment", blank=True)
    evidence = models.OneToOneField(Attachment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    covered = models.JSONField(default=dict, blank=True, help_text="The endpoints and features in use when approved.")
    recorded_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        get_latest_by = ["recorded_at", "pk"]

    def __str__(self):
        return f"{self.get_control_display()} from {self.effective_date}"


class ChecklistTick(models.Model):
    approval = models.ForeignKey(Approval, on_delete=models.CASCADE, related_name="ticks")
    item = models.CharField(max_length=40)
    done = models.BooleanField(default=False)
    note = models.TextField(blank=True)
    by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["approval", "item"], name="one_tick_per_checklist_item")]

    def __str__(self):
        return f"{self.item}: {'done' if self.done else 'open'}"


class Verification(models.Model):
    class Outcome(models.TextChoices):
        MATCH = "match", "Matches the approval"
        MISMATCH = "mismatch", "Differs from the approval"
        ERROR = "error", "Could not check"

    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="verifications")
    approval = models.ForeignKey(Approval, on_delete=models.CASCADE, related_name="verifications")
    method = models.CharField(max_length=16, default="admin_api")
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    summary = models.TextField()
    evidence = models.JSONField(default=dict)
    ran_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    ran_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-ran_at", "-pk"]

    def __str__(self):
        return f"{self.method} {self.ran_at:%Y-%m-%d}: {self.outcome}"


class DriftAlert(models.Model):
    class Kind(models.TextChoices):
        VERIFICATION = "verification", "A check disagrees with the approval"
        SCOPE = "scope", "Usage outside the approval"

    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="drift_alerts")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    detail = models.TextField()
    keys = models.JSONField(default=list, blank=True)
    follow_up = models.OneToOneField(FollowUp, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    detected_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-detected_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.detected_at:%Y-%m-%d})"


class UsageCheck(models.Model):
    """What the Admin API's usage endpoints showed for the request's projects, set beside what the
    request declared at that moment. Stored as evidence; the admin key never is."""

    class Outcome(models.TextChoices):
        DECLARED = "declared", "Everything used is declared"
        UNDECLARED = "undeclared", "Use the request does not declare"

    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="usage_checks")
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    summary = models.TextField()
    control = models.CharField(max_length=16)
    project_ids = models.JSONField(default=list)
    rows = models.JSONField(default=list)
    ran_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    ran_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-ran_at", "-pk"]
        indexes = [models.Index(fields=["request", "-ran_at"], name="usage_check_latest")]

    def __str__(self):
        return f"usage {self.ran_at:%Y-%m-%d}: {self.outcome}"

    @property
    def blockers(self):
        return [row for row in self.rows if row["severity"] == "blocker"]
