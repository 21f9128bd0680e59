"""Code scans of a request: upload a zip, watch it scan, compare with the request, apply."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from apps.accounts.access import membership_required
from apps.workspace.selectors import request_get

from . import selectors, services
from .archive import ArchiveRefused
from .forms import ArchiveUploadForm


@membership_required()
def scans(request, request_id):
    zdr_request = request_get(organization=request.membership.organization, request_id=request_id)
    if request.method == "POST" and not request.membership.can_edit:
        raise PermissionDenied("Only editors can upload code to scan.")
    form = ArchiveUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            scan = services.code_scan_upload(zdr_request=zdr_request, upload=form.cleaned_data["archive"],
                                             user=request.user)
        except ArchiveRefused as refused:
            form.add_error("archive", str(refused))
        else:
            return redirect("codescan:scan", request_id=zdr_request.pk, scan_id=scan.pk)
    page = Paginator(selectors.scans_of(zdr_request), 20).get_page(request.GET.get("page"))
    return render(request, "codescan/scans.html", {"zdr_request": zdr_request, "form": form, "page": page},
                  status=400 if form.errors else 200)


@membership_required()
def scan(request, request_id, scan_id):
    zdr_request = request_get(organization=request.membership.organization, request_id=request_id)
    code_scan = selectors.scan_get(zdr_request=zdr_request, scan_id=scan_id)
    if request.htmx and not code_scan.is_pending:
        return HttpResponseClientRefresh()
    comparison = selectors.scan_comparison(code_scan, zdr_request) if code_scan.state == "done" else None
    template = "codescan/partials/progress.html" if request.htmx else "codescan/scan.html"
    return render(request, template, {"zdr_request": zdr_request, "scan": code_scan, "comparison": comparison})


@require_POST
@membership_required("can_edit")
def scan_apply(request, request_id, scan_id):
    zdr_request = request_get(organization=request.membership.organization, request_id=request_id)
    code_scan = selectors.scan_get(zdr_request=zdr_request, scan_id=scan_id)
    if code_scan.state != "done":
        messages.error(request, "The scan has not finished, so there is nothing to apply yet.")
        return redirect("codescan:scan", request_id=zdr_request.pk, scan_id=code_scan.pk)
    comparison = services.code_scan_apply(scan=code_scan, user=request.user)
    added = len(comparison.missing)
    messages.success(request, f"Applied: {added} endpoint{'s' if added != 1 else ''} added or completed, with the "
                              "code evidence kept. Next: check the findings on the Endpoint usage step.")
    return redirect("workspace:step", request_id=zdr_request.pk, step="usage")
