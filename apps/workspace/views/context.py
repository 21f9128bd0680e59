"""What every wizard page shows: navigation with scores, the step's forms, findings, diagram. The
autosave answers swap parts of the same page in place, so they are built from the same context."""

from .. import selectors, services
from ..diagram import render_html
from ..items import KIND_BY_SLUG
from ..next_action import review_next_action
from ..selectors import Assessment
from ..steps import STEPS


def item_form(kind, item, assessment, data=None):
    return kind.form_class(
        data, instance=item, prefix=f"{kind.slug}-{item.pk}", catalog=assessment.catalog, snapshot=assessment.snapshot
    )


def _usage_findings(kind, item, assessment):
    return assessment.evaluation.for_usage(item.pk) if kind.slug == "usages" else ()


def item_forms(zdr_request, kind, assessment):
    """Each item with its form, its fingerprint and, for usages, the findings it causes."""
    return [
        (
            item,
            item_form(kind, item, assessment),
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
    """The whole step page: the shared context, the catalog notice and the step's items."""
    context = answer_context(request, zdr_request, step, form=form, conflict=conflict)
    context["catalog_notice"] = selectors.catalog_notice(zdr_request, context["assessment"].snapshot)
    if step.items:
        context["items"] = item_forms(zdr_request, KIND_BY_SLUG[step.items], context["assessment"])
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
