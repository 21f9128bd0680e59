from django.urls import path

from . import views

app_name = "catalog"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:provider>.json", views.catalog_json, name="json"),
    path("<slug:provider>/", views.endpoints, name="endpoints"),
    path("<slug:provider>/versions/", views.versions, name="versions"),
    path("<slug:provider>/versions/diff/", views.version_diff, name="version_diff"),
]
