"""Writes for tracking. Each service is atomic; side effects named by the workflow table run once
the transaction has committed. A refused move raises `Refused` with the reasons a person can act on."""

from functools import partial

from django.db import transaction
from django.utils import timezone

from apps.packets.models import PacketState
from apps.workspace.models import Control

from . import followups
from .attachments import attachment_store, discard
from .drafts import merge_fields
from .models import (
    Approval,
    ChecklistTick,
    ContactEntry,
    Direction,
    FollowUpPolicy,
    GrantedControl,
    Tracking,
    Transition,
)
from .schedule import who_waits
from .selectors import events_for, has_verification_evidence, is_signed_off, tracking_of
from .workflow import INITIAL, MOVES, STATUSES, refusals


class Refused(Exception):
    def __init__(self, reasons):
        self.reasons = list(reasons)
        super().__init__(" ".join(self.reasons))


EFFECTS = {
    "schedule_follow_ups": followups.follow_ups_reschedule,
    "cancel_follow_ups": followups.follow_ups_reschedule,  # no longer waiting on OpenAI: closes them
    "start_reverification": followups.reverification_start,
    "schedule_reverification": followups.reverification_schedule,
    "cancel_reverification": followups.reverification_cancel,
}


def _draft(zdr_request):
    return Tracking(request=zdr_request, status=INITIAL, status_changed_at=zdr_request.created_at,
                    waiting_on=STATUSES[INITIAL].waiting_on, waiting_since=zdr_request.created_at)


@transaction.atomic
def tracking_create(*, zdr_request):
    """A new request's status row: a draft, waiting on the team since the request was created."""
    tracking = _draft(zdr_request)
    tracking.save()
    return tracking


@transaction.atomic
def trackings_create_missing(*, organization):
    """Status rows for the organization's requests that have none: those of an export written
    before every request had one. Like the rest of an import, they leave no history rows."""
    missing = organization.zdr_requests.filter(tracking__isnull=True)
    return Tracking.objects.bulk_create([_draft(zdr_request) for zdr_request in missing])


def _tracking_locked(zdr_request):
    return Tracking.objects.select_for_update().get(request=zdr_request)


def _refresh_waiting(tracking):
    waiting = who_waits(tracking.status, tracking.status_changed_at, events_for(tracking.request_id))
    tracking.waiting_on, tracking.waiting_since = waiting.on or "", waiting.since


def _provided(zdr_request, *, note, channel, packet_version, approval, override_reason):
    ready = (packet_version is not None and packet_version.request_id == zdr_request.pk
             and packet_version.state == PacketState.READY)
    signed = ready and is_signed_off(packet_version)
    return {
        "note": note.strip(), "channel": channel,
        "control": zdr_request.requested_control in Control.values,
        "signed_off_version": signed,
        "packet_version": ready and ((signed and not packet_version.is_draft) or bool(override_reason.strip())),
        "approval": approval is not None and approval.request_id == zdr_request.pk,
        "verification": has_verification_evidence(zdr_request),
    }


def _note_with_override(note, packet_version, override_reason):
    """The reason for sending a version that is a draft or not signed off, kept in the move's note
    (and so in the history), in words that say what was overridden."""
    what = [w for w, on in (("a draft", packet_version.is_draft), ("not signed off", not is_signed_off(packet_version)))
            if on] if packet_version is not None else []
    if not override_reason.strip() or not what:
        return note.strip()
    line = f"Sent v{packet_version.number}, which is {' and '.join(what)}. Why: {override_reason.strip()}"
    return f"{note.strip()}\n\n{line}" if note.strip() else line


@transaction.atomic
def transition_perform(*, zdr_request, move_key, user, role, note="", channel="", packet_version=None, approval=None,
                       override_reason=""):
    """Move the request along the workflow table, recording who, when, the note and the fields.

    Refused (with every reason at once) when the role, the current status, a required field or a
    fact the move needs does not fit the table's row for the move. "Mark ready to send" takes a
    version a reviewer signed off; "Record as submitted" takes a signed-off, non-draft version,
    or another ready one with `override_reason`, which the note keeps."""
    move = MOVES.get(move_key)
    if move is None:
        raise Refused(["There is no such step in the workflow."])
    tracking = _tracking_locked(zdr_request)
    provided = _provided(zdr_request, note=note, channel=channel, packet_version=packet_version, approval=approval,
                         override_reason=override_reason)
    reasons = refusals(move, status=tracking.status, role=role, provided=provided)
    if reasons:
        raise Refused(reasons)
    now = timezone.now()
    takes_version = {"packet_version", "signed_off_version"} & set(move.requires)
    Transition.objects.create(
        request=zdr_request, move=move.key, from_status=tracking.status, to_status=move.target, by=user, at=now,
        note=_note_with_override(note, packet_version, override_reason) if takes_version else note.strip(),
        channel=channel if "channel" in move.requires else "",
        packet_version=packet_version if takes_version else None,
    )
    tracking.status, tracking.status_changed_at = move.target, now
    if move.key == "mark_ready":
        tracking.packet_version = packet_version  # what "Record as submitted" offers first
    elif move.key == "submit":
        tracking.channel, tracking.packet_version, tracking.submitted_at = channel, packet_version, now
    elif move.target == INITIAL:
        tracking.channel, tracking.packet_version, tracking.submitted_at = "", None, None
    _refresh_waiting(tracking)
    tracking.save()
    for effect in move.effects:
        transaction.on_commit(partial(EFFECTS[effect], request_id=zdr_request.pk), robust=True)
    return tracking


