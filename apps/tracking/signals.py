"""The workspace does not know about tracking; tracking listens to it: a new request gets its
status row, and a change to endpoint usage is checked for scope drift once it has committed."""

from django.db import transaction
from django.db.models.signals import post_save

from apps.workspace.models import EndpointUsage, ZdrRequest

from .drift import scope_check
from .services import tracking_create


def _request_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:  # an import (raw) restores the exported status row itself
        tracking_create(zdr_request=instance)


def _usage_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    request_id = instance.request_id
    transaction.on_commit(lambda: scope_check(request_id=request_id), robust=True)


def connect():
    post_save.connect(_request_saved, sender=ZdrRequest, dispatch_uid="tracking-status-row")
    post_save.connect(_usage_saved, sender=EndpointUsage, dispatch_uid="tracking-scope-drift")
