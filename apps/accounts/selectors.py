"""Reads for accounts. Every organization-scoped query in the portal starts from a membership
returned here, so a user can only ever reach their own organizations' rows."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Invitation, Membership


def memberships_for_user(user):
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user).select_related("organization")


def membership_current(*, user, organization_id=None, memberships=None):
    """The membership the user is working in: the one in `organization_id` (their pick), else
    their oldest; None for a user without any. `memberships`: the user's, already read."""
    memberships = sorted(memberships if memberships is not None else memberships_for_user(user),
                         key=lambda m: (m.created_at, m.pk))
    for membership in memberships:
        if membership.organization_id == organization_id:
            return membership
    return memberships[0] if memberships else None


def membership_switchable(*, user, organization_id):
    if not 0 < organization_id < 2**63:  # beyond any row id: the database would overflow, not miss
        raise Http404
    return get_object_or_404(memberships_for_user(user), organization_id=organization_id)


def members_of(organization):
    return Membership.objects.filter(organization=organization).select_related("user").order_by("user__email")


def member_get(*, organization, membership_id):
    return get_object_or_404(members_of(organization), pk=membership_id)


def invitations_pending(organization):
    return Invitation.objects.filter(organization=organization, accepted_at__isnull=True).select_related("invited_by")


def invitation_get(*, organization, invitation_id):
    return get_object_or_404(invitations_pending(organization), pk=invitation_id)


def invitation_by_token(token):
    return get_object_or_404(Invitation.objects.select_related("organization"), token=token)


def user_exists(email):
    from .models import User

    return User.objects.filter(email__iexact=email).exists()
