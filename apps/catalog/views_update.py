"""The catalog update assistant: an owner pastes the provider's table, the portal shows the draft
it makes of it against the current version, and another member with review rights publishes it.

Drafts belong to the paster's organization (another organization's draft is a 404). The catalog
sits below accounts, so the role check reads `request.membership` (set by accounts' middleware)
by the permission names the rest of the portal uses, without importing accounts."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .forms import PasteForm

ROLES = {"is_owner": "Owner", "can_review": "Owner or Reviewer"}


def member_with(permission):
    """Like accounts' membership_required: no organization -> create one; too low a role -> 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, provider, *args, **kwargs):
            selectors.provider_label(provider)  # 404 for a provider the portal does not know
            if not request.membership:
                return redirect("accounts:organization_create")
            if not getattr(request.membership, permission):
                raise PermissionDenied(f"This needs the role {ROLES[permission]}.")
            return view(request, provider, *args, **kwargs)

        return wrapped

    return decorator


@require_http_methods(["GET", "POST"])
@member_with("can_review")
def update(request, provider):
    """Reviewers find the drafts waiting for them here; only owners paste."""
    organization = request.membership.organization
    if request.method == "POST" and not request.membership.is_owner:
        raise PermissionDenied(f"This needs the role {ROLES['is_owner']}.")
    form = PasteForm(request.POST if request.method == "POST" else None, initial={"as_of": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            draft = services.catalog_draft_create(organization=organization, user=request.user, provider=provider,
                                                  as_of=form.cleaned_data["as_of"], text=form.cleaned_data["text"])
        except services.DraftError as exc:
            form.add_error(exc.field, str(exc))
        else:
            messages.success(request, "The draft is ready. Check the changes; another owner or reviewer publishes it.")
            return redirect("catalog:update_draft", provider=provider, draft_id=draft.pk)
    return render(request, "catalog/update.html", {
        "provider": provider, "provider_label": selectors.provider_label(provider), "form": form,
        "current": selectors.version_latest(provider),
        "drafts": selectors.drafts_open(organization=organization, provider=provider),
    })


@member_with("can_review")
def update_draft(request, provider, draft_id):
    draft = selectors.draft_get(organization=request.membership.organization, provider=provider, draft_id=draft_id)
    current = selectors.version_latest(provider)
    base_document = selectors.catalog_document(draft.base) if draft.base else {"endpoints": [], "features": []}
    changes = selectors.document_comparison(base_document, draft.document)
    return render(request, "catalog/update_draft.html", {
        "provider": provider, "provider_label": selectors.provider_label(provider), "draft": draft,
        "changes": changes, "current": current, "base_count": len(base_document["endpoints"]),
        "outdated": draft.status == draft.Status.DRAFT and (current is None or current.pk != draft.base_id),
        # A partial paste reads as many removals: say so before anyone publishes it.
        "many_removed": len(changes["endpoints"]["removed"]) * 3 > len(base_document["endpoints"]),
        "may_publish": draft.pasted_by_id != request.user.pk,
    })


@require_POST
@member_with("can_review")
def update_publish(request, provider, draft_id):
    draft = selectors.draft_get(organization=request.membership.organization, provider=provider, draft_id=draft_id)
    if draft.pasted_by_id == request.user.pk:
        raise PermissionDenied("A different member than the one who pasted the draft publishes it.")
    try:
        version = services.catalog_draft_publish(draft=draft, user=request.user)
    except services.DraftError as exc:
        messages.error(request, str(exc))
        return redirect("catalog:update_draft", provider=provider, draft_id=draft.pk)
    messages.success(request, f"Published: the {version} is now the current catalog.")
    return redirect("catalog:versions", provider=provider)


@require_http_methods(["GET", "POST"])
@member_with("can_review")
def update_discard(request, provider, draft_id):
    draft = selectors.draft_get(organization=request.membership.organization, provider=provider, draft_id=draft_id)
    if request.method == "GET":
        return render(request, "catalog/update_discard.html", {"provider": provider, "draft": draft})
    try:
        services.catalog_draft_discard(draft=draft, user=request.user)
    except services.DraftError as exc:
        messages.error(request, str(exc))
        return redirect("catalog:update_draft", provider=provider, draft_id=draft.pk)
    messages.success(request, f"The draft as of {draft.as_of:%Y-%m-%d} was discarded; its paste is kept.")
    return redirect("catalog:update", provider=provider)
