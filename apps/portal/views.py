from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache

from apps.foundation.fragments import fragment
from apps.tracking.dashboard import dashboard_context

from . import selectors


@login_not_required
@never_cache
def healthz(request):
    """200 only when the database, the broker and a worker's heartbeat are all fine. "worker" is
    "stale" when the newest heartbeat is older than twice its interval (or there is none)."""
    database, broker = selectors.database_state(), selectors.broker_state()
    work = selectors.background_work() if database["ok"] else None
    ok = database["ok"] and broker["ok"] and work is not None and not work.stale
    body = {
        "status": "ok" if ok else "error",
        "database": database,
        "task_queue": broker,
        "worker": "stale" if work is None or work.stale else "ok",
        "worker_last_seen": work.last_seen.isoformat() if work and work.last_seen else None,
        "worker_stale_after_seconds": round(2 * settings.WORKER_HEARTBEAT_INTERVAL, 3),
        "waiting": selectors.work_waiting() if database["ok"] else None,
    }
    return JsonResponse(body, status=200 if ok else 503)


def dashboard(request):
    membership = request.membership or None
    context = {"membership": membership}
    if membership:
        context["board"] = fragment(request, "dashboard", membership.organization_id, membership.role,
                                    request.GET.urlencode(), render=lambda: _board(request, membership))
    return render(request, "portal/dashboard.html", context)


def _board(request, membership):
    """The requests' board, or "" when the organization has none yet (the page then says how to start)."""
    context = dashboard_context(membership.organization, request.GET, request.GET.get("page"))
    if not context["total"]:
        return ""
    return render_to_string("tracking/dashboard.html", {**context, "membership": membership}, request)
