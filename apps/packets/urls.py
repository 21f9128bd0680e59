from django.urls import path

from .views import pages, review, versions

app_name = "packets"
version = "<int:request_id>/packet/v<int:number>/"
urlpatterns = [
    path("packet-settings/", pages.packet_settings, name="settings"),
    path("<int:request_id>/packet/", pages.packet_page, name="packet"),
    path("<int:request_id>/packet/generate/", pages.packet_generate, name="generate"),
    path("<int:request_id>/packet/compare/", review.compare, name="compare"),
    path(version, versions.version_page, name="version"),
    path(f"{version}status/", versions.version_status, name="version_status"),
    path(f"{version}retry/", versions.version_retry, name="retry"),
    path(f"{version}packet.pdf", versions.version_pdf, name="pdf"),
    path(f"{version}email.eml", versions.version_eml, name="eml"),
    path(f"{version}export.json", versions.version_json, name="version_json"),
    path(f"{version}sign-off/", review.sign_off, name="sign_off"),
]
