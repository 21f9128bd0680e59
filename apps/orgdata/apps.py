from django.apps import AppConfig


class OrgdataConfig(AppConfig):
    name = "apps.orgdata"
    label = "orgdata"
    verbose_name = "Organization data export and import"
