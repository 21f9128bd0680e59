"""The status workflow of a ZDR request, kept as data (after BC Gov's `pia-status.metadata.ts`).

Each status says who the request waits on and what the team does next. Each move lists the
statuses it starts from, who may make it (any one of the `Membership` permissions it names), the
fields it requires and the side effects that run once it has committed. A final status changes
only by the `reopen` move. `refusals()` is a pure function, so the table is testable without a
database and every refusal says why."""

from dataclasses import dataclass

from apps.accounts.access import roles_with
from apps.accounts.models import Role


@dataclass(frozen=True)
class Status:
    key: str
    label: str
    waiting_on: str | None  # "team", "openai" or None: nobody waits any more
    tone: str  # the Bootstrap colour of its badge
    next_action: str
    final: bool = False
    # The move the page offers as its primary action: while waiting on OpenAI, the answer that
    # usually comes next. "{control}" stands for the control the team requested.
    suggested: str = ""


STATUSES = {s.key: s for s in [
    Status("draft", "Draft", "team", "secondary",
           "Finish the workspace and send it to internal review.", suggested="send_to_review"),
    Status("internal_review", "Internal review", "team", "info",
           "Reviewers check the packet and mark it ready to send.", suggested="mark_ready"),
    Status("ready_to_send", "Ready to send", "team", "primary",
           "Send the packet to OpenAI, then record it as submitted.", suggested="submit"),
    Status("submitted", "Submitted", "openai", "warning",
           "Wait for OpenAI; send the follow-up when its reminder falls due.", suggested="acknowledge"),
    Status("acknowledged", "Acknowledged by OpenAI", "openai", "warning",
           "Wait for OpenAI's review; follow up when due.", suggested="start_review"),
    Status("under_review", "Under review by OpenAI", "openai", "warning",
           "Wait for OpenAI's decision; follow up when due.", suggested="approve_{control}"),
    Status("info_requested", "More information requested", "team", "danger",
           "Answer OpenAI's questions, then record the answer.", suggested="answer_info"),
    Status("approved_zdr", "Approved (ZDR)", "team", "success",
           "Check with the Admin API that ZDR is on."),
    Status("approved_mam", "Approved (MAM)", "team", "success",
           "Check with the Admin API that MAM is on."),
    Status("declined", "Declined", None, "dark",
           "Read OpenAI's reasons; reopen the request if the design changes.", final=True),
    Status("verified", "Verified", None, "success",
           "Nothing until the next re-verification.", final=True),
    Status("withdrawn", "Withdrawn", None, "secondary",
           "Reopen it to start again.", final=True),
]}
STATUS_CHOICES = [(s.key, s.label) for s in STATUSES.values()]
INITIAL = "draft"
WAITING_ON_OPENAI = tuple(k for k, s in STATUSES.items() if s.waiting_on == "openai")
APPROVED = ("approved_zdr", "approved_mam")
WITH_APPROVAL = (*APPROVED, "verified")

CHANNELS = [
    ("sales_form", "OpenAI sales contact form"),
    ("account_manager", "Email to the account manager"),
    ("baa", "BAA route (baa@openai.com)"),
]

# What a required field (or fact about the request) means, in the words of a refusal.
REQUIREMENTS = {
    "note": "a note",
    "channel": "the channel it was sent by (sales form, email to the account manager or BAA route)",
    "control": "the control you request, chosen by the team (ZDR or MAM, on Organization and contacts)",
    "signed_off_version": "a packet version that a reviewer signed off, exactly as rendered (sign it off on the "
                          "packet page)",
    "packet_version": "a ready packet version that a reviewer signed off and that is not a draft, or your reason "
                      "for sending another",
    "approval": "the approval evidence (control, effective date, scope and the message or amendment)",
    "verification": "a matching Admin API check, or the Data retention tab ticked on the checklist",
}


@dataclass(frozen=True)
class Move:
    key: str
    label: str
    sources: tuple
    target: str
    may: tuple  # the Membership permissions, any one of which allows the move
    requires: tuple = ()
    effects: tuple = ()
    # "out": the team spoke to OpenAI (restarts the follow-up clock); "in": OpenAI answered.
    clock: str | None = None
    form: str = "transition"  # the page that collects the fields: "transition" or "approval"
    needs: tuple = ()  # facts about the request, not typed in the move's form (see REQUIREMENTS)

    @property
    def roles(self):
        return roles_with(*self.may)


