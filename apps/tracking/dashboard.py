"""The dashboard of an organization's requests: by status, who waits on whom and for how long,
overdue follow-ups, drift and the next action, with filters. A fixed number of queries."""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.utils import timezone

from . import selectors
from .workflow import STATUS_CHOICES, STATUSES

WAITING_CHOICES = [("", "Anyone"), ("openai", "OpenAI"), ("team", "Our team"), ("nobody", "Nobody (closed)")]


class DashboardFilter(forms.Form):
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Any status")] + STATUS_CHOICES)
    waiting_on = forms.ChoiceField(label="Waiting on", required=False, choices=WAITING_CHOICES)


def next_action(zdr_request, overdue_follow_up=None):
    if zdr_request.open_alerts:
        return "Resolve the drift alert."
    if overdue_follow_up is not None and overdue_follow_up.kind == "follow_up":
        escalation = " (an escalation)" if overdue_follow_up.escalate else ""
        return f"Send follow-up #{overdue_follow_up.attempt}{escalation} to OpenAI: it is overdue."
    if overdue_follow_up is not None and overdue_follow_up.kind == "reverify":
        return "Verify the data controls again: it is due."
    if zdr_request.overdue:
        return "A reminder is overdue: open the request."
    return STATUSES[zdr_request.tracking.status].next_action


def dashboard_context(organization, params, page_number=None):
    now = timezone.now()
    form = DashboardFilter(params or None)
    filters = form.cleaned_data if form.is_valid() else {}
    queryset = selectors.requests_tracked(organization, status=filters.get("status", ""),
                                          waiting_on=filters.get("waiting_on", ""), now=now)
    page = Paginator(queryset, 25).get_page(page_number)
    overdue = list(selectors.overdue_follow_ups(organization, now)[:20])
    # The oldest overdue reminder of each request on the page, for its next action: only those rows.
    first_overdue = {}
    on_page = [r.pk for r in page.object_list if r.overdue]
    for follow_up in selectors.overdue_follow_ups(organization, now).filter(request_id__in=on_page) if on_page else ():
        first_overdue.setdefault(follow_up.request_id, follow_up)
    rows = [(r, selectors.tracking_of(r), next_action(r, first_overdue.get(r.pk))) for r in page.object_list]
    counts = selectors.status_counts(organization)
    return {
        "filter_form": form, "filtered": bool(filters.get("status") or filters.get("waiting_on")),
        "page": page, "rows": rows, "now": now,
        "query": "".join(f"{urlencode({k: v})}&" for k, v in filters.items() if v),
        "status_counts": [(STATUSES[key], n) for key, n in counts.items() if n],
        "total": sum(counts.values()),
        "overdue": overdue,
        "alerts": list(selectors.open_alerts(organization)[:20]),
    }
