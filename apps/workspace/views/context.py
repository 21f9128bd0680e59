"""What every wizard page shows: navigation with scores, the step's forms, findings, diagram. The
autosave answers swap parts of the same page in place, so they are built from the same context."""

from django.shortcuts import render
from django.template.loader import render_to_string

from .. import selectors, services
from ..diagram import render_html
from ..forms import StepForm, focus_first_error, with_draft
from ..items import KIND_BY_SLUG, draft_key
from ..next_action import review_next_action
from ..selectors import Assessment
from ..steps import STEPS

# The session key naming the form (items.draft_key) whose first error the next page focuses: an explicit
# save with errors redirects back to the page, which then opens with the cursor where the fixing starts.
FOCUS = "workspace_focus"


def item_form(kind, item, assessment, data=None, draft=None):
    kwargs = {"instance": item, "prefix": f"{kind.slug}-{item.pk}", "catalog": assessment.catalog,
              "snapshot": assessment.snapshot}
    return with_draft(kind.form_class, draft, **kwargs) if draft else kind.form_class(data, **kwargs)


def step_form(step, zdr_request, draft=None):
    form_class = StepForm.for_step(step)
    return with_draft(form_class, draft, instance=zdr_request) if draft else form_class(instance=zdr_request)


def _focused(form, form_of, focus):
    if draft_key(form_of) == focus:
        focus_first_error(form)
    return form


def _usage_findings(kind, item, assessment):
    return assessment.evaluation.for_usage(item.pk) if kind.slug == "usages" else ()


def item_forms(zdr_request, kind, assessment, drafts, focus):
    """Each item with its form (its draft, if any, on top), its fingerprint and, for usages, the findings
    it causes."""
    return [
        (
            item,
            _focused(item_form(kind, item, assessment, draft=drafts.get(draft_key(item))), item, focus),
            services.fingerprint(item, kind.fields),
            _usage_findings(kind, item, assessment),
        )
        for item in getattr(zdr_request, kind.slug).all()
    ]


def answer_context(request, zdr_request, step, *, form=None, conflict=None):
    """What the step page and every autosave answer share: the form's save state, the step scores
    and, on the steps that show it, the diagram."""
    assessment = Assessment(zdr_request)
    context = {
        "zdr_request": zdr_request,
        "step": step,
        "steps": STEPS,
        "form": form,
        "conflict": conflict,
        "assessment": assessment,
        "seen": services.fingerprint(zdr_request, step.fields),
    }
    if step.slug in ("flows", "review"):
        context["diagram"] = render_html(assessment.snapshot, assessment.catalog, assessment.evaluation.control)
    if step.slug == "review":
        context["next_action"] = review_next_action(assessment.completeness, assessment.evaluation,
                                                    **selectors.downstream_facts(zdr_request))
    return context


def step_context(request, zdr_request, step, *, form=None, conflict=None):
    """The whole step page: the shared context, the catalog notice and the step's forms, each with the
    editor's unsaved input (drafts) bound on top of the saved values."""
    drafts = selectors.drafts_of(zdr_request=zdr_request, user=request.user)
    focus = request.session.pop(FOCUS, None)
    if form is None and step.fields:
        form = _focused(step_form(step, zdr_request, drafts.get(draft_key(step))), step, focus)
    context = answer_context(request, zdr_request, step, form=form, conflict=conflict)
    context["catalog_notice"] = selectors.catalog_notice(zdr_request, context["assessment"].snapshot)
    if step.items:
        context["items"] = item_forms(zdr_request, KIND_BY_SLUG[step.items], context["assessment"], drafts, focus)
    return context


def item_answer_context(request, zdr_request, kind, item, *, form, conflict):
    """An item's autosave answer: the shared context, with the item's fingerprint and its findings."""
    context = answer_context(request, zdr_request, kind.step, form=form, conflict=conflict)
    context.update(
        kind=kind.slug,
        item=item,
        seen=services.fingerprint(item, kind.fields),
        usage_findings=_usage_findings(kind, item, context["assessment"]),
    )
    return context


def step_page(request, zdr_request, step, body, status=200):
    """The step page around its body: the body's context, or its HTML already rendered (a cached one)."""
    if isinstance(body, dict):
        body = render_to_string("workspace/partials/step_body.html", body, request)
    return render(request, "workspace/step.html", {"zdr_request": zdr_request, "step": step, "body": body},
                  status=status)
