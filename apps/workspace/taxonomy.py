"""Vocabularies of the wizard, kept as data. Data categories follow fideslang's dotted keys."""

DATA_CATEGORIES = [
    ("user.contact.email", "Email address"),
    ("user.contact.phone_number", "Phone number"),
    ("user.contact.address", "Postal address"),
    ("user.name", "Name"),
    ("user.government_id", "Government ID (SSN, passport)"),
    ("user.demographic", "Demographic data"),
    ("user.health_and_medical", "Health and medical records (PHI)"),
    ("user.health_and_medical.genetic", "Genetic data"),
    ("user.biometric", "Biometric data"),
    ("user.financial", "Financial data"),
    ("user.financial.bank_account", "Bank account details"),
    ("user.payment.card", "Payment card data"),
    ("user.location.precise", "Precise location"),
    ("user.behavior", "Behaviour and usage"),
    ("user.content.private", "Private messages and documents"),
    ("user.criminal_history", "Criminal history"),
    ("user.childrens", "Children's data"),
    ("user.legal.privileged", "Attorney-client privileged material"),
    ("user.education", "Education records"),
    ("system.authentication", "Credentials and secrets"),
    ("system.operations", "System operations data"),
    ("business.confidential", "Confidential business information"),
]
DATA_CATEGORY_LABELS = dict(DATA_CATEGORIES)

DATA_SUBJECTS = [
    ("patient", "Patients"),
    ("customer", "Customers"),
    ("consumer", "Consumers"),
    ("employee", "Employees"),
    ("student", "Students"),
    ("child", "Children"),
    ("legal_client", "Legal clients"),
    ("prospect", "Prospects"),
]

SENSITIVITY = [
    ("low", "Low: public or business contact data"),
    ("moderate", "Moderate: personal data"),
    ("high", "High: regulated data (PHI, financial, legal)"),
    ("special", "Special category (GDPR art. 9) or children's data"),
]

MINIMIZATION = [
    ("redaction", "Redaction of identifiers before sending"),
    ("pseudonymization", "Pseudonymization"),
    ("field_filtering", "Field filtering (only needed fields are sent)"),
    ("aggregation", "Aggregation"),
    ("truncation", "Truncation of free text"),
]

DRIVERS = [
    ("hipaa", "HIPAA / PHI"),
    ("gdpr_special", "GDPR special categories"),
    ("pci_dss", "PCI DSS"),
    ("glba", "GLBA"),
    ("ferpa", "FERPA"),
    ("cjis", "CJIS"),
    ("privilege", "Attorney-client privilege"),
    ("customer_contracts", "SOC 2 / customer contracts"),
    ("other", "Other"),
]

# Data whose storage at OpenAI is itself a compliance question: for it, the advice leans to ZDR and
# application state kept under MAM is a warning the team must answer (see advice.py).
REGULATED_DRIVERS = frozenset({"hipaa", "gdpr_special", "pci_dss", "glba", "ferpa", "cjis", "privilege"})
REGULATED_CATEGORIES = frozenset({
    "user.government_id", "user.health_and_medical", "user.health_and_medical.genetic", "user.biometric",
    "user.financial", "user.financial.bank_account", "user.payment.card", "user.criminal_history", "user.childrens",
    "user.legal.privileged", "user.education",
})

CERTIFICATIONS = [
    ("soc2", "SOC 2 Type II"),
    ("iso27001", "ISO 27001"),
    ("hitrust", "HITRUST"),
    ("hipaa_attested", "HIPAA attestation"),
]

USAGE_TIERS = [
    ("self_serve", "Self-serve (pay as you go)"),
    ("scale_tier", "Scale Tier / committed spend"),
    ("enterprise", "Enterprise agreement"),
]

BAA_STATUS = [("none", "No BAA needed"), ("wanted", "BAA wanted"), ("signed", "BAA signed")]

SCOPES = [("organization", "The whole organization"), ("projects", "Named projects only")]

# What OpenAI's data-controls page attaches to ZDR and MAM; each is accepted by ticking it.
REQUIREMENTS = [
    ("usage_policies", "Responsibility for our end users' compliance with OpenAI's usage policies"),
    ("moderation_reporting", "Responsibility for moderation and reporting, which OpenAI's abuse monitoring no "
                             "longer covers"),
    ("csam_exception", "The CSAM exception: suspected CSAM in image and file inputs is retained for manual review, "
                       "even under ZDR or MAM"),
    ("store_false", "Under ZDR, store is always treated as false on /v1/responses and /v1/chat/completions"),
    ("retention_models", "Models that require retention are excluded from ZDR and MAM"),
]

