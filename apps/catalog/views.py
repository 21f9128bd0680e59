"""The catalog pages. The catalog is reference data: every signed-in user sees every provider's
catalog, whatever their organization, so there is no organization scoping here."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from apps.foundation.fragments import fragment

from . import selectors
from .forms import CatalogFilterForm, VersionDiffForm
from .models import Provider


def _not_loaded(request, provider):
    return render(request, "catalog/not_loaded.html", {
        "provider": provider, "provider_label": selectors.provider_label(provider),
    })


@require_GET
def index(request):
    return redirect("catalog:endpoints", provider=Provider.OPENAI)


@require_GET
def endpoints(request, provider):
    version = selectors.version_latest(provider)
    if version is None:
        return _not_loaded(request, provider)
    # The page is the same for everyone on the same version and filters (and day: it says its age).
    # htmx asks for the table alone while the filters change; a history restore needs the page.
    partial = request.htmx and not request.htmx.history_restore_request
    template = "catalog/partials/results.html" if partial else "catalog/partials/endpoints_body.html"
    html = fragment(request, "catalog-results" if partial else "catalog-page", version.pk, request.GET.urlencode(),
                    render=lambda: render_to_string(template, _endpoints_context(request, version), request))
    response = HttpResponse(html) if partial else render(request, "catalog/endpoints.html",
                                                         {"version": version, "body": html})
    patch_vary_headers(response, ["HX-Request"])
    return response


def _endpoints_context(request, version):
    rows, features = selectors.endpoints_with_features(version)
    form = CatalogFilterForm(request.GET, families=selectors.families_of(rows))
    filters = form.filters()
    return {
        "version": version, "form": form, "filters": filters, "features": features, "total": len(rows),
        "endpoints": selectors.endpoints_matching(rows, **filters), "filtered": any(filters.values()),
        "stale": selectors.is_stale(version), "age_in_days": selectors.age_in_days(version),
        "controls": selectors.controls_of(version),
    }


@require_GET
def catalog_json(request, provider):
    if provider not in Provider.values:
        return JsonResponse({"error": f"Unknown provider {provider!r}."}, status=404)
    version = selectors.version_latest(provider)
    if version is None:
        return JsonResponse({"error": f"No {Provider(provider).label} catalog has been loaded yet."}, status=404)
    document = selectors.catalog_document(version)
    return JsonResponse({"version_id": version.pk, "imported_at": version.imported_at.isoformat(), **document})


@require_GET
def versions(request, provider):
    label = selectors.provider_label(provider)
    history = selectors.versions_with_counts(provider)
    if not history:
        return _not_loaded(request, provider)
    newest, previous = history[0], history[1] if len(history) > 1 else history[0]
    form = VersionDiffForm(initial={"from": previous, "to": newest}, versions=selectors.versions_of(provider))
    return render(request, "catalog/versions.html", {
        "provider": provider, "provider_label": label, "versions": history, "form": form,
    })


@require_GET
def version_diff(request, provider):
    label = selectors.provider_label(provider)
    form = VersionDiffForm(request.GET, versions=selectors.versions_of(provider))
    changes = selectors.comparison(form.cleaned_data["from"], form.cleaned_data["to"]) if form.is_valid() else None
    return render(request, "catalog/version_diff.html", {
        "provider": provider, "provider_label": label, "form": form, "changes": changes,
    })
