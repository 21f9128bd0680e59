from django.urls import path

from . import views

app_name = "codescan"
R = "requests/<int:request_id>/code-scans/"
urlpatterns = [
    path(R, views.scans, name="scans"),
    path(f"{R}<int:scan_id>/", views.scan, name="scan"),
    path(f"{R}<int:scan_id>/apply/", views.scan_apply, name="apply"),
]
