"""The one permission check every organization-scoped view goes through.

Permissions are named by the `Membership` properties that define them (`can_edit`, `can_review`,
`is_owner`): views, templates and the tracking workflow all ask by those names."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from .models import Membership, Role


def roles_with(*permissions):
    """The roles that hold any of `permissions`, in the order of `Role`: what a refusal names.

    Asked of a membership in each role, so the properties stay the only definition."""
    return [role for role in Role if any(getattr(Membership(role=role), p) for p in permissions)]


def membership_required(*permissions):
    """Require a current organization and, when `permissions` are given, any one of them.

    A user without any organization is sent to create one; a role that is too low gets 403,
    which only ever concerns the user's own organization."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            membership = request.membership
            if not membership:
                return redirect("accounts:organization_create")
            if permissions and not any(getattr(membership, p) for p in permissions):
                roles = " or ".join(role.label for role in roles_with(*permissions))
                raise PermissionDenied(f"This needs the role {roles}.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
