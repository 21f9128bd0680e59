"""Advice on which control to request, side by side: pure functions of the findings under each
control, the catalog rows in use and the request's data. The team chooses; the portal advises.

Why it is shaped like this:
- Both controls exclude customer content from abuse-monitoring logs, so that is never the
  difference. What differs is what stays at OpenAI as application state: ZDR forces `store` to
  false and refuses the endpoints that keep state; MAM allows them, and they keep what they store
  until it is deleted.
- For regulated data (HIPAA, GDPR special categories, payment cards, privileged material, ...)
  stored state is stored regulated data, so ZDR is usually what the team needs, even when it
  asks for a design change first. Recommending MAM there because it "unblocks" Assistants or
  Batches would quietly keep that data at OpenAI.
"""

from dataclasses import dataclass

from .controls import CONTROL_LABELS
from .taxonomy import DATA_CATEGORY_LABELS, DRIVERS, REGULATED_CATEGORIES, REGULATED_DRIVERS

ABUSE_LOGS = ("Customer content is excluded from abuse-monitoring logs on every endpoint (suspected CSAM in "
              "image and file inputs is still kept for review).")
STORE_ENDPOINTS = ("/v1/responses", "/v1/chat/completions")


@dataclass(frozen=True)
class Recommendation:
    control: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ControlOption:
    """What one control means for this request: what it leaves blocked and what it keeps."""

    control: str
    open_blockers: tuple[str, ...]  # what is left blocked under it: the endpoint, or the endpoint and feature
    warnings: int  # limitations the team must answer under it
    keeps: tuple[str, ...]  # application state it keeps, in words
    abuse_logs: str
    recommended: bool = False

    @property
    def label(self):
        return CONTROL_LABELS[self.control]


def regulated_reasons(snapshot):
    """What makes the request's data regulated, as labels: its drivers and data categories."""
    drivers = dict(DRIVERS)
    reasons = [drivers[d] for d in snapshot.get("drivers") or [] if d in REGULATED_DRIVERS]
    reasons += [DATA_CATEGORY_LABELS[c] for c in snapshot.get("data_categories") or [] if c in REGULATED_CATEGORIES]
    if snapshot.get("sensitivity") == "special" and not reasons:
        reasons.append("Special category (GDPR art. 9) or children's data")
    return tuple(dict.fromkeys(reasons))


def keeps_application_state(row):
    """Whether the catalog row keeps application state by default ("None, ..." means it does not)."""
    return row is not None and not str(row.get("application_state_retention") or "").strip().lower().startswith("none")


def stateful_in_use(snapshot, endpoints):
    """The endpoints in use that keep application state, each with its retention, in usage order."""
    paths = dict.fromkeys((u.get("endpoint_path") or "").strip() for u in snapshot.get("usages") or [])
    return tuple((path, endpoints[path]["application_state_retention"].lower())
                 for path in paths if keeps_application_state(endpoints.get(path)))


def options(snapshot, endpoints, under, recommended):
    """One ControlOption per control, in the order of `under` ({control: findings})."""
    stateful = stateful_in_use(snapshot, endpoints)
    paths = {(u.get("endpoint_path") or "").strip() for u in snapshot.get("usages") or []}
    result = []
    for control, findings in under.items():
        keeps = [f"{path}: application state {retention}" + (" (not eligible: replace it or acknowledge it)"
                                                              if control == "zdr" else "")
                 for path, retention in stateful]
        if control == "mam" and paths & set(STORE_ENDPOINTS):
            keeps.append("Stored responses (30 days or more) unless every request sends store=false; ZDR forces "
                         "store to false.")
        result.append(ControlOption(
            control=control, open_blockers=tuple(_blocked(f) for f in findings if f.is_open),
            warnings=sum(1 for f in findings if f.severity == "warning"), keeps=tuple(keeps) or ("Nothing",),
            abuse_logs=ABUSE_LOGS, recommended=control == recommended,
        ))
    return tuple(result)


def _blocked(finding):
    # Short, so the comparison never repeats a finding's title word for word next to the finding.
    if finding.evidence:  # use seen in a project, not declared: its title says where
        return finding.title
    return finding.endpoint_path if finding.feature_key is None else f"{finding.endpoint_path}: {finding.title}"


def recommend(zdr_findings, mam_findings, regulated=(), stateful=()):
    """ZDR when nothing open blocks it (it is the stronger promise). When only ZDR is blocked: MAM
    keeps every feature available, unless the data is regulated, where ZDR after a design change
    is what the team usually needs (see the module's docstring). When both are blocked: ZDR after
    the blockers are fixed, because the fix usually clears ZDR too."""
    zdr_open = [f for f in zdr_findings if f.is_open]
    mam_open = [f for f in mam_findings if f.is_open]
    if not zdr_open:
        kept = [f for f in zdr_findings if f.severity == "blocker"]
        if kept:  # acknowledged: not eligible, used anyway. Never "all eligible".
            return Recommendation("zdr", (
                f"Nothing open blocks ZDR, but {len(kept)} blocker{'s are' if len(kept) > 1 else ' is'} acknowledged: "
                "not eligible, used anyway with a justification.",
            ))
        return Recommendation("zdr", ("All endpoints and features in use are ZDR-eligible.",))
    if not mam_open and regulated:
        kept = ", ".join(f"{path} ({retention})" for path, retention in stateful)
        lead = (f"Your data is regulated ({', '.join(regulated)}): ZDR is usually what such a team needs. MAM would "
                "lift the blockers below only by letting OpenAI keep what these calls store"
                + (f": {kept}." if kept else ".") + " Change the design to qualify for ZDR:")
        return Recommendation("zdr", (lead, *(f"{f.title} → {f.remediation}" for f in zdr_open)))
    if not mam_open:
        return Recommendation("mam", tuple(
            f"{f.title} → MAM keeps it available; or change the design: {f.remediation}" for f in zdr_open
        ))
    lead = "Some blockers apply under MAM as well, so neither control covers the current design: fix these first."
    return Recommendation("zdr", (lead, *(f"{f.title} → {f.remediation}" for f in zdr_open)))
