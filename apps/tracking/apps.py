from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "apps.tracking"
    label = "tracking"

    def ready(self):
        from apps.workspace.exports import register_section

        from . import exports, signals

        for name, build in exports.SECTIONS.items():
            register_section(name, build)
        signals.connect()
