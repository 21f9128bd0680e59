"""Writes for accounts. Each service is atomic and raises ValidationError with a message a person
can act on; emails leave through the task queue once the transaction has committed."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from .models import Invitation, Membership, Organization, Role, User


def _unique_slug(name):
    base = slugify(name)[:180] or "organization"
    slug, n = base, 2
    while Organization.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def organization_create(*, name, owner):
    """Create an organization with `owner` as its first owner."""
    organization = Organization.objects.create(name=name.strip(), slug=_unique_slug(name))
    Membership.objects.create(organization=organization, user=owner, role=Role.OWNER)
    return organization


def _send_invitation_on_commit(invitation):
    from .tasks import send_invitation_email

    transaction.on_commit(lambda: send_invitation_email.delay(invitation.pk))


@transaction.atomic
def invitation_create(*, organization, email, role, invited_by):
    """Invite `email` to `organization`. Inviting a pending address again renews and resends
    its invitation rather than creating a second one."""
    email = email.strip().lower()
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise ValidationError({"email": f"{email} is already a member of {organization}."})
    invitation = Invitation.objects.filter(organization=organization, email=email, accepted_at__isnull=True).first()
    if invitation is None:
        invitation = Invitation(organization=organization, email=email)
    else:
        invitation.token = Invitation._meta.get_field("token").default()
    invitation.role = role
    invitation.invited_by = invited_by
    invitation.created_at = timezone.now()
    invitation.sent_at = None
    invitation.save()
    _send_invitation_on_commit(invitation)
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation):
    invitation.delete()


def _check_acceptable(invitation):
    if invitation.accepted_at is not None:
        raise ValidationError("This invitation has already been used. Sign in to continue.")
    if invitation.is_expired:
        raise ValidationError(
            "This invitation has expired. Ask an owner of "
            f"{invitation.organization} to send you a new one."
        )


@transaction.atomic
def invitation_accept(*, invitation, user):
    """Turn an invitation into a membership for `user`, whose email must match the invitation."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _check_acceptable(invitation)
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(
            f"This invitation is for {invitation.email}, but you are signed in as {user.email}."
        )
    if Membership.objects.filter(organization=invitation.organization, user=user).exists():
        raise ValidationError(f"You are already a member of {invitation.organization}.")
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                organization=invitation.organization, user=user, role=invitation.role
            )
    except IntegrityError as exc:  # a concurrent acceptance won the race
        raise ValidationError(f"You are already a member of {invitation.organization}.") from exc
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


@transaction.atomic
def invitation_accept_as_new_user(*, invitation, full_name, password):
    """Create the invitee's account and membership together: both or neither."""
    _check_acceptable(invitation)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(f"An account for {invitation.email} exists already. Sign in to accept.")
    user = User.objects.create_user(email=invitation.email, password=password, full_name=full_name.strip())
    return invitation_accept(invitation=invitation, user=user)


def _ensure_another_owner(membership):
    others = Membership.objects.filter(organization=membership.organization, role=Role.OWNER).exclude(pk=membership.pk)
    if membership.is_owner and not others.exists():
        raise ValidationError(
            f"{membership.user} is the last owner of {membership.organization}. Make someone else an owner first."
        )


@transaction.atomic
def membership_change_role(*, membership, role):
    if role not in Role.values:
        raise ValidationError({"role": "Choose one of the listed roles."})
    if role != Role.OWNER:
        _ensure_another_owner(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership):
    _ensure_another_owner(membership)
    membership.delete()
