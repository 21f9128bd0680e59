from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The top layer: the pages and jobs that span the whole portal (dashboard, health, demo data).
    No app imports it."""

    name = "apps.portal"
    label = "portal"

    def ready(self):
        from . import heartbeat  # noqa: F401 - connects the task_postrun heartbeat
