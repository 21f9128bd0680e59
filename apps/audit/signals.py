"""Sign-in, sign-out and failed sign-in, from Django's own auth signals."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from .models import SecurityEvent
from .services import security_event_record

Kind = SecurityEvent.Kind


def _signed_in(sender, request, user, **kwargs):
    security_event_record(kind=Kind.SIGN_IN, request=request, user=user)


def _signed_out(sender, request, user, **kwargs):
    security_event_record(kind=Kind.SIGN_OUT, request=request, user=user)


def _sign_in_failed(sender, credentials, request=None, **kwargs):
    # Only the address that was tried: Django masks the password, and it is never read here.
    attempted = credentials.get("username") or credentials.get("email") or ""
    locked = getattr(request, "axes_locked_out", False)
    security_event_record(kind=Kind.SIGN_IN_FAILED, request=request, attempted=attempted,
                          detail="locked out after repeated failures" if locked else "")


def connect():
    user_logged_in.connect(_signed_in, dispatch_uid="audit-signed-in")
    user_logged_out.connect(_signed_out, dispatch_uid="audit-signed-out")
    user_login_failed.connect(_sign_in_failed, dispatch_uid="audit-sign-in-failed")
