"""Reviewing versions: sign-off on an exact PDF, and what changed between two versions."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from apps.accounts.access import membership_required
from apps.workspace.selectors import request_get

from .. import selectors, services
from ..diff import diff_snapshots
from ..forms import CompareForm, SignOffForm
from .versions import load, version_page


@require_POST
@membership_required("can_review")
def sign_off(request, request_id, number):
    zdr_request, version = load(request, request_id, number)
    form = SignOffForm(request.POST)
    if not form.is_valid():
        return version_page(request, request_id=request_id, number=number, form=form)
    try:
        decision = services.sign_off_create(version=version, reviewer=request.user, **form.cleaned_data)
    except services.SignOffRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"{decision.get_decision_display()}: packet v{version.number} "
                                  f"(SHA-256 {version.sha256[:12]}…).")
    return redirect("packets:version", request_id=zdr_request.pk, number=version.number)


@membership_required()
def compare(request, request_id):
    zdr_request = request_get(organization=request.membership.organization, request_id=request_id)
    numbers = list(zdr_request.packet_versions.order_by("-number").values_list("number", flat=True))
    latest_two = {"old": numbers[1], "new": numbers[0]} if len(numbers) > 1 else None
    data = request.GET if "old" in request.GET else latest_two
    form = CompareForm(data, numbers=numbers)
    changes = old = new = None
    if form.is_valid():
        old = selectors.version_get(zdr_request=zdr_request, number=form.cleaned_data["old"])
        new = selectors.version_get(zdr_request=zdr_request, number=form.cleaned_data["new"])
        changes = diff_snapshots(old.snapshot, new.snapshot)
    return render(request, "packets/compare.html", {
        "zdr_request": zdr_request, "form": form, "changes": changes, "old": old, "new": new,
    })
