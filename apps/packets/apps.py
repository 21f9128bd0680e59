import logging

from django.apps import AppConfig


class PacketsConfig(AppConfig):
    name = "apps.packets"
    label = "packets"

    def ready(self):
        # WeasyPrint logs every layout step at INFO (from its first import on): noise, not news.
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

        from apps.workspace.exports import register_section

        from .exports import packet_versions_section

        register_section("packet_versions", packet_versions_section)