@transaction.atomic
def contact_entry_create(*, zdr_request, user, occurred_at, direction, channel, summary,
                         counterpart_name="", counterpart_email="", upload=None):
    """Log a message, call, meeting or note. A message to or from OpenAI moves the follow-up
    clock: a reply stops it and the next follow-up is planned from the reply."""
    attachment = None
    try:
        if upload is not None:
            attachment = attachment_store(zdr_request=zdr_request, upload=upload, user=user)
        entry = ContactEntry.objects.create(
            request=zdr_request, occurred_at=occurred_at, direction=direction, channel=channel,
            counterpart_name=counterpart_name.strip(), counterpart_email=counterpart_email.strip(),
            summary=summary.strip(), attachment=attachment, created_by=user,
        )
        tracking = _tracking_locked(zdr_request)
        _refresh_waiting(tracking)
        tracking.save(update_fields=["waiting_on", "waiting_since"])
    except BaseException:
        discard(attachment)
        raise
    if direction in (Direction.IN, Direction.OUT):
        transaction.on_commit(partial(followups.follow_ups_reschedule, request_id=zdr_request.pk))
    return entry


@transaction.atomic
def contact_entry_log(*, zdr_request, user, role, move="", **entry):
    """Log a contact and, for a message received from OpenAI, make the status move it brings
    (`move`, one of workflow.reply_moves) with the summary as its note: both or neither."""
    logged = contact_entry_create(zdr_request=zdr_request, user=user, **entry)
    if move and entry["direction"] == Direction.IN:
        try:
            transition_perform(zdr_request=zdr_request, move_key=move, user=user, role=role, note=entry["summary"])
        except Refused:
            discard(logged.attachment)  # the transaction rolls the entry back; its file goes too
            raise
    return logged


@transaction.atomic
def follow_up_mark_sent(*, follow_up, user):
    """The team sent the follow-up: close the reminder and log the message, which plans the next one."""
    followups.follow_up_done(follow_up=follow_up)
    fields = merge_fields(follow_up.request, tracking_of(follow_up.request), follow_up)
    escalation = " (escalation)" if follow_up.escalate else ""
    return contact_entry_create(
        zdr_request=follow_up.request, user=user, occurred_at=timezone.now(), direction=Direction.OUT,
        channel="email", counterpart_name=fields["recipient_name"], counterpart_email=fields["recipient_email"],
        summary=f"Follow-up #{follow_up.attempt}{escalation} sent.",
    )


def covered_usage(zdr_request):
    """The endpoints and features in use now: what an approval recorded today covers."""
    covered = {}
    for usage in zdr_request.usages.all():
        covered.setdefault(usage.endpoint_path, set()).update(usage.features or [])
    return {path: sorted(features) for path, features in sorted(covered.items())}


APPROVAL_MOVE = {
    GrantedControl.ZDR: "approve_zdr", GrantedControl.ENHANCED_ZDR: "approve_zdr",
    GrantedControl.ZDR_PSP: "approve_zdr",
    GrantedControl.MAM: "approve_mam", GrantedControl.ENHANCED_MAM: "approve_mam",
}


@transaction.atomic
def approval_record(*, zdr_request, user, role, control, effective_date, scope, project_ids, message, note="",
                    upload=None):
    """Record OpenAI's approval with its evidence and move the request to approved (ZDR or MAM)."""
    evidence = None
    try:
        if upload is not None:
            evidence = attachment_store(zdr_request=zdr_request, upload=upload, user=user)
        approval = Approval.objects.create(
            request=zdr_request, control=control, effective_date=effective_date, scope=scope,
            project_ids=project_ids if scope == Approval.Scope.PROJECTS else [], message=message.strip(),
            evidence=evidence, covered=covered_usage(zdr_request), recorded_by=user,
        )
        transition_perform(zdr_request=zdr_request, move_key=APPROVAL_MOVE[control], user=user, role=role,
                           note=note or f"Approved: {approval.get_control_display()}", approval=approval)
    except BaseException:
        discard(evidence)
        raise
    return approval


@transaction.atomic
def checklist_tick(*, approval, item, done, note, user):
    tick, _ = ChecklistTick.objects.update_or_create(
        approval=approval, item=item, defaults={"done": done, "note": note.strip(), "by": user}
    )
    return tick


@transaction.atomic
def policy_save(*, organization, **values):
    """Save the organization's follow-up policy; open follow-ups are planned again under it."""
    policy, _ = FollowUpPolicy.objects.update_or_create(organization=organization, defaults=values)
    waiting = list(Tracking.objects.filter(request__organization=organization).values_list("request_id", flat=True))
    for request_id in waiting:
        transaction.on_commit(partial(followups.follow_ups_reschedule, request_id=request_id))
    return policy
