from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from apps.tracking.dashboard import dashboard_context

from . import selectors


@login_not_required
@never_cache
def healthz(request):
    database, broker = selectors.database_state(), selectors.broker_state()
    ok = database["ok"] and broker["ok"]
    body = {
        "status": "ok" if ok else "error",
        "database": database,
        "task_queue": broker,
        "worker_last_seen": selectors.worker_last_seen() if database["ok"] else None,
    }
    return JsonResponse(body, status=200 if ok else 503)


def dashboard(request):
    membership = request.membership or None
    context = {"membership": membership}
    if membership:
        context.update(dashboard_context(membership.organization, request.GET, request.GET.get("page")))
    return render(request, "portal/dashboard.html", context)
