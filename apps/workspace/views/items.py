"""Repeating items (contacts, usages, flows): each is its own small form, so adding, editing,
moving or removing one never touches the input of another."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.accounts.access import membership_required
from apps.foundation.submissions import acts_once

from .. import selectors, services
from ..forms import unsaved_input
from ..items import KIND_BY_SLUG, draft_key
from ..selectors import Assessment
from .context import FOCUS, item_answer_context, item_form


def _load(request, request_id, slug, item_id=None):
    if slug not in KIND_BY_SLUG:
        raise Http404("No such kind of item.")
    kind = KIND_BY_SLUG[slug]
    zdr_request = selectors.request_get(organization=request.membership.organization, request_id=request_id)
    item = selectors.item_get(zdr_request=zdr_request, kind=slug, item_id=item_id) if item_id else None
    return zdr_request, kind, item


def _back(zdr_request, kind, item=None):
    url = reverse("workspace:step", kwargs={"request_id": zdr_request.pk, "step": kind.step.slug})
    return redirect(f"{url}#{kind.slug[:-1]}-{item.pk}" if item else url)


def _save(request, kind, item, data):
    data, seen = dict(data), request.POST.get("seen", "")
    if kind.slug == "flows":
        endpoint_path = data.pop("endpoint_path")
        return services.flow_save(flow=item, data=data, endpoint_path=endpoint_path, seen=seen, user=request.user)
    return services.item_save(item=item, fields=kind.fields, data=data, seen=seen, user=request.user)


@require_POST
@membership_required("can_edit")
@acts_once  # a double click adds one item
def item_add(request, request_id, kind):
    zdr_request, kind, _ = _load(request, request_id, kind)
    try:
        if kind.slug == "usages":
            item = services.usage_add(
                zdr_request=zdr_request, endpoint_path=request.POST.get("endpoint_path"), user=request.user
            )
        else:
            item = services.item_add(zdr_request=zdr_request, kind=kind.slug, user=request.user)
    except services.EndpointNotInCatalog:
        messages.error(request, "Pick an endpoint from the catalog to add a usage.")
        return _back(zdr_request, kind)
    return _back(zdr_request, kind, item)


@require_POST
@membership_required("can_edit")
def item_update(request, request_id, kind, item_id):
    """An item is saved whole or not at all; what failed validation stays, typed, in the card as a draft."""
    zdr_request, kind, item = _load(request, request_id, kind, item_id)
    form = item_form(kind, item, Assessment(zdr_request), data=request.POST)
    conflict = None
    try:
        if form.is_valid():
            item = _save(request, kind, item, form.cleaned_data)
        else:
            services.item_draft_keep(item=item, user=request.user, unsaved=unsaved_input(form, whole=True))
    except services.StaleEdit as stale:
        conflict = stale
    if not request.htmx:
        return _answer_page(request, zdr_request, kind, item, form, conflict)
    zdr_request = selectors.request_get(organization=request.membership.organization, request_id=request_id)
    context = item_answer_context(request, zdr_request, kind, item, form=form, conflict=conflict)
    return render(request, "workspace/partials/item_answer.html", context)


def _answer_page(request, zdr_request, kind, item, form, conflict):
    """Without JavaScript: back to the card, which shows the typed values and errors from the draft."""
    if conflict:
        messages.error(request, "Not saved: someone else changed this item meanwhile. Reload to see their values.")
    elif form.errors:
        request.session[FOCUS] = draft_key(item)
        return _back(zdr_request, kind)  # no #fragment: with one, the browser would skip the autofocus
    else:
        messages.success(request, "Saved.")
    return _back(zdr_request, kind, item)


@require_POST
@membership_required("can_edit")
def item_move(request, request_id, kind, item_id):
    zdr_request, kind, item = _load(request, request_id, kind, item_id)
    offset = {"up": -1, "down": 1}.get(request.POST.get("direction"))
    if offset is None:
        messages.error(request, "Choose up or down.")
    else:
        services.item_move(item=item, offset=offset, user=request.user)
    return _back(zdr_request, kind, item)


@membership_required("can_edit")
def item_delete(request, request_id, kind, item_id):
    zdr_request, kind, item = _load(request, request_id, kind, item_id)
    if request.method == "POST":
        services.item_delete(item=item, user=request.user)
        messages.success(request, f"{item} was removed.")
        return _back(zdr_request, kind)
    return render(request, "workspace/item_delete.html", {"zdr_request": zdr_request, "item": item, "kind": kind.slug})
