"""How complete a request is, and exactly what is missing: a pure function of the snapshot."""

from dataclasses import dataclass, field

from .findings import NOT_CHOSEN
from .taxonomy import ABUSE_MEASURES, HIPAA_TERMS, REQUIREMENTS


@dataclass(frozen=True)
class Missing:
    step: str
    label: str
    anchor: str  # the id of the field (or item) on the step's page


@dataclass
class StepScore:
    step: str
    done: int = 0
    total: int = 0
    missing: list = field(default_factory=list)

    @property
    def percent(self):
        # Rounded down, so 100 % means nothing is missing; a step that asks nothing yet is not done.
        return 0 if self.total == 0 else (100 * self.done) // self.total

    @property
    def is_complete(self):
        return self.total > 0 and not self.missing

    def require(self, ok, label, anchor):
        self.total += 1
        if ok:
            self.done += 1
        else:
            self.missing.append(Missing(self.step, label, anchor))


@dataclass
class Completeness:
    steps: dict  # every step's score; "review" sums up the others

    @property
    def _review(self):
        return self.steps["review"]

    @property
    def done(self):
        return self._review.done

    @property
    def total(self):
        return self._review.total

    @property
    def percent(self):
        return self._review.percent

    @property
    def missing(self):
        return list(self._review.missing)

    def first_incomplete_step(self):
        return next((slug for slug, s in self.steps.items() if s.missing), None)


def _has(value):
    return bool(value.strip()) if isinstance(value, str) else bool(value)


def _fields(score, snapshot, labels):
    for name, label in labels:
        score.require(_has(snapshot.get(name)), label, f"div_id_{name}")


def _organization(score, s):
    # The title is required to create a request, so it is not counted: an empty request is 0 %.
    # Any stored value is a choice the form accepted; blank (and the legacy "recommend") is not chosen.
    score.require(_has(s.get("requested_control")) and s.get("requested_control") not in NOT_CHOSEN,
                  "The control you request (ZDR or MAM)", "div_id_requested_control")
    _fields(
        score,
        s,
        [
            ("openai_org_id", "OpenAI organization ID"),
            ("legal_entity", "Legal entity"),
            ("country", "Country"),
            ("website", "Website"),
            ("usage_tier", "Usage tier or agreement"),
            ("scope", "What the control should cover"),
        ],
    )
    if s.get("scope") == "projects":
        score.require(_has(s.get("project_ids")), "The OpenAI project IDs it should cover", "div_id_project_ids")
    roles = {c["role"] for c in s.get("contacts", []) if _has(c["name"]) and _has(c["email"])}
    score.require("primary" in roles, "A primary contact with name and email", "contacts")
    score.require(
        bool(roles & {"security", "privacy"}), "A security or privacy contact with name and email", "contacts"
    )


def _use_case(score, s):
    _fields(
        score,
        s,
        [
            ("product_description", "What the product does"),
            ("users_description", "Who its users are"),
            ("sensitivity_reason", "Why the data is sensitive"),
            ("drivers", "Regulatory or contractual drivers"),
            ("retention_problem", "Why retention at OpenAI is a problem"),
        ],
    )
    for name, label in [("monthly_requests", "Expected requests a month"),
                        ("monthly_tokens", "Expected tokens a month")]:
        score.require(s.get(name) is not None, label, f"div_id_{name}")
    if "other" in s.get("drivers", []):
        score.require(_has(s.get("drivers_other")), "The other driver, in words", "div_id_drivers_other")


def _data(score, s):
    _fields(
        score,
        s,
        [("data_categories", "Data categories"), ("data_subjects", "Data subjects"), ("sensitivity", "Sensitivity")],
    )
    score.require(
        _has(s.get("minimization", [])) or _has(s.get("minimization_notes")),
        "Minimization measures",
        "div_id_minimization",
    )


def _flows(score, s):
    score.require(bool(s.get("flows", [])), "At least one data flow", "flows")
    for n, flow in enumerate(s.get("flows", []), start=1):
        anchor = f"flow-{flow['id']}"
        for name, label in [
            ("source_system", "source system"),
            ("data_categories", "data categories"),
            ("usage_id", "OpenAI endpoint"),
            ("output_store", "where the output is stored"),
            ("retention", "our retention"),
        ]:
            score.require(_has(flow[name]), f"Flow {n}: {label}", anchor)


