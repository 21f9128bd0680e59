from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.accounts.access import membership_required
from apps.catalog.selectors import CatalogNotLoaded, version_current
from apps.foundation.fragments import fragment

from .. import exports, selectors, services
from ..forms import NewRequestForm
from ..selectors import Assessment


@membership_required()
def request_list(request):
    membership = request.membership
    html = fragment(request, "requests", membership.organization_id, membership.role, request.GET.get("page", ""),
                    render=lambda: render_to_string("workspace/partials/request_list_body.html", {
                        "page": Paginator(selectors.request_rows(membership.organization), 20).get_page(
                            request.GET.get("page"))}, request))
    return render(request, "workspace/request_list.html", {"body": html})


@membership_required("can_edit")
def request_create(request):
    form = NewRequestForm(request.POST or None)
    if form.is_valid():
        try:
            zdr_request = services.request_create(
                organization=request.membership.organization, owner=request.user, **form.cleaned_data
            )
        except CatalogNotLoaded as error:
            raise Http404(str(error)) from error
        messages.success(request, "Request created. Fill in the steps in any order; every change is saved.")
        return redirect("workspace:step", request_id=zdr_request.pk, step="organization")
    return render(request, "workspace/request_new.html", {"form": form})


@membership_required()
def request_resume(request, request_id):
    """Back to where the team left off: the first step with something missing."""
    zdr_request = selectors.request_get(organization=request.membership.organization, request_id=request_id)
    step = Assessment(zdr_request).completeness.first_incomplete_step() or "review"
    return redirect("workspace:step", request_id=zdr_request.pk, step=step)


@membership_required()
def request_export(request, request_id):
    zdr_request = selectors.request_get(organization=request.membership.organization, request_id=request_id)
    response = JsonResponse(exports.request_export(Assessment(zdr_request), request), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'inline; filename="zdr-request-{zdr_request.pk}.json"'
    return response


@require_POST
@membership_required("can_edit")
def request_catalog_upgrade(request, request_id):
    zdr_request = selectors.request_get(organization=request.membership.organization, request_id=request_id)
    version = version_current(zdr_request.catalog_version.provider)
    services.request_move_to_catalog(zdr_request=zdr_request, version=version, user=request.user)
    messages.success(request, f"The request is now checked against the {version}.")
    return redirect("workspace:step", request_id=zdr_request.pk, step="review")


@membership_required("can_edit")
def request_delete(request, request_id):
    zdr_request = selectors.request_get(organization=request.membership.organization, request_id=request_id)
    if request.method == "POST":
        services.request_delete(zdr_request=zdr_request)
        messages.success(request, f"“{zdr_request.title}” was deleted.")
        return redirect(reverse("workspace:list"))
    return render(request, "workspace/request_delete.html", {"zdr_request": zdr_request})
