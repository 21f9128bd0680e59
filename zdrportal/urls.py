from django.contrib import admin
from django.urls import include, path

from apps.core.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("", include("django.contrib.auth.urls")),
    path("", include("apps.core.urls")),
    path("", include("apps.accounts.urls")),
    path("catalog/", include("apps.catalog.urls")),
    path("requests/", include("apps.workspace.urls")),
    path("admin/", admin.site.urls),
]

