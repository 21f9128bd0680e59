"""Sections of `/requests/<id>/export.json` that tracking adds (registered in TrackingConfig.ready)."""

from .models import ContactEntry, FollowUp, Transition
from .selectors import approval_current, drift_open, tracking_of, verifications_of


def _at(value):
    return value.isoformat() if value else None


def _email(user):
    return user.email if user else None


def status(zdr_request, http_request=None):
    tracking = tracking_of(zdr_request)
    packet = tracking.packet_version
    return {
        "status": tracking.status, "label": tracking.get_status_display(), "since": _at(tracking.status_changed_at),
        "waiting_on": tracking.waiting_on or None, "waiting_since": _at(tracking.waiting_since),
        "submitted_at": _at(tracking.submitted_at), "channel": tracking.channel or None,
        "packet_version": {"number": packet.number, "sha256": packet.sha256} if packet else None,
        "drift_alerts": [{"kind": a.kind, "detail": a.detail, "detected_at": _at(a.detected_at)}
                         for a in drift_open(zdr_request)],
    }


def transitions(zdr_request, http_request=None):
    return [
        {"move": t.move, "from": t.from_status, "to": t.to_status, "by": _email(t.by), "at": _at(t.at), "note": t.note,
         "channel": t.channel or None, "packet_version": t.packet_version.number if t.packet_version else None}
        for t in Transition.objects.filter(request=zdr_request).select_related("by", "packet_version")
        .order_by("at", "pk")
    ]


def contact_log(zdr_request, http_request=None):
    return [
        {"occurred_at": _at(e.occurred_at), "direction": e.direction, "channel": e.channel,
         "counterpart": {"name": e.counterpart_name, "email": e.counterpart_email}, "summary": e.summary,
         "attachment": {"name": e.attachment.original_name, "type": e.attachment.content_type,
                        "size": e.attachment.size, "sha256": e.attachment.sha256} if e.attachment else None,
         "by": _email(e.created_by)}
        for e in ContactEntry.objects.filter(request=zdr_request).select_related("attachment", "created_by")
        .order_by("occurred_at", "pk")
    ]


def follow_ups(zdr_request, http_request=None):
    return [
        {"kind": f.kind, "attempt": f.attempt, "escalate": f.escalate, "due_at": _at(f.due_at), "state": f.state,
         "sent_at": _at(f.sent_at), "resolved_at": _at(f.resolved_at), "reason": f.reason}
        for f in FollowUp.objects.filter(request=zdr_request).order_by("due_at", "pk")
    ]


def approval(zdr_request, http_request=None):
    current = approval_current(zdr_request)
    if current is None:
        return None
    return {
        "control": current.control, "effective_date": current.effective_date.isoformat(), "scope": current.scope,
        "project_ids": current.project_ids, "message": current.message, "covered": current.covered,
        "evidence": {"name": current.evidence.original_name, "sha256": current.evidence.sha256}
        if current.evidence else None,
        "recorded_by": _email(current.recorded_by), "recorded_at": _at(current.recorded_at),
        "checklist": {t.item: {"done": t.done, "note": t.note} for t in current.ticks.all()},
    }


def verifications(zdr_request, http_request=None):
    return [
        {"method": v.method, "outcome": v.outcome, "summary": v.summary, "evidence": v.evidence,
         "ran_by": _email(v.ran_by), "ran_at": _at(v.ran_at)}
        for v in verifications_of(zdr_request)
    ]


SECTIONS = {
    "status": status, "transitions": transitions, "contact_log": contact_log, "follow_ups": follow_ups,
    "approval": approval, "verifications": verifications,
}
