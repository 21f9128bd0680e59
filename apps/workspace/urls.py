from django.urls import path

from .views import findings, items, requests, steps

app_name = "workspace"
urlpatterns = [
    path("", requests.request_list, name="list"),
    path("new/", requests.request_create, name="create"),
    path("<int:request_id>/", requests.request_resume, name="resume"),
    path("<int:request_id>/export.json", requests.request_export, name="export"),
    path("<int:request_id>/delete/", requests.request_delete, name="delete"),
    path("<int:request_id>/catalog/upgrade/", requests.request_catalog_upgrade, name="catalog_upgrade"),
    path("<int:request_id>/steps/<slug:step>/", steps.step_view, name="step"),
    path("<int:request_id>/findings/acknowledge/", findings.finding_acknowledge, name="acknowledge"),
    path("<int:request_id>/findings/answer/", findings.warning_answer, name="warning_answer"),
    path("<int:request_id>/<slug:kind>/add/", items.item_add, name="item_add"),
    path("<int:request_id>/<slug:kind>/<int:item_id>/", items.item_update, name="item_update"),
    path("<int:request_id>/<slug:kind>/<int:item_id>/move/", items.item_move, name="item_move"),
    path("<int:request_id>/<slug:kind>/<int:item_id>/delete/", items.item_delete, name="item_delete"),
]
