from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse

from apps.accounts.access import membership_required
from apps.foundation.fragments import fragment

from .. import selectors, services
from ..forms import StepForm, savable_data, unsaved_input
from ..items import draft_key
from ..steps import STEP_BY_SLUG, STEPS
from .context import FOCUS, answer_context, step_context, step_page


def _step_or_404(slug):
    if slug not in STEP_BY_SLUG:
        raise Http404("No such step.")
    return STEP_BY_SLUG[slug]


@membership_required()
def step_view(request, request_id, step):
    step = _step_or_404(step)
    membership = request.membership
    if request.method == "POST" and step.fields:
        if not membership.can_edit:
            raise PermissionDenied("Viewers and reviewers cannot edit a request.")
        return _save(request, selectors.request_get(organization=membership.organization, request_id=request_id), step)
    zdr_request = selectors.request_title_get(organization=membership.organization, request_id=request_id)

    def body():
        full = selectors.request_get(organization=membership.organization, request_id=request_id)
        return render_to_string("workspace/partials/step_body.html", step_context(request, full, step), request)

    # The editor's drafts make the page theirs; a page that opens on an error to fix is not kept.
    html = body() if FOCUS in request.session else fragment(
        request, "step", zdr_request.pk, step.slug, request.user.pk, membership.role, forms=True, render=body)
    return step_page(request, zdr_request, step, html)


def _save(request, zdr_request, step):
    """Save every field that passes validation and keep every one that does not as a draft; an explicit
    save with something left to fix comes back to the step, with the cursor on the first error."""
    form = StepForm.for_step(step)(request.POST, instance=zdr_request)
    form.is_valid()
    try:
        saved = services.request_step_save(
            zdr_request=zdr_request, step=step, data=savable_data(form), unsaved=unsaved_input(form),
            seen=request.POST.get("seen", ""), user=request.user,
        )
    except services.StaleEdit as conflict:
        if request.htmx:
            return _status(request, zdr_request, step, form, conflict)
        context = step_context(request, zdr_request, step, form=form, conflict=conflict)
        return step_page(request, zdr_request, step, context)
    if request.htmx:
        return _status(request, saved, step, form)
    if form.errors:
        request.session[FOCUS] = draft_key(step)
        return redirect("workspace:step", request_id=saved.pk, step=step.slug)
    messages.success(request, f"{step.title} saved.")
    return redirect(_next_url(request, saved, step))


def _status(request, zdr_request, step, form, conflict=None):
    """The autosave answer: the save state, the new fingerprint and the step scores, swapped in place."""
    zdr_request = selectors.request_get(organization=request.membership.organization, request_id=zdr_request.pk)
    context = answer_context(request, zdr_request, step, form=form, conflict=conflict)
    return render(request, "workspace/partials/autosave_answer.html", context)


def _next_url(request, zdr_request, step):
    target = step.slug
    if "save_next" in request.POST:
        index = [s.slug for s in STEPS].index(step.slug)
        target = STEPS[min(index + 1, len(STEPS) - 1)].slug
    return reverse("workspace:step", kwargs={"request_id": zdr_request.pk, "step": target})
