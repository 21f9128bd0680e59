from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from apps.accounts.access import membership_required

from .. import selectors, services
from ..forms import AcknowledgementForm
from ..selectors import Assessment


@require_POST
@membership_required("can_edit")
def finding_acknowledge(request, request_id):
    zdr_request = selectors.request_get(organization=request.membership.organization, request_id=request_id)
    blockers = {f.key: f for f in Assessment(zdr_request).evaluation.blockers}
    form = AcknowledgementForm(request.POST, keys=list(blockers))
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    elif form.cleaned_data["withdraw"]:
        services.finding_unacknowledge(zdr_request=zdr_request, key=form.cleaned_data["key"], user=request.user)
        messages.info(request, "The acknowledgement was withdrawn; the blocker is open again.")
    else:
        services.finding_acknowledge(zdr_request=zdr_request, key=form.cleaned_data["key"],
                                     justification=form.cleaned_data["justification"], user=request.user)
        messages.success(request, f"Acknowledged: {blockers[form.cleaned_data['key']].title}.")
    step = request.POST.get("next_step")
    return redirect("workspace:step", request_id=zdr_request.pk, step=step if step in ("usage", "review") else "review")
