"""Actions on a request's tracking: move it, log a contact, act on a follow-up, tick the checklist,
resolve a drift alert. Each view: the scoped getter, one service, then redirect or re-render."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.accounts.access import membership_required
from apps.foundation.submissions import acts_once

from .. import drift, followups, selectors, services
from ..forms import ChecklistTickForm, ContactEntryForm, SnoozeForm, TransitionForm
from ..models import FollowUp
from ..verification import CHECKLIST_KEYS
from ..workflow import MOVES, STATUSES


def posted(request):
    """The form arguments of a POST (even an empty one), nothing for a GET."""
    return (request.POST, request.FILES) if request.method == "POST" else ()


def _load(request, request_id):
    return selectors.request_tracked_get(organization=request.membership.organization, request_id=request_id)


def _back(zdr_request, anchor=""):
    url = reverse("tracking:detail", kwargs={"request_id": zdr_request.pk})
    return redirect(f"{url}#{anchor}" if anchor else url)


@membership_required()
def transition(request, request_id, move):
    zdr_request = _load(request, request_id)
    move = MOVES.get(move)
    if move is None or move.form != "transition":
        raise Http404("No such step in the workflow.")
    data = request.POST if request.method == "POST" else None
    tracking = selectors.tracking_of(zdr_request)
    form = TransitionForm(data, move=move, zdr_request=zdr_request, initial_version=tracking.packet_version)
    if request.method == "POST" and form.is_valid():
        try:
            services.transition_perform(zdr_request=zdr_request, move_key=move.key, user=request.user,
                                        role=request.membership.role, **form.cleaned_data)
        except services.Refused as refused:
            for reason in refused.reasons:
                form.add_error(None, reason)
        else:
            messages.success(request, f"{move.label}: the request is now {STATUSES[move.target].label}.")
            return _back(zdr_request)
    return render(request, "tracking/transition.html", {
        "zdr_request": zdr_request, "move": move, "form": form, "tracking": tracking,
        "target": STATUSES[move.target],
    })


@membership_required("can_edit")
@acts_once  # a double click logs one entry
def contact_add(request, request_id):
    zdr_request = _load(request, request_id)
    form = ContactEntryForm(*posted(request), status=selectors.tracking_of(zdr_request).status,
                            control=zdr_request.requested_control)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.contact_entry_log(zdr_request=zdr_request, user=request.user, role=request.membership.role,
                                       upload=data.pop("attachment"), **data)
        except services.Refused as refused:
            form.add_error("move", " ".join(refused.reasons))
        else:
            moved = data.get("move") and data["direction"] == "in"
            messages.success(request, f"Logged in the contact log; the request is now "
                                      f"{STATUSES[MOVES[data['move']].target].label}." if moved
                             else "Logged in the contact log.")
            return _back(zdr_request, "timeline")
    return render(request, "tracking/contact_form.html", {"zdr_request": zdr_request, "contact_form": form})


@require_POST
@membership_required("can_edit")
def follow_up_action(request, request_id, follow_up_id, action):
    zdr_request = _load(request, request_id)
    follow_up = selectors.follow_up_get(zdr_request=zdr_request, follow_up_id=follow_up_id)
    if action not in ("snooze", "sent", "done"):
        raise Http404("No such action.")
    if follow_up.state not in FollowUp.OPEN:
        messages.info(request, "That reminder is already closed.")
    elif action == "snooze":
        form = SnoozeForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Snooze for 1 to 30 days.")
        else:
            followups.follow_up_snooze(follow_up=follow_up, days=form.cleaned_data["days"])
            messages.success(request, f"Snoozed for {form.cleaned_data['days']} days.")
    elif action == "sent" and follow_up.kind == FollowUp.Kind.FOLLOW_UP:
        services.follow_up_mark_sent(follow_up=follow_up, user=request.user)
        messages.success(request, "Logged the follow-up as sent; the next one is planned.")
    else:
        followups.follow_up_done(follow_up=follow_up)
        messages.success(request, "Marked as done.")
    return _back(zdr_request, "follow-ups")


@require_POST
@membership_required("can_edit", "can_review")
def checklist_tick(request, request_id, item):
    zdr_request = _load(request, request_id)
    approval = selectors.approval_current(zdr_request)
    if item not in CHECKLIST_KEYS or approval is None:
        raise Http404("No such checklist item.")
    form = ChecklistTickForm(request.POST, prefix=item)
    if form.is_valid():
        services.checklist_tick(approval=approval, item=item, user=request.user, **form.cleaned_data)
        messages.success(request, "Checklist updated.")
    else:
        messages.error(request, "The note is too long (1000 characters at most).")
    return _back(zdr_request, "checklist")


@require_POST
@membership_required("can_edit")
def alert_resolve(request, request_id, alert_id):
    zdr_request = _load(request, request_id)
    alert = selectors.alert_get(zdr_request=zdr_request, alert_id=alert_id)
    drift.drift_resolve(alert=alert, user=request.user)
    messages.success(request, "Drift alert resolved.")
    return _back(zdr_request)
