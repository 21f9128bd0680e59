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
}
SINGLE_CHOICES = {
    "usage_tier": USAGE_TIERS,
    "baa_status": BAA_STATUS,
    "sensitivity": SENSITIVITY,
    "role": CONTACT_ROLES,
}
FIELD_CHOICES = {**MULTI_CHOICES, **SINGLE_CHOICES}


def labels(keys, field):
    """Stored keys of `field` (one or a list) shown as their labels, joined by commas. A key the
    vocabulary no longer has is shown as it is."""
    names = dict(FIELD_CHOICES[field])
    keys = keys if isinstance(keys, list) else [keys] if keys else []
    return ", ".join(names.get(key, key) for key in keys)
