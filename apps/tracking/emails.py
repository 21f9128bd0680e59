"""The reminder emails the sweep sends to a request's owner."""

from django.conf import settings
from django.urls import reverse

from apps.accounts.emails import render_email

from .drafts import follow_up_draft
from .models import FollowUp
from .selectors import approval_current, tracking_of, verifications_of


def reminder_message(follow_up):
    zdr_request = follow_up.request
    context = {
        "follow_up": follow_up,
        "zdr_request": zdr_request,
        "tracking_url": settings.SITE_URL + reverse("tracking:detail", kwargs={"request_id": zdr_request.pk}),
    }
    if follow_up.kind == FollowUp.Kind.REVERIFY:
        context["approval"] = approval_current(zdr_request)
        context["last_check"] = verifications_of(zdr_request).first()
        return render_email("reverification", context, to=[zdr_request.owner.email])
    if follow_up.kind == FollowUp.Kind.FOLLOW_UP:
        context["draft"] = follow_up_draft(zdr_request, tracking_of(zdr_request), follow_up)
    return render_email("followup", context, to=[zdr_request.owner.email])
