from django.urls import path

from .views import actions, pages, verify

app_name = "tracking"
R = "requests/<int:request_id>/tracking/"
urlpatterns = [
    path("tracking/policy/", pages.policy, name="policy"),
    path(R, pages.tracking_detail, name="detail"),
    path(f"{R}move/<slug:move>/", actions.transition, name="transition"),
    path(f"{R}contacts/", actions.contact_add, name="contact_add"),
    path(f"{R}attachments/<int:attachment_id>/", pages.attachment_download, name="attachment"),
    path(f"{R}follow-ups/<int:follow_up_id>/<slug:action>/", actions.follow_up_action, name="follow_up_action"),
    path(f"{R}approval/", verify.approval_record, name="approval"),
    path(f"{R}verification/", verify.admin_api_check, name="admin_api_check"),
    path(f"{R}usage/", verify.usage_check, name="usage_check"),
    path(f"{R}policy.json", verify.ci_policy, name="ci_policy"),
    path(f"{R}checklist/<slug:item>/", actions.checklist_tick, name="checklist_tick"),
    path(f"{R}drift/<int:alert_id>/resolve/", actions.alert_resolve, name="alert_resolve"),
]
