"""Pages that read: a request's tracking page, attachment downloads, the follow-up policy."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from apps.accounts.access import membership_required
from apps.foundation.fragments import fragment

from .. import selectors, services
from ..drafts import follow_up_draft
from ..forms import ContactEntryForm, PolicyForm
from ..models import FollowUp
from ..verification import checklist_for
from ..workflow import STATUSES, WITH_APPROVAL, missing, moves_from, refusals, suggested_move


def _fixes(zdr_request):
    """Where to go to provide what a move lacks: (label, url) by requirement key."""
    packet = reverse("packets:packet", args=[zdr_request.pk])
    return {
        "control": ("Choose ZDR or MAM",
                    reverse("workspace:step", args=[zdr_request.pk, "organization"]) + "#div_id_requested_control"),
        "signed_off_version": ("Review and sign off the packet", packet),
        "packet_version": ("Generate the packet", packet),
    }


def next_moves(membership, zdr_request, tracking):
    """Each move from the current status with why it is refused and where to fix it, and the key
    of the one the page offers as its primary action."""
    facts, fixes = selectors.move_facts(zdr_request), _fixes(zdr_request)
    moves = []
    for m in moves_from(tracking.status):
        provided = {**{r: True for r in m.requires}, **{k: facts[k] for k in (*m.needs, *m.requires) if k in facts}}
        lacking = missing(m, provided)
        fixable = lacking and membership.role in m.roles and tracking.status in m.sources
        moves.append((m, refusals(m, status=tracking.status, role=membership.role, provided=provided),
                      fixes.get(lacking[0]) if fixable else None))
    return moves, suggested_move(tracking.status, zdr_request.requested_control)

TIMELINE_PER_PAGE = 25  # the newest first; older ones a page away, so the page never grows with the request's age


def page_context(request, zdr_request, **extra):
    membership = request.membership
    tracking = selectors.tracking_of(zdr_request)
    moves, primary = next_moves(membership, zdr_request, tracking)
    now = timezone.now()
    follow_ups = list(selectors.follow_ups_of(zdr_request))
    current = next((f for f in follow_ups if f.kind == FollowUp.Kind.FOLLOW_UP and f.state in FollowUp.OPEN), None)
    overdue = current is not None and current.due_at <= now
    if overdue:
        primary = ""  # the overdue follow-up is the one thing to do first: its card holds the primary action
    approval = selectors.approval_current(zdr_request)
    return {
        "zdr_request": zdr_request, "tracking": tracking, "status": STATUSES[tracking.status], "now": now,
        "waiting_days": (now - tracking.waiting_since).days if tracking.waiting_since and tracking.waiting_on else None,
        "moves": moves, "primary": primary, "follow_up_overdue": overdue,
        "timeline_page": Paginator(selectors.Timeline(zdr_request), TIMELINE_PER_PAGE).get_page(
            request.GET.get("page")),
        "open_follow_ups": [f for f in follow_ups if f.state in FollowUp.OPEN],
        "past_follow_ups": [f for f in follow_ups if f.state not in FollowUp.OPEN][:10],
        "current_follow_up": current,
        "draft": follow_up_draft(zdr_request, tracking, current, now) if current else None,
        "approval": approval, "checklist": checklist_for(approval),
        # A verification belongs to an approval: without one there is nothing to read.
        "verifications": list(selectors.verifications_of(zdr_request)[:10]) if approval else [],
        "alerts": list(selectors.drift_open(zdr_request)),
        "can_tick": membership.can_edit or membership.can_review,
        "can_check": approval is not None and membership.can_edit and tracking.status in WITH_APPROVAL,
        "contact_form": ContactEntryForm(initial={"occurred_at": timezone.localtime(now).strftime("%Y-%m-%dT%H:%M")},
                                         status=tracking.status, control=zdr_request.requested_control),
        **extra,
    }


@membership_required()
def tracking_detail(request, request_id):
    membership = request.membership
    zdr_request = selectors.request_with_tracking_get(organization=membership.organization, request_id=request_id)

    def body():
        full = selectors.request_tracked_get(organization=membership.organization, request_id=request_id)
        return render_to_string("tracking/partials/detail_body.html", page_context(request, full), request)

    html = fragment(request, "tracking", zdr_request.pk, membership.role, request.GET.get("page", ""), forms=True,
                    render=body)
    return render(request, "tracking/detail.html", {"zdr_request": zdr_request, "body": html})


@membership_required()
def attachment_download(request, request_id, attachment_id):
    """Only ever a download, with the sniffed type, so a browser never renders an upload in the portal."""
    zdr_request = selectors.request_tracked_get(organization=request.membership.organization, request_id=request_id)
    attachment = selectors.attachment_get(zdr_request=zdr_request, attachment_id=attachment_id)
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, content_type=attachment.content_type,
                            filename=f"request-{zdr_request.pk}-attachment-{attachment.pk}{attachment.extension}")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@membership_required()
def policy(request):
    organization = request.membership.organization
    current = selectors.policy_for(organization)
    is_owner = request.membership.is_owner
    form = PolicyForm(request.POST if request.method == "POST" and is_owner else None, instance=current)
    if request.method == "POST" and not is_owner:
        messages.error(request, "Only an owner can change the follow-up policy.")
    elif form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        services.policy_save(organization=organization, **values)
        messages.success(request, "Follow-up policy saved; open follow-ups were planned again under it.")
        return redirect("tracking:policy")
    return render(request, "tracking/policy.html", {"form": form})
