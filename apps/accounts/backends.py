"""Sign-in by email address, whatever its case: people type `Rita@example.com` as often as
`rita@example.com`, and an address is the same mailbox either way."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


def normalized_email(value):
    return (value or "").strip().lower()


def axes_username(request, credentials):
    """django-axes counts failures per address: in any case, one count (else varying the case
    would dodge the lockout)."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get("username")
    return normalized_email(username)


class EmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        username = username or kwargs.get(get_user_model().USERNAME_FIELD)
        if not username or password is None:
            return None
        user_model = get_user_model()
        user = user_model._default_manager.filter(email__iexact=normalized_email(username)).order_by("pk").first()
        if user is None:
            user_model().set_password(password)  # the same work as for a real user, as ModelBackend does
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
