from django.urls import path

from . import views, views_update

app_name = "catalog"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:provider>.json", views.catalog_json, name="json"),
    path("<slug:provider>/", views.endpoints, name="endpoints"),
    path("<slug:provider>/versions/", views.versions, name="versions"),
    path("<slug:provider>/versions/diff/", views.version_diff, name="version_diff"),
    path("<slug:provider>/update/", views_update.update, name="update"),
    path("<slug:provider>/update/<int:draft_id>/", views_update.update_draft, name="update_draft"),
    path("<slug:provider>/update/<int:draft_id>/publish/", views_update.update_publish, name="update_publish"),
    path("<slug:provider>/update/<int:draft_id>/discard/", views_update.update_discard, name="update_discard"),
]
