from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import PasswordResetView
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from . import selectors, services, session
from .access import membership_required
from .forms import InvitationForm, NewAccountForm, OrganizationForm, RoleForm
from .models import Role


def organization_create(request):
    form = OrganizationForm(request.POST or None)
    if form.is_valid():
        organization = services.organization_create(name=form.cleaned_data["name"], owner=request.user)
        session.organization_switch(request.session, organization.pk)
        messages.success(request, f"{organization} is ready. Invite your colleagues next.")
        return redirect("accounts:members")
    return render(request, "accounts/organization_form.html", {"form": form})


@require_POST
def organization_switch(request, organization_id):
    membership = selectors.membership_switchable(user=request.user, organization_id=organization_id)
    session.organization_switch(request.session, membership.organization_id)
    messages.info(request, f"You are now working in {membership.organization}.")
    return redirect("portal:dashboard")


@membership_required()
def members(request, invite_form=None):
    organization = request.membership.organization
    return render(request, "accounts/members.html", {
        "members": selectors.members_of(organization),
        "invitations": selectors.invitations_pending(organization),
        "invite_form": invite_form or InvitationForm(),
        "roles": Role.choices,
    })


@require_POST
@membership_required("is_owner")
def invitation_create(request):
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation = services.invitation_create(
                organization=request.membership.organization, invited_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Invitation sent to {invitation.email}.")
            return redirect("accounts:members")
    return members(request, invite_form=form)


@require_POST
@membership_required("is_owner")
def invitation_revoke(request, invitation_id):
    invitation = selectors.invitation_get(organization=request.membership.organization, invitation_id=invitation_id)
    services.invitation_revoke(invitation=invitation)
    messages.success(request, f"The invitation for {invitation.email} is withdrawn.")
    return redirect("accounts:members")


@require_POST
@membership_required("is_owner")
def member_role(request, membership_id):
    member = selectors.member_get(organization=request.membership.organization, membership_id=membership_id)
    form = RoleForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Choose one of the listed roles.")
        services.membership_change_role(membership=member, role=form.cleaned_data["role"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{member.user} is now {member.get_role_display().lower()}.")
    return redirect("accounts:members")


@membership_required("is_owner")
def member_remove(request, membership_id):
    member = selectors.member_get(organization=request.membership.organization, membership_id=membership_id)
    if request.method == "POST":
        try:
            services.membership_remove(membership=member)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{member.user} no longer has access to {member.organization}.")
        return redirect("accounts:members")
    return render(request, "accounts/member_remove.html", {"member": member})


def _accept(request, invitation, account_form):
    if account_form is None:
        return services.invitation_accept(invitation=invitation, user=request.user)
    membership = services.invitation_accept_as_new_user(
        invitation=invitation,
        full_name=account_form.cleaned_data["full_name"],
        password=account_form.cleaned_data["password1"],
    )
    login(request, membership.user, backend="apps.accounts.backends.EmailBackend")
    return membership


@login_not_required
def invitation_accept(request, token):
    """Anyone with the link may open it; accepting needs the invited address's account, or a new one."""
    invitation = selectors.invitation_by_token(token)
    signed_in = request.user.is_authenticated
    needs_account = not signed_in and not selectors.user_exists(invitation.email)
    form = NewAccountForm(request.POST or None, email=invitation.email) if needs_account else None
    can_accept = signed_in or (form is not None and form.is_valid())
    if request.method == "POST" and can_accept:
        try:
            membership = _accept(request, invitation, form)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            session.organization_switch(request.session, membership.organization_id)
            messages.success(request, f"Welcome to {membership.organization}.")
            return redirect("portal:dashboard")
    return render(request, "accounts/invitation_accept.html", {"invitation": invitation, "form": form})


class SiteUrlPasswordResetView(PasswordResetView):
    """Django builds the reset link from the request's Host header; ours comes from SITE_URL, the
    one address the portal is reached at, whoever asked and through whatever proxy."""

    @property
    def extra_email_context(self):
        site = urlsplit(settings.SITE_URL)
        return {"protocol": site.scheme, "domain": site.netloc}
