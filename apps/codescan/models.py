"""Code scans of a request's repositories, and the evidence they leave on its endpoint usages.

A scan is a row the worker claims (the database, not the queue, says what is pending); its zip is
deleted once scanned, and only the findings stay."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.workspace.models import EndpointUsage, ZdrRequest

USER = settings.AUTH_USER_MODEL


def archive_path(instance, filename):
    return f"code-scans/{uuid.uuid4().hex}.zip"


class CodeScan(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", "Waiting for the worker"
        SCANNING = "scanning", "Scanning"
        DONE = "done", "Scanned"
        FAILED = "failed", "Could not be scanned"

    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="code_scans")
    archive = models.FileField(upload_to=archive_path, max_length=300, blank=True)
    archive_name = models.CharField(max_length=200)
    archive_size = models.PositiveBigIntegerField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    queued_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    files_scanned = models.PositiveIntegerField(default=0)
    repositories = models.JSONField(default=dict, blank=True)  # name -> commit ("" when unknown)
    findings = models.JSONField(default=list, blank=True)
    unparsed = models.JSONField(default=list, blank=True)
    uploaded_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    applied_at = models.DateTimeField(null=True, blank=True)
    applied_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-queued_at", "-pk"]
        indexes = [models.Index(fields=["state", "queued_at"], name="code_scan_pending")]

    def __str__(self):
        return f"{self.archive_name} ({self.state})"

    @property
    def is_pending(self):
        return self.state in (self.State.QUEUED, self.State.SCANNING)


class CodeEvidence(models.Model):
    """A place in the team's code that calls a usage's endpoint: what the packet's appendix cites."""

    usage = models.ForeignKey(EndpointUsage, on_delete=models.CASCADE, related_name="code_evidence")
    scan = models.ForeignKey(CodeScan, on_delete=models.SET_NULL, null=True, related_name="evidence")
    repository = models.CharField(max_length=200, blank=True)
    commit = models.CharField(max_length=64, blank=True)
    file = models.CharField(max_length=500)
    line = models.PositiveIntegerField()
    snippet = models.CharField(max_length=300, blank=True)
    features = models.JSONField(default=list, blank=True)
    confidence = models.CharField(max_length=10)

    class Meta:
        ordering = ["usage", "repository", "file", "line"]

    def __str__(self):
        return f"{self.file}:{self.line}"
