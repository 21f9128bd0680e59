"""The wizard, as data: one entry per step, in order. Views, completeness and navigation read it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    intro: str
    fields: tuple[str, ...] = ()
    items: str | None = None  # the kind of repeating item edited on this step


STEPS = (
    Step(
        "organization", "Organization and contacts",
        "Who is asking: the legal entity OpenAI contracts with, its OpenAI organization, and who to talk to.",
        fields=("title", "requested_control", "openai_org_id", "scope", "project_ids", "legal_entity", "country",
                "website", "usage_tier"),
        items="contacts",
    ),
    Step(
        "use-case", "Use case",
        "What the product does and why the data it sends to OpenAI must not be retained.",
        fields=("product_description", "users_description", "sensitivity_reason", "drivers", "drivers_other",
                "retention_problem", "monthly_requests", "monthly_tokens", "expected_volume"),
    ),
    Step(
        "data", "Data inventory",
        "Which kinds of data reach OpenAI, about whom, and how you reduce it first.",
        fields=("data_categories", "data_subjects", "sensitivity", "minimization", "minimization_notes"),
    ),
    Step(
        "flows", "Data flows",
        "Each path data takes: from which system, to which OpenAI endpoint, and where the output is kept.",
        items="flows",
    ),
    Step(
        "usage", "Endpoint usage",
        "The OpenAI endpoints you call, with models, features and volume. Findings update as you edit.",
        items="usages",
    ),
    Step(
        "safeguards", "Safeguards",
        "How you protect the data on your side.",
        fields=("encryption_in_transit", "encryption_at_rest", "access_control", "logging", "retention_policy",
                "incident_response", "certifications", "subprocessors"),
    ),
    Step(
        "commitments", "Commitments",
        "What OpenAI attaches to ZDR and MAM, what replaces its abuse monitoring on your side, and the agreements "
        "that cover the data.",
        fields=("requirements_accepted", "abuse_measures", "abuse_measures_notes", "baa_status", "baa_route",
                "hipaa_terms", "data_residency", "processing_region", "dpa_status"),
    ),
    Step(
        "rollout", "Rollout and verification",
        "When you go live, what you fall back to if the request is declined, how you will check the setting once "
        "approved, and who signs for the company.",
        fields=("go_live", "spend_band", "fallback_control", "fallback_reason", "verification_plan",
                "reverify_interval", "signatory_name", "signatory_title", "signatory_email"),
    ),
    Step("review", "Review", "Everything on one page: findings, completeness and the data-flow diagram."),
)
STEP_BY_SLUG = {step.slug: step for step in STEPS}
