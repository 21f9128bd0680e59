from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("<int:request_id>/history/", views.request_history, name="history"),
    path("<int:request_id>/history.csv", views.request_history_csv, name="history_csv"),
]
