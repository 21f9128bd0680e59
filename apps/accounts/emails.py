"""Outgoing account emails. Templates follow the `<name>-subject/-body-text/-body-html` layout."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Invitation


def render_email(name, context, *, to):
    subject = render_to_string(f"emails/{name}-subject.txt", context).strip()
    message = EmailMultiAlternatives(subject, render_to_string(f"emails/{name}-body-text.txt", context), to=to)
    message.attach_alternative(render_to_string(f"emails/{name}-body-html.html", context), "text/html")
    return message


def invitation_send(*, invitation_id):
    """Send an invitation once: a claimed `sent_at` makes a retried or duplicated task a no-op."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("organization", "invited_by")
            .filter(pk=invitation_id, sent_at__isnull=True, accepted_at__isnull=True)
            .first()
        )
        if invitation is None:
            return False
        context = {
            "invitation": invitation,
            "accept_url": settings.SITE_URL + reverse("accounts:invitation_accept", args=[invitation.token]),
        }
        render_email("invitation", context, to=[invitation.email]).send()
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at"])
    return True
