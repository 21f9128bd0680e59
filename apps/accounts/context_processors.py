from .selectors import memberships_for_user


def memberships(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "current_membership": request.membership or None,
        "memberships": lambda: list(getattr(request, "memberships", None) or memberships_for_user(user)),
    }
