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
        fields=("title", "requested_control", "openai_org_id", "project_ids", "legal_entity", "country", "website",
                "usage_tier", "baa_status"),
        items="contacts",
    ),
    Step(
        "use-case", "Use case",
        "What the product does and why the data it sends to OpenAI must not be retained.",
        fields=("product_description", "users_description", "sensitivity_reason", "drivers", "drivers_other",
                "expected_volume", "retention_problem"),
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
    Step("review", "Review", "Everything on one page: findings, completeness and the data-flow diagram."),
)
STEP_BY_SLUG = {step.slug: step for step in STEPS}
