"""The catalog's words: its columns with the labels pages give them, and the words for eligibility
and feature effects on pages, in the packet and in the diagram.

A code's full wording is its choices class's `.label` (models.py). Badges and captions have little
room, so they use the shorter words below, derived from the labels where they can be."""

from .models import Effect, Eligibility

# The data file's columns, in its order, each with its label. A row's key (path, key) comes first.
ENDPOINT_COLUMNS = {
    "path": "Path",
    "name": "Name",
    "family": "Family",
    "abuse_monitoring_retention": "Abuse-monitoring retention",
    "application_state_retention": "Application-state retention",
    "zdr": "ZDR eligibility",
    "zdr_note": "ZDR note",
    "eyes_off": "Private Retention with PSP / Safety Retention (formerly Eyes Off)",
    "mam": "MAM availability",
    "training_use": "Used for training",
    "limitations": "Limitations",
    "remediation": "Remediation",
    "store_default": "store when not set",
    "provenance": "Source",
}
FEATURE_COLUMNS = {
    "key": "Key",
    "name": "Name",
    "endpoints": "Endpoints",
    "under_zdr": "Under ZDR",
    "under_zdr_text": "Under ZDR (text)",
    "under_mam": "Under MAM",
    "under_mam_text": "Under MAM (text)",
    "remediation": "Remediation",
    "unconfirmed": "Unconfirmed",
    "history": "History",
    "model_patterns": "Models",
    "requires_store": "Needs store=true",
    "baa_covered": "Covered by a BAA",
    "provenance": "Source",
}
# Columns a version 1 file has no value for: the value a row gets when its file does not say.
OPTIONAL_COLUMNS = {"store_default": None, "provenance": {}, "model_patterns": [], "requires_store": False,
                    "baa_covered": True}
COLUMN_LABELS = {**ENDPOINT_COLUMNS, **FEATURE_COLUMNS}

# Next to a column or a control, "with limitations" says enough.
ELIGIBILITY_SHORT = {**{e.value: e.label for e in Eligibility}, Eligibility.LIMITED.value: "With limitations"}
# MAM is offered per endpoint rather than granted, so its column reads as availability.
AVAILABILITY_SHORT = {
    Eligibility.YES.value: "Available",
    Eligibility.LIMITED.value: ELIGIBILITY_SHORT[Eligibility.LIMITED],
    Eligibility.NO.value: "Not available",
}
# A badge names the effect; the effect's label, as its tooltip, says what that means.
EFFECT_SHORT = {e.value: e.value.capitalize() for e in Effect}
# The packet's feature table says "ignored" in fewer words than the label.
EFFECT_IN_PACKET = {**{e.value: e.label for e in Effect}, Effect.IGNORED.value: "Accepted, no effect"}
