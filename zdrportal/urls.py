from django.contrib import admin
from django.urls import include, path

from apps.portal.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("", include("django.contrib.auth.urls")),
    path("", include("apps.portal.urls")),
    path("", include("apps.accounts.urls")),
    path("catalog/", include("apps.catalog.urls")),
    path("", include("apps.tracking.urls")),  # requests/<id>/tracking/... and tracking/policy/
    path("", include("apps.codescan.urls")),  # requests/<id>/code-scans/..., before the wizard's item URLs
    path("requests/", include("apps.workspace.urls")),
    path("requests/", include("apps.packets.urls")),  # requests/<id>/packet/... and requests/packet-settings/
    path("organization/export/", include("apps.orgdata.urls")),
    path("requests/", include("apps.audit.urls")),  # requests/<id>/history/ and history.csv
    path("admin/", admin.site.urls),
]

# Refusals are logged (apps.audit.services.security_event_record), then shown as the styled pages.
handler403 = "apps.audit.views.permission_denied"
handler404 = "apps.audit.views.page_not_found"