def _usage(score, s):
    score.require(bool(s.get("usages", [])), "At least one endpoint usage", "usages")
    for n, usage in enumerate(s.get("usages", []), start=1):
        anchor = f"usage-{usage['id']}"
        score.require(_has(usage["models_used"]), f"Usage {n} ({usage['endpoint_path']}): models", anchor)
        score.require(
            usage["monthly_volume"] is not None, f"Usage {n} ({usage['endpoint_path']}): monthly volume", anchor
        )
    # The packet states both figures (the letter the use case's, the endpoint table the usages'): once
    # both are known they must agree, or the reviewer reads two volumes for the same traffic.
    volumes, expected = [u["monthly_volume"] for u in s.get("usages", [])], s.get("monthly_requests")
    if volumes and None not in volumes and expected is not None:
        score.require(sum(volumes) == expected, f"Usage volumes ({sum(volumes):,} a month in all) and the use "
                      f"case's expected requests a month ({expected:,}) agree", "usages")


def _findings(score, open_blockers, unanswered_warnings):
    """The findings are answered on the usage step, each where its usage is shown."""
    for finding in open_blockers:
        score.require(False, f"Resolve or acknowledge: {finding.title}", f"finding-{finding.key}")
    for finding in unanswered_warnings:
        score.require(False, f"Answer how you handle: {finding.title}", f"answer-{finding.key}")


def _safeguards(score, s):
    _fields(
        score,
        s,
        [
            ("encryption_in_transit", "Encryption in transit"),
            ("encryption_at_rest", "Encryption at rest"),
            ("access_control", "Access control"),
            ("logging", "Logging and monitoring"),
            ("retention_policy", "Our own retention policy"),
            ("incident_response", "Incident response"),
        ],
    )


def _ticked(score, s, name, vocabulary, prefix):
    ticked = set(s.get(name) or [])
    for key, label in vocabulary:
        score.require(key in ticked, f"{prefix}: {label}", f"div_id_{name}")


def _commitments(score, s):
    # `store` forced to false is a ZDR term: a request for MAM does not accept it.
    requirements = [r for r in REQUIREMENTS if r[0] != "store_false" or s.get("requested_control") != "mam"]
    _ticked(score, s, "requirements_accepted", requirements, "Accept")
    untaken = [label for key, label in ABUSE_MEASURES if key not in (s.get("abuse_measures") or [])]
    if untaken:
        score.require(
            _has(s.get("abuse_measures_notes")),
            "Why some abuse-prevention measures are not taken, or what replaces them",
            "div_id_abuse_measures_notes",
        )
    if "hipaa" in (s.get("drivers") or []):
        _fields(score, s, [("baa_status", "Business Associate Agreement"), ("baa_route", "How the BAA is requested")])
        _ticked(score, s, "hipaa_terms", HIPAA_TERMS, "HIPAA")
    _fields(
        score,
        s,
        [
            ("data_residency", "Data residency requirement"),
            ("processing_region", "Where our systems process the data"),
            ("dpa_status", "Data Processing Addendum (DPA)"),
        ],
    )


def _rollout(score, s):
    _fields(
        score,
        s,
        [
            ("go_live", "Planned go-live date"),
            ("spend_band", "Expected OpenAI spend"),
            ("fallback_control", "The fallback if the request is declined"),
            ("fallback_reason", "Why that fallback"),
            ("verification_plan", "How we will verify after approval"),
            ("reverify_interval", "Re-verification interval"),
            ("signatory_name", "Authorized signatory: name"),
            ("signatory_title", "Authorized signatory: title"),
            ("signatory_email", "Authorized signatory: email"),
        ],
    )


def _review(steps):
    """The review step is the sum of the others: it is complete when every step is."""
    score = StepScore("review")
    for step in steps.values():
        score.done += step.done
        score.total += step.total
        score.missing.extend(step.missing)
    return score


RULES = {
    "organization": _organization,
    "use-case": _use_case,
    "data": _data,
    "flows": _flows,
    "usage": _usage,
    "safeguards": _safeguards,
    "commitments": _commitments,
    "rollout": _rollout,
}


def completeness(snapshot, open_blockers=(), unanswered_warnings=()):
    """Score every step of `snapshot` (see selectors.request_snapshot). `open_blockers` are the
    findings that still block the requested control, `unanswered_warnings` the applicable
    limitations the team has not said how it handles: a request is complete only without either."""
    steps = {}
    for slug, rule in RULES.items():
        steps[slug] = StepScore(slug)
        rule(steps[slug], snapshot)
    _findings(steps["usage"], open_blockers, unanswered_warnings)
    steps["review"] = _review(steps)
    return Completeness(steps)
