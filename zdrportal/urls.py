from django.contrib import admin
from django.urls import include, path

from apps.core.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("", include("django.contrib.auth.urls")),
    path("", include("apps.core.urls")),
    path("", include("apps.accounts.urls")),
    path("catalog/", include("apps.catalog.urls")),
    path("", include("apps.tracking.urls")),  # requests/<id>/tracking/... and tracking/policy/
    path("requests/", include("apps.workspace.urls")),
    path("requests/", include("apps.packets.urls")),  # requests/<id>/packet/... and requests/packet-settings/
    path("organization/export/", include("apps.orgdata.urls")),
    path("admin/", admin.site.urls),
]