_WAITING = ("submitted", "acknowledged", "under_review", "info_requested")
_CANCEL = ("cancel_follow_ups",)

MOVES = {m.key: m for m in [
    Move("send_to_review", "Send to internal review", ("draft",), "internal_review", ("can_edit",),
         needs=("control",)),
    Move("request_changes", "Request changes", ("internal_review", "ready_to_send"), "draft",
         ("can_edit", "can_review"), requires=("note",)),
    Move("mark_ready", "Mark ready to send", ("internal_review",), "ready_to_send", ("can_review",),
         requires=("signed_off_version",)),
    Move("submit", "Record as submitted", ("ready_to_send",), "submitted", ("can_edit",),
         requires=("packet_version", "channel"), effects=("schedule_follow_ups",), clock="out"),
    Move("acknowledge", "OpenAI acknowledged", ("submitted",), "acknowledged", ("can_edit",),
         effects=("schedule_follow_ups",), clock="in"),
    Move("start_review", "OpenAI is reviewing", ("submitted", "acknowledged"), "under_review", ("can_edit",),
         effects=("schedule_follow_ups",), clock="in"),
    Move("request_info", "OpenAI asked for more information", ("submitted", "acknowledged", "under_review"),
         "info_requested", ("can_edit",), requires=("note",), effects=_CANCEL, clock="in"),
    Move("answer_info", "Record our answer", ("info_requested",), "under_review", ("can_edit",),
         requires=("note",), effects=("schedule_follow_ups",), clock="out"),
    Move("approve_zdr", "Record approval (ZDR)", _WAITING, "approved_zdr", ("can_edit",), requires=("approval",),
         effects=(*_CANCEL, "start_reverification"), clock="in", form="approval"),
    Move("approve_mam", "Record approval (MAM)", _WAITING, "approved_mam", ("can_edit",), requires=("approval",),
         effects=(*_CANCEL, "start_reverification"), clock="in", form="approval"),
    Move("decline", "OpenAI declined", _WAITING, "declined", ("can_edit",), requires=("note",), effects=_CANCEL,
         clock="in"),
    Move("verify", "Mark verified", APPROVED, "verified", ("can_edit",), requires=("verification",),
         effects=("schedule_reverification",)),
    Move("withdraw", "Withdraw", ("draft", "internal_review", "ready_to_send", *_WAITING), "withdrawn", ("is_owner",),
         requires=("note",), effects=_CANCEL),
    Move("reopen", "Reopen as a draft", ("declined", "withdrawn", "verified"), "draft", ("is_owner",),
         requires=("note",), effects=(*_CANCEL, "cancel_reverification")),
]}


def _labels(keys):
    return ", ".join(STATUSES[k].label for k in keys)


def refusals(move, *, status, role, provided):
    """Why `role` may not make `move` from `status` with the `provided` fields; empty when it may."""
    reasons = []
    if status not in move.sources:
        if STATUSES[status].final:
            reasons.append(f"{STATUSES[status].label} is a final status: only reopening it changes it.")
        else:
            reasons.append(f"“{move.label}” starts from {_labels(move.sources)}; this request is "
                           f"{STATUSES[status].label}.")
    if role not in move.roles:
        allowed = " or ".join(r.label.lower() for r in move.roles)
        reasons.append(f"“{move.label}” needs the role {allowed}; yours is {Role(role).label.lower()}.")
    lacking = [REQUIREMENTS[r] for r in missing(move, provided)]
    if lacking:
        reasons.append(f"“{move.label}” needs {'; '.join(lacking)}.")
    return reasons


def moves_from(status):
    return [m for m in MOVES.values() if status in m.sources]


def missing(move, provided):
    """The requirement keys (facts and fields) of `move` that `provided` lacks, in the table's order."""
    return [r for r in (*move.needs, *move.requires) if not provided.get(r)]


def suggested_move(status, control):
    """The key of the move the page offers first from `status`, for a request asking for `control`."""
    return STATUSES[status].suggested.format(control=control if control in ("zdr", "mam") else "zdr")


def reply_moves(status):
    """The moves a message from OpenAI can make in the same form as logging it: OpenAI's answers
    that need nothing but a note (the message's summary serves). An approval has its own form."""
    return [m for m in moves_from(status) if m.clock == "in" and m.form == "transition"
            and set(m.requires) <= {"note"}]
