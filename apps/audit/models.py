"""The audit app's tables: the security event log, and (registered below) the historical tables
django-simple-history keeps for every followed model of the other apps."""

import simple_history
from django.conf import settings
from django.db import models
from django.utils import timezone

from .registry import FOLLOWED


class SecurityEvent(models.Model):
    """A sign-in, sign-out, failed sign-in or refused access. Append-only: never changed or deleted
    through the ORM, and read-only in the admin. It holds no password, key or query string."""

    class Kind(models.TextChoices):
        SIGN_IN = "sign_in", "Signed in"
        SIGN_OUT = "sign_out", "Signed out"
        SIGN_IN_FAILED = "sign_in_failed", "Failed sign-in"
        FORBIDDEN = "forbidden", "Refused (403)"
        NOT_FOUND = "not_found", "Not found (404)"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+")
    email = models.CharField("email", max_length=254, blank=True, help_text="The user's, or the one attempted.")
    ip = models.GenericIPAddressField("IP address", null=True, blank=True)
    method = models.CharField(max_length=8, blank=True)
    path = models.CharField(max_length=500, blank=True)
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["kind", "at"], name="security_event_kind_at")]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.email or 'anonymous'} · {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("Security events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Security events are append-only.")


# The historical models are created in this module (app="apps.audit"), so their tables and
# migrations belong to the audit app; the followed apps' own models and migrations are untouched.
for followed in FOLLOWED:
    simple_history.register(followed.model, app=__package__, excluded_fields=list(followed.excluded))
