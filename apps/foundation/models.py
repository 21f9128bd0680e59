"""The foundation's tables: form submissions already acted on (submissions.py) and the data version
(changes.py)."""

from django.conf import settings
from django.db import models


class Submission(models.Model):
    """A form submission acted on, by the one-time token its form carried: a repeat of it (a double
    click, a resent POST) finds this row and is sent where the first one went, not acted on twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=32)
    location = models.CharField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "token"], name="one_use_per_submission_token")]
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self):
        return f"Submission {self.token}"


class DataVersion(models.Model):
    """One row: the number changes.py moves after every committed write (see there)."""

    number = models.BigIntegerField(default=0)

    def __str__(self):
        return f"Data version {self.number}"
