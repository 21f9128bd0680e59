from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.accounts.access import membership_required

from .. import selectors, services
from ..forms import AcknowledgementForm, WarningAnswerForm
from ..selectors import Assessment
from ..steps import STEP_BY_SLUG
from .context import answer_context, step_context, step_page


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


@require_POST
@membership_required("can_edit")
def warning_answer(request, request_id):
    """Save the team's answer to a warning. With htmx the warning is swapped in place (htmx swaps
    only 2xx answers, so a refusal is a 200 too); without, back to the step. A refused answer is
    shown at its field with what was typed."""
    zdr_request = selectors.request_get(organization=request.membership.organization, request_id=request_id)
    warnings = {f.key: f for f in Assessment(zdr_request).evaluation.warnings}
    form = WarningAnswerForm(request.POST, keys=list(warnings))
    step = STEP_BY_SLUG["usage" if request.POST.get("next_step") == "usage" else "review"]
    if form.is_valid():
        services.warning_answer(zdr_request=zdr_request, key=form.cleaned_data["key"],
                                text=form.cleaned_data["text"], user=request.user)
        zdr_request = selectors.request_get(organization=request.membership.organization, request_id=request_id)
    if request.htmx:
        return _warning_partial(request, zdr_request, step, form)
    if form.is_valid():
        messages.success(request, f"Answer saved: {warnings[form.cleaned_data['key']].title}.")
        return redirect(reverse("workspace:step", kwargs={"request_id": zdr_request.pk, "step": step.slug})
                        + f"#finding-{form.cleaned_data['key']}")
    context = step_context(request, zdr_request, step)
    return step_page(request, zdr_request, step, {**context, "answer_form": form}, status=400)


def _warning_partial(request, zdr_request, step, form):
    context = answer_context(request, zdr_request, step)
    key = form.data.get("key", "")
    finding = next((f for f in context["assessment"].evaluation.findings if f.key == key), None)
    if finding is None:  # the warning is gone: say so where the form was
        return render(request, "workspace/partials/warning_gone.html", {"form": form})
    context.update(f=finding, show_usage=step.slug == "review", answer_form=None if form.is_valid() else form)
    return render(request, "workspace/partials/warning_answered.html", context)
