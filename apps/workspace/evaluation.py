"""What the engine (findings.py) answers: each finding, and the evaluation of a request that holds them."""

from dataclasses import dataclass, field

from .advice import Recommendation
from .controls import CONTROLS


@dataclass(frozen=True)
class Finding:
    key: str
    severity: str
    control: str
    title: str
    detail: str
    usage_id: int | None
    endpoint_path: str
    feature_key: str | None
    remediation: str
    source_url: str  # the rule's own source, and the date it carried or was last seen
    as_of: str
    unconfirmed: bool = False
    source_title: str = ""
    confidence: str = "confirmed"  # or "reported" (by developers)
    # Every source behind the finding (its rule's, its limitations'), once each.
    citations: tuple[dict, ...] = field(default=(), hash=False)
    acknowledgement: dict | None = field(default=None, hash=False)
    points: tuple[str, ...] = ()  # the catalog's limitations that apply to this usage, one by one
    answer: dict | None = field(default=None, hash=False)
    evidence: dict | None = field(default=None, hash=False)  # what was seen, for use the request does not declare

    @property
    def is_acknowledged(self):
        """An acknowledgement only counts with a written justification: that is what the record keeps."""
        return bool(self.acknowledgement and str(self.acknowledgement.get("justification") or "").strip())

    @property
    def is_open(self):
        return self.severity == "blocker" and not self.is_acknowledged

    @property
    def is_answered(self):
        return bool(self.answer and str(self.answer.get("text") or "").strip())

    @property
    def needs_answer(self):
        return self.severity == "warning" and not self.is_answered


@dataclass(frozen=True)
class Evaluation:
    control: str  # the control the findings are under: the requested one, else the advised one
    requested_control: str  # "" until the team chooses
    findings: tuple[Finding, ...]
    recommendation: Recommendation
    options: tuple = ()  # advice.ControlOption per control, side by side
    regulated: tuple[str, ...] = ()  # what makes the data regulated, as labels

    @property
    def chosen(self):
        return self.requested_control in CONTROLS

    def _of(self, severity):
        return tuple(f for f in self.findings if f.severity == severity)

    @property
    def blockers(self):
        return self._of("blocker")

    @property
    def warnings(self):
        return self._of("warning")

    @property
    def infos(self):
        return self._of("info")

    @property
    def open_blockers(self):
        return tuple(f for f in self.findings if f.is_open)

    @property
    def has_open_blockers(self):
        return bool(self.open_blockers)

    @property
    def unanswered_warnings(self):
        return tuple(f for f in self.findings if f.needs_answer)

    @property
    def observed(self):
        """Findings about use seen outside the request (the Admin API's usage) that it does not declare."""
        return tuple(f for f in self.findings if f.evidence)

    def for_usage(self, usage_id):
        return tuple(f for f in self.findings if f.usage_id == usage_id)
