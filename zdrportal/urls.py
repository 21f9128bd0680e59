from django.contrib import admin
from django.contrib.auth import urls as auth_urls
from django.urls import include, path

from apps.accounts.views import SiteUrlPasswordResetView
from apps.portal.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Django's sign-in, sign-out and password views, with our reset view (links from SITE_URL) in place of its own.
    path("", include([p for p in auth_urls.urlpatterns if p.name != "password_reset"])),
    path("password_reset/", SiteUrlPasswordResetView.as_view(), name="password_reset"),
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
