"""A request's history (any member), its CSV (owners), and the error pages that log refusals."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from apps.accounts.access import membership_required
from apps.foundation.fragments import fragment
from apps.workspace.selectors import request_get, request_title_get

from .export import history_csv
from .models import SecurityEvent
from .present import Presenter
from .selectors import PagedHistory, RequestHistory, request_for_history
from .services import security_event_record

PER_PAGE = 20  # saves a page: a phone shows a page without endless scrolling


@membership_required()
def request_history(request, request_id):
    membership = request.membership
    zdr_request = request_title_get(organization=membership.organization, request_id=request_id)
    html = fragment(request, "history", zdr_request.pk, membership.role, request.GET.get("page", ""),
                    render=lambda: _history(request, membership, request_id))
    return render(request, "audit/history.html", {"zdr_request": zdr_request, "body": html})


def _history(request, membership, request_id):
    zdr_request = request_for_history(organization=membership.organization, request_id=request_id)
    history = PagedHistory(zdr_request)
    page = Paginator(history, PER_PAGE).get_page(request.GET.get("page"))
    entries = list(page.object_list)
    presenter = Presenter(entries, history.names)
    return render_to_string("audit/partials/history_body.html", {
        "zdr_request": zdr_request, "page": page, "entries": [presenter.entry(e) for e in entries],
    }, request)


@membership_required("is_owner")
def request_history_csv(request, request_id):
    zdr_request = request_get(organization=request.membership.organization, request_id=request_id)
    history = RequestHistory(zdr_request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"history-request-{zdr_request.pk}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    history_csv(history.export_entries(), history.names, response)
    return response


def page_not_found(request, exception):
    """handler404. Only signed-in users' misses are logged: those are the ones that can be a look
    at another organization's object; anonymous misses are bots and typos."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        security_event_record(kind=SecurityEvent.Kind.NOT_FOUND, request=request, user=user)
    return render(request, "404.html", status=404)


def permission_denied(request, exception):
    """handler403: a role too low for the action, in the user's own organization."""
    security_event_record(kind=SecurityEvent.Kind.FORBIDDEN, request=request, user=getattr(request, "user", None))
    return render(request, "403.html", status=403)
