from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "apps.audit"
    label = "audit"
    verbose_name = "Audit trail and security events"

    def ready(self):
        import logging

        from . import signals
        from .origin import RedactSecrets

        signals.connect()
        logging.getLogger("django.request").addFilter(RedactSecrets())
