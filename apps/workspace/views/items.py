"""Repeating items (contacts, usages, flows): each is its own small form, so adding, editing,
moving or removing one never touches the input of another."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.accounts.access import CAN_EDIT, membership_required

from .. import selectors, services
from ..diagram import render_svg
from ..selectors import ITEM_FIELDS, Assessment
from ..steps import STEPS
from .context import item_form

STEP_OF_KIND = {step.items: step for step in STEPS if step.items}


def _load(request, request_id, kind, item_id=None):
    if kind not in STEP_OF_KIND:
        raise Http404("No such kind of item.")
    zdr_request = selectors.request_get(organization=request.membership.organization, request_id=request_id)
    item = selectors.item_get(zdr_request=zdr_request, kind=kind, item_id=item_id) if item_id else None
    return zdr_request, item


def _back(zdr_request, kind, item=None):
    url = reverse("workspace:step", kwargs={"request_id": zdr_request.pk, "step": STEP_OF_KIND[kind].slug})
    return redirect(f"{url}#{kind[:-1]}-{item.pk}" if item else url)


@require_POST
@membership_required(*CAN_EDIT)
def item_add(request, request_id, kind):
    zdr_request, _ = _load(request, request_id, kind)
    values = {}
    if kind == "usages":
        paths = {e.path for e in zdr_request.catalog_version.endpoints.all()}
        if request.POST.get("endpoint_path") not in paths:
            messages.error(request, "Pick an endpoint from the catalog to add a usage.")
            return _back(zdr_request, kind)
        values["endpoint_path"] = request.POST["endpoint_path"]
    item = services.item_add(zdr_request=zdr_request, kind=kind, user=request.user, **values)
    return _back(zdr_request, kind, item)


@require_POST
@membership_required(*CAN_EDIT)
def item_update(request, request_id, kind, item_id):
    zdr_request, item = _load(request, request_id, kind, item_id)
    form = item_form(kind, item, Assessment(zdr_request), data=request.POST)
    conflict = None
    if form.is_valid():
        try:
            item = services.item_save(
                item=item,
                fields=ITEM_FIELDS[kind] + (["endpoint_path"] if kind == "flows" else []),
                data=form.cleaned_data,
                seen=request.POST.get("seen", ""),
                user=request.user,
            )
        except services.StaleEdit as stale:
            conflict = stale
        else:
            if not request.htmx:
                messages.success(request, "Saved.")
                return _back(zdr_request, kind, item)
    if not request.htmx:
        for field, errors in form.errors.items():
            messages.error(
                request, f"{form.fields[field].label if field in form.fields else 'Item'}: {' '.join(errors)}"
            )
        if conflict:
            messages.error(request, "Not saved: someone else changed this item meanwhile. Reload to see their values.")
        return _back(zdr_request, kind, item)
    zdr_request = selectors.request_get(organization=request.membership.organization, request_id=request_id)
    assessment = Assessment(zdr_request)
    return render(
        request,
        "workspace/partials/item_answer.html",
        {
            "zdr_request": zdr_request,
            "kind": kind,
            "item": item,
            "form": form,
            "conflict": conflict,
            "seen": services.fingerprint(item, ITEM_FIELDS[kind]),
            "assessment": assessment,
            "steps": STEPS,
            "step": STEP_OF_KIND[kind],
            "can_edit": True,
            "diagram": render_svg(assessment.snapshot, assessment.catalog, assessment.evaluation.control),
            "usage_findings": assessment.evaluation.for_usage(item.pk) if kind == "usages" else (),
        },
    )


@require_POST
@membership_required(*CAN_EDIT)
def item_move(request, request_id, kind, item_id):
    zdr_request, item = _load(request, request_id, kind, item_id)
    offset = {"up": -1, "down": 1}.get(request.POST.get("direction"))
    if offset is None:
        messages.error(request, "Choose up or down.")
    else:
        services.item_move(item=item, offset=offset, user=request.user)
    return _back(zdr_request, kind, item)


@membership_required(*CAN_EDIT)
def item_delete(request, request_id, kind, item_id):
    zdr_request, item = _load(request, request_id, kind, item_id)
    if request.method == "POST":
        services.item_delete(item=item, user=request.user)
        messages.success(request, f"{item} was removed.")
        return _back(zdr_request, kind)
    return render(request, "workspace/item_delete.html", {"zdr_request": zdr_request, "item": item, "kind": kind})
