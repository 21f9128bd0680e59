import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.functional import SimpleLazyObject

from .selectors import membership_current, memberships_for_user
from .session import organization_picked


class CurrentMembershipMiddleware:
    """Puts `request.membership` (the organization the user works in, or None) on every request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # One read of the user's memberships serves both the current one and the menu's list.
        request.memberships = SimpleLazyObject(lambda: list(memberships_for_user(request.user)))
        request.membership = SimpleLazyObject(
            lambda: membership_current(user=request.user, organization_id=organization_picked(request.session),
                                       memberships=list(request.memberships))
        )
        return self.get_response(request)


class SessionLifetimeMiddleware:
    """Ends a session SESSION_MAX_AGE seconds after sign-in, however active it has been, and renews
    the idle timeout (SESSION_COOKIE_AGE) at most once a minute: writing the session on every request
    would cost each page three queries for an expiry that moves by seconds."""

    KEY = "signed_in_at"
    RENEWED = "renewed_at"
    RENEW_EVERY = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            started = request.session.setdefault(self.KEY, now)
            if now - started > settings.SESSION_MAX_AGE:
                logout(request)
                limit = _in_words(settings.SESSION_MAX_AGE)
                messages.info(request, f"Your session has ended after {limit}. Please sign in again.")
            elif now - request.session.get(self.RENEWED, 0) >= self.RENEW_EVERY:
                request.session[self.RENEWED] = now  # saved, so its expiry and cookie move on
        return self.get_response(request)


def _in_words(seconds):
    """A limit as people say it: in hours when it is whole hours, else in minutes."""
    amount, unit = (seconds // 3600, "hour") if seconds % 3600 == 0 else (round(seconds / 60), "minute")
    return f"{amount} {unit}{'' if amount == 1 else 's'}"
