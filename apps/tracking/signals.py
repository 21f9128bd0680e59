"""The workspace does not know about tracking; tracking listens for changes to endpoint usage and
checks scope drift once the change has committed."""

from django.db import transaction
from django.db.models.signals import post_save

from apps.workspace.models import EndpointUsage


def _usage_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .drift import scope_check

    request_id = instance.request_id
    transaction.on_commit(lambda: scope_check(request_id=request_id), robust=True)


def connect():
    post_save.connect(_usage_saved, sender=EndpointUsage, dispatch_uid="tracking-scope-drift")
