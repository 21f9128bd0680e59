from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("organizations/new/", views.organization_create, name="organization_create"),
    path("organizations/<int:organization_id>/switch/", views.organization_switch, name="organization_switch"),
    path("members/", views.members, name="members"),
    path("members/invite/", views.invitation_create, name="invitation_create"),
    path("members/invitations/<int:invitation_id>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("members/<int:membership_id>/role/", views.member_role, name="member_role"),
    path("members/<int:membership_id>/remove/", views.member_remove, name="member_remove"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
