from django.urls import path

from . import views

app_name = "orgdata"
urlpatterns = [
    path("", views.organization_download, name="download"),
]
