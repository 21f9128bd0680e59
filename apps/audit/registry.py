"""What the audit trail follows: every model that holds an organization's case, how its history
rows are found for one request, how an object is named, and which fields stay out of it.

The domain apps know nothing of this: `models.py` registers these models with django-simple-history
under the audit app, so the historical tables and their migrations live here."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from apps.accounts.models import Invitation, Membership
from apps.packets.models import PacketSettings, PacketVersion, SignOff
from apps.tracking.models import (
    Approval,
    Attachment,
    ChecklistTick,
    ContactEntry,
    DriftAlert,
    FollowUp,
    FollowUpPolicy,
    Tracking,
    Transition,
    Verification,
)
from apps.tracking.verification import CHECKLIST
from apps.workspace import taxonomy
from apps.workspace.models import (
    Contact,
    DataFlow,
    EndpointUsage,
    FindingAcknowledgement,
    WarningAnswer,
    ZdrRequest,
)

CHECKLIST_TITLES = {item.key: item.title for item in CHECKLIST}


@dataclass(frozen=True)
class Followed:
    model: type
    label: str  # the object type, as people say it
    name: Callable  # a history row -> the object's name, from the row's own fields (no queries)
    link: str = "request"  # how a row reaches its request: request_id, "self", a packet version's, an approval's,
    # or "" (organization-wide)
    excluded: tuple = ()  # not stored: big, secret, or churning bookkeeping that save() never writes
    hidden: tuple = ()  # stored (and in the CSV) but not shown on the page: they repeat who and when
    autosaved: bool = False  # edited in the wizard, saved as people type: a run of saves reads as one change

    @cached_property
    def history(self):
        # Each read of `model.history` builds a new manager class (django-simple-history): once is enough.
        return self.model.history.model


FOLLOWED = [
    # Organization-wide: recorded, but on no request's page.
    Followed(Membership, "Membership", lambda r: f"{r.get_role_display()} #{r.user_id}", link="",
             hidden=("created_at",)),
    Followed(Invitation, "Invitation", lambda r: r.email, link="", excluded=("token",), hidden=("created_at",)),
    Followed(PacketSettings, "Packet settings", lambda r: r.get_paper_size_display(), link=""),
    Followed(FollowUpPolicy, "Follow-up policy", lambda r: "Follow-up policy", link="", hidden=("updated_at",)),
    # A request and its parts. updated_at/updated_by repeat the history row's who and when, and are
    # written by UPDATEs that skip save(): keeping them would pin one edit's stamp on the next.
    Followed(ZdrRequest, "Request", lambda r: r.title, link="self", excluded=("updated_at", "updated_by"),
             hidden=("organization", "created_at"), autosaved=True),
    Followed(Contact, "Contact", lambda r: r.name or r.email or f"#{r.id}", autosaved=True),
    Followed(EndpointUsage, "Endpoint usage", lambda r: r.endpoint_path, autosaved=True),
    Followed(DataFlow, "Data flow", lambda r: r.source_system or f"#{r.id}", autosaved=True),
    Followed(FindingAcknowledgement, "Acknowledged blocker", lambda r: r.key,
             hidden=("acknowledged_by", "acknowledged_at")),
    Followed(WarningAnswer, "Answer to a warning", lambda r: r.key, hidden=("answered_by", "answered_at")),
    # The snapshot is frozen with the version and can be large: the version's other fields say enough.
    # queued_at is the render queue's own bookkeeping (when a worker was last asked), not an edit.
    Followed(PacketVersion, "Packet version", lambda r: f"v{r.number}", excluded=("snapshot", "queued_at"),
             hidden=("generated_by", "created_at", "attempts", "rendering_started_at", "render_seconds")),
    Followed(SignOff, "Sign-off", lambda r: r.get_decision_display(), link="version",
             hidden=("reviewer", "created_at")),
    Followed(Tracking, "Request status", lambda r: ""),  # one per request: the type says it all
    Followed(Transition, "Status change", lambda r: f"{r.get_from_status_display()} → {r.get_to_status_display()}",
             hidden=("by", "at")),
    Followed(Attachment, "Attachment", lambda r: r.original_name, hidden=("uploaded_by", "uploaded_at")),
    Followed(ContactEntry, "Contact log entry",
             lambda r: f"{r.get_channel_display()} · {r.get_direction_display()}",
             hidden=("created_by", "created_at")),
    # Claims are the sweep's bookkeeping (conditional UPDATEs); the states they lead to are recorded.
    Followed(FollowUp, "Follow-up", lambda r: f"{r.get_kind_display()} #{r.attempt}",
             excluded=("claim_token", "claimed_at", "retry_at"), hidden=("created_at",)),
    Followed(Approval, "Approval", lambda r: r.get_control_display(), hidden=("recorded_by", "recorded_at")),
    Followed(ChecklistTick, "Checklist item", lambda r: CHECKLIST_TITLES.get(r.item, r.item), link="approval",
             hidden=("by", "at")),
    # The check's raw evidence (the Admin API's answer) stays on the verification; its summary is here.
    Followed(Verification, "Verification", lambda r: r.get_outcome_display(), excluded=("evidence",),
             hidden=("ran_by", "ran_at")),
    Followed(DriftAlert, "Drift alert", lambda r: r.get_kind_display(), hidden=("detected_at",)),
]

# Vocabularies that live in the taxonomy, not on the model fields: their labels, per field.
VOCABULARIES = {
    **{(model, field.name): dict(taxonomy.FIELD_CHOICES[field.name])
       for model in (ZdrRequest, Contact, DataFlow) for field in model._meta.fields
       if field.name in taxonomy.FIELD_CHOICES},
    (Tracking, "waiting_on"): {"openai": "OpenAI", "team": "our team"},
}
FOLLOWED_BY_MODEL = {followed.model: followed for followed in FOLLOWED}
ON_REQUEST_PAGES = [followed for followed in FOLLOWED if followed.link]
