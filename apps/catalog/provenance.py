"""Where a catalog rule comes from: its own source, date and confidence.

Version 2 files give every endpoint row, feature and limitation its own provenance. Version 1
files (and packets frozen from them) predate that: their rules inherit the version's first source
and as-of date, marked `inherited` so a page can say so, and a feature the file marked unconfirmed
counts as reported. Pure, so the engine, the pages and the packet give one answer.
"""

from dataclasses import asdict, dataclass

CONFIRMED, REPORTED = "confirmed", "reported"
CONFIDENCE_LABELS = {CONFIRMED: "From the provider's documentation", REPORTED: "Reported by developers"}


@dataclass(frozen=True)
class Provenance:
    title: str
    url: str
    as_of: str
    confidence: str
    note: str = ""
    inherited: bool = False  # a version 1 rule: the version's source and date, not its own

    @property
    def is_reported(self):
        return self.confidence == REPORTED

    @property
    def confidence_label(self):
        return CONFIDENCE_LABELS[self.confidence]

    def as_dict(self):
        return asdict(self)


def version_provenance(catalog, *, unconfirmed=False):
    """What a rule without its own provenance cites: the version's first source, as of its date."""
    source = (catalog.get("sources") or [{}])[0]
    return Provenance(
        title=source.get("title", ""), url=source.get("url", ""), as_of=str(catalog.get("as_of") or ""),
        confidence=REPORTED if unconfirmed else CONFIRMED, inherited=True,
    )


def provenance_of(rule, catalog, *, parent=None):
    """The provenance of `rule` (an endpoint row, a feature, a limitation item, a change or a
    control, as dicts; a plain-string limitation too): its own, else `parent`'s (a limitation's
    row), else the version's."""
    own = rule.get("provenance") if isinstance(rule, dict) else None
    if own:
        source = own["source"]
        return Provenance(title=source["title"], url=source["url"], as_of=own["as_of"],
                          confidence=own["confidence"], note=own.get("note", ""))
    if parent is not None:
        return parent
    return version_provenance(catalog, unconfirmed=isinstance(rule, dict) and bool(rule.get("unconfirmed")))
