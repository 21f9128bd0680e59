from django.apps import AppConfig


class PacketsConfig(AppConfig):
    name = "apps.packets"
    label = "packets"

    def ready(self):
        from apps.workspace.exports import register_section

        from .exports import packet_versions_section

        register_section("packet_versions", packet_versions_section)
