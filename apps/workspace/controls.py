"""The data controls a request can ask for, and how each reads the catalog.

A catalog version 2 lists its controls (which endpoint column decides eligibility, which feature
effects apply, and what the provider still keeps). Older versions list none: they get the same
five, read from the columns they have, so a request asking for a newer control is still checked.
Pure data and functions, no database.
"""

from dataclasses import dataclass

# The controls compared for the recommendation: the two the provider has always offered.
BASE_CONTROLS = ("zdr", "mam")
CONTROL_LABELS = {
    "zdr": "ZDR",
    "mam": "MAM",
    "zdr_psp": "ZDR with PSP",
    "private_retention_psp": "Private Retention with PSP",
    "safety_retention": "Safety Retention",
}
CONTROLS = tuple(CONTROL_LABELS)


@dataclass(frozen=True)
class ControlSpec:
    key: str
    name: str
    column: str  # the endpoint column that decides eligibility
    features_as: str  # "zdr" or "mam": which feature effects apply
    keeps: str = ""
    formerly: str = ""
    provenance: dict | None = None


# What a version 1 catalog implies: PSP adds to ZDR; the renamed Eyes Off and Safety Retention
# share the table's "Eyes Off / Safety Retention" column and keep data as MAM does.
DEFAULT_SPECS = {
    "zdr": ControlSpec("zdr", "Zero Data Retention (ZDR)", "zdr", "zdr"),
    "mam": ControlSpec("mam", "Modified Abuse Monitoring (MAM)", "mam", "mam"),
    "zdr_psp": ControlSpec("zdr_psp", "ZDR with Private Safety Processing (PSP)", "zdr", "zdr"),
    "private_retention_psp": ControlSpec("private_retention_psp", "Private Retention with PSP", "eyes_off", "mam",
                                         formerly="Eyes Off"),
    "safety_retention": ControlSpec("safety_retention", "Safety Retention", "eyes_off", "mam"),
}


def control_specs(catalog):
    """Every control, keyed by its key: the catalog's own where it lists them, else the defaults."""
    specs = dict(DEFAULT_SPECS)
    for item in catalog.get("controls") or ():
        specs[item["key"]] = ControlSpec(
            key=item["key"], name=item["name"], column=item["column"], features_as=item["features_as"],
            keeps=item.get("keeps", ""), formerly=item.get("formerly", ""), provenance=item.get("provenance"),
        )
    return specs


def control_spec(catalog, control):
    specs = control_specs(catalog)
    if control not in specs:
        raise ValueError(f"Unknown control: {control!r}")
    return specs[control]


def control_label(control):
    return CONTROL_LABELS.get(control, control)
