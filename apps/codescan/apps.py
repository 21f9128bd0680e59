from django.apps import AppConfig


class CodescanConfig(AppConfig):
    name = "apps.codescan"
    label = "codescan"
    verbose_name = "Code scans"
