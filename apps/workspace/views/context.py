"""What every wizard page shows: navigation with scores, the step's forms, findings, diagram."""

from apps.catalog.diff import diff_catalogs, is_empty
from apps.catalog.selectors import catalog_document, versions_of

from .. import services
from ..diagram import render_svg
from ..items import KIND_BY_SLUG
from ..selectors import Assessment
from ..steps import STEPS


def item_form(kind, item, assessment, data=None):
    return kind.form_class(
        data, instance=item, prefix=f"{kind.slug}-{item.pk}", catalog=assessment.catalog, snapshot=assessment.snapshot
    )


def item_forms(zdr_request, kind, assessment):
    """Each item with its form, its fingerprint and, for usages, the findings it causes."""
    return [
        (
            item,
            item_form(kind, item, assessment),
            services.fingerprint(item, kind.fields),
            assessment.evaluation.for_usage(item.pk) if kind.slug == "usages" else (),
        )
        for item in getattr(zdr_request, kind.slug).all()
    ]


def catalog_notice(zdr_request, snapshot):
    """What changed for this request's endpoints since its pinned catalog version, if newer exists."""
    newest = versions_of(zdr_request.catalog_version.provider).first()
    if newest is None or newest.pk == zdr_request.catalog_version_id:
        return None
    diff = diff_catalogs(catalog_document(zdr_request.catalog_version), catalog_document(newest))
    paths = {u["endpoint_path"] for u in snapshot["usages"]}
    features = {key for u in snapshot["usages"] for key in u["features"]}
    relevant = {
        "endpoints": {
            k: [r for r in v if (r if isinstance(r, str) else r["key"]) in paths] for k, v in diff["endpoints"].items()
        },
        "features": {
            k: [r for r in v if (r if isinstance(r, str) else r["key"]) in features]
            for k, v in diff["features"].items()
        },
    }
    return {"version": newest, "changes": relevant, "affects_request": not is_empty(relevant)}


def step_context(request, zdr_request, step, *, form=None, conflict=None, assessment=None):
    assessment = assessment or Assessment(zdr_request)
    context = {
        "zdr_request": zdr_request,
        "step": step,
        "steps": STEPS,
        "form": form,
        "conflict": conflict,
        "assessment": assessment,
        "can_edit": request.membership.role in ("owner", "editor"),
        "seen": services.fingerprint(zdr_request, step.fields),
        "catalog_notice": catalog_notice(zdr_request, assessment.snapshot),
    }
    if step.items:
        context["items"] = item_forms(zdr_request, KIND_BY_SLUG[step.items], assessment)
    if step.slug in ("flows", "review"):
        context["diagram"] = render_svg(assessment.snapshot, assessment.catalog, assessment.evaluation.control)
    return context
