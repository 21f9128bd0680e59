"""Recording the approval and running the Admin API check."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters

from apps.accounts.access import membership_required
from apps.catalog.selectors import catalog_document

from .. import selectors, services
from ..admin_api import AdminApiError
from ..ci_policy import policy_for_request
from ..forms import AdminKeyForm, ApprovalForm
from ..models import UsageCheck, Verification
from ..usage_checks import usage_check_run
from ..verification import verification_run
from .actions import posted


@membership_required("can_edit")
def approval_record(request, request_id):
    zdr_request = selectors.request_tracked_get(organization=request.membership.organization, request_id=request_id)
    form = ApprovalForm(*posted(request),
                        initial={"project_ids": zdr_request.project_ids, "scope": "organization",
                                 "control": request.GET.get("control", "zdr")})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.approval_record(zdr_request=zdr_request, user=request.user, role=request.membership.role,
                                     upload=data.pop("evidence"), **data)
        except services.Refused as refused:
            for reason in refused.reasons:
                form.add_error(None, reason)
        else:
            messages.success(request, "Approval recorded. Next: check with the Admin API that it is on.")
            return redirect("tracking:detail", request_id=zdr_request.pk)
    return render(request, "tracking/approval_form.html", {
        "zdr_request": zdr_request, "form": form, "tracking": selectors.tracking_of(zdr_request),
    })


@sensitive_post_parameters("admin_key")
@membership_required("can_edit")
def admin_api_check(request, request_id):
    zdr_request = selectors.request_tracked_get(organization=request.membership.organization, request_id=request_id)
    approval = selectors.approval_current(zdr_request)
    form = AdminKeyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and approval is None:
        form.add_error(None, "Record the approval first: the check compares the live setting with it.")
    elif request.method == "POST" and form.is_valid():
        verification = verification_run(zdr_request=zdr_request, admin_key=form.cleaned_data["admin_key"],
                                        user=request.user, role=request.membership.role)
        level = {Verification.Outcome.MATCH: messages.SUCCESS, Verification.Outcome.MISMATCH: messages.WARNING}
        messages.add_message(request, level.get(verification.outcome, messages.ERROR),
                             f"{verification.get_outcome_display()}: {verification.summary}")
        return redirect(reverse("tracking:detail", kwargs={"request_id": zdr_request.pk}) + "#verification")
    return render(request, "tracking/admin_api_form.html", {
        "zdr_request": zdr_request, "form": form, "approval": approval,
        "verifications": selectors.verifications_of(zdr_request)[:5],
    })


@sensitive_post_parameters("admin_key")
@membership_required("can_edit")
def usage_check(request, request_id):
    zdr_request = selectors.request_tracked_get(organization=request.membership.organization, request_id=request_id)
    form = AdminKeyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            check = usage_check_run(zdr_request=zdr_request, admin_key=form.cleaned_data["admin_key"],
                                    user=request.user)
        except AdminApiError as error:
            form.add_error(None, str(error))
        else:
            ok = check.outcome == UsageCheck.Outcome.DECLARED
            messages.add_message(request, messages.SUCCESS if ok else messages.WARNING, check.summary)
            return redirect("tracking:usage_check", request_id=zdr_request.pk)
    return render(request, "tracking/usage_check.html", {
        "zdr_request": zdr_request, "form": form, "check": selectors.usage_check_latest(zdr_request),
    })


@membership_required()
def ci_policy(request, request_id):
    zdr_request = selectors.request_tracked_get(organization=request.membership.organization, request_id=request_id)
    document = policy_for_request(zdr_request, catalog_document(zdr_request.catalog_version))
    if document is None:
        messages.info(request, "The CI policy exists once the request is submitted: it lists what was asked for.")
        return redirect("tracking:detail", request_id=zdr_request.pk)
    response = JsonResponse(document, json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="zdr-policy-{zdr_request.pk}.json"'
    return response
