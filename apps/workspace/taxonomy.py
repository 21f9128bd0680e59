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