ABUSE_MEASURES = [
    ("moderation_endpoint", "OpenAI's Moderation endpoint on inputs and outputs"),
    ("safety_identifiers", "A safety identifier (hashed end-user ID) on every request"),
    ("end_user_auth", "End users are authenticated before they reach the model"),
    ("rate_limits", "Rate limits per end user"),
    ("human_review", "Human review of outputs before they are used"),
]

HIPAA_TERMS = [
    ("baa_scope", "Only ZDR-eligible endpoints are covered by a BAA"),
    ("no_live_web_search", "Live web search is not covered by a BAA, and we do not use it with PHI"),
]

BAA_ROUTES = [
    ("email", "Requested from baa@openai.com"),
    ("account_team", "Requested through our OpenAI account team"),
    ("not_yet", "Not requested yet: we will write to baa@openai.com"),
]

DATA_RESIDENCY = [
    ("none", "No residency requirement"),
    ("us", "United States"),
    ("europe", "Europe"),
    ("other", "Another region (named below)"),
]

DPA_STATUS = [
    ("signed", "OpenAI's DPA is signed"),
    ("in_progress", "Being signed"),
    ("not_yet", "Not signed yet"),
    ("not_needed", "Not needed"),
]

FALLBACKS = [
    ("mam", "Modified Abuse Monitoring (MAM)"),
    ("zdr_psp", "ZDR with Private Safety Processing"),
    ("none", "None: we would not go live"),
]

SPEND_BANDS = [
    ("under_1k", "Under $1,000 a month"),
    ("1k_10k", "$1,000 to $10,000 a month"),
    ("10k_50k", "$10,000 to $50,000 a month"),
    ("50k_plus", "$50,000 or more a month"),
]

# The checks the team commits to once approved (the tracking app's verification checklist runs them).
VERIFICATION_CHECKS = [
    ("dashboard", "The dashboard's Data controls → Data retention view shows the approved setting"),
    ("admin_api_organization", "Admin API: GET /v1/organization/data_retention returns the approved type"),
    ("admin_api_projects", "Admin API: GET /v1/organization/projects/{id}/data_retention for every project in scope"),
    ("probe_store", "Probe (ZDR only): a response sent with store=true cannot be retrieved (404)"),
]

REVERIFY_INTERVALS = [
    ("monthly", "Every month"),
    ("quarterly", "Every quarter"),
    ("yearly", "Every year"),
    ("on_change", "Only when our setup or OpenAI's terms change"),
]

CONTACT_ROLES = [
    ("primary", "Primary contact"),
    ("security", "Security contact"),
    ("privacy", "Privacy / DPO"),
    ("account_manager", "OpenAI account manager"),
    ("other", "Other"),
]

# The vocabulary of each field that stores its keys, on whichever model has the field. A field of
# MULTI_CHOICES stores a list of keys (ticked boxes), one of SINGLE_CHOICES a single key.
MULTI_CHOICES = {
    "drivers": DRIVERS,
    "data_categories": DATA_CATEGORIES,
    "data_subjects": DATA_SUBJECTS,
    "minimization": MINIMIZATION,
    "certifications": CERTIFICATIONS,
    "requirements_accepted": REQUIREMENTS,
    "abuse_measures": ABUSE_MEASURES,
    "hipaa_terms": HIPAA_TERMS,
    "verification_plan": VERIFICATION_CHECKS,
}
SINGLE_CHOICES = {
    "usage_tier": USAGE_TIERS,
    "baa_status": BAA_STATUS,
    "sensitivity": SENSITIVITY,
    "role": CONTACT_ROLES,
    "scope": SCOPES,
    "baa_route": BAA_ROUTES,
    "data_residency": DATA_RESIDENCY,
    "dpa_status": DPA_STATUS,
    "fallback_control": FALLBACKS,
    "spend_band": SPEND_BANDS,
    "reverify_interval": REVERIFY_INTERVALS,
}
FIELD_CHOICES = {**MULTI_CHOICES, **SINGLE_CHOICES}


def labels(keys, field):
    """Stored keys of `field` (one or a list) shown as their labels, joined by commas. A key the
    vocabulary no longer has is shown as it is."""
    names = dict(FIELD_CHOICES[field])
    keys = keys if isinstance(keys, list) else [keys] if keys else []
    return ", ".join(names.get(key, key) for key in keys)
