"""The one permission check every organization-scoped view goes through."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from .models import Role

CAN_EDIT = (Role.OWNER, Role.EDITOR)
CAN_REVIEW = (Role.OWNER, Role.REVIEWER)


def membership_required(*roles):
    """Require a current organization and, when `roles` are given, one of those roles.

    A user without any organization is sent to create one; a role that is too low gets 403,
    which only ever concerns the user's own organization."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            membership = request.membership
            if not membership:
                return redirect("accounts:organization_create")
            if roles and membership.role not in roles:
                raise PermissionDenied(f"This needs the role {' or '.join(Role(r).label for r in roles)}.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
