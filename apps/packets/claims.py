"""The packet's claims: each sentence that states a fact about the request, derived from the frozen
snapshot alone (see content.py).

OpenAI's reviewer reads these sentences as the team's word, so each is a pure function of the data,
table-tested, and made only when the data supports it. The cover, the letter, the summary, the
findings section and the wizard's review banner all read the same functions, so they cannot drift
apart: an acknowledged blocker is "not eligible, used anyway, for the reasons in section 7"
everywhere, never "no blocker".
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils.text import get_text_list

FINDINGS_SECTION = 7


@dataclass(frozen=True)
class Status:
    final: bool
    headline: str
    detail: str


def blockers(snapshot):
    """The blockers under the packet's control, open and acknowledged."""
    found = [f for f in snapshot["findings"] if f["severity"] == "blocker"]
    return [f for f in found if f["is_open"]], [f for f in found if not f["is_open"]]


def subject(finding, catalog):
    """What a blocker is about, as a reader names it: the endpoint, or the feature on the endpoint;
    for use the Admin API saw but the request does not declare, that use and its project."""
    evidence = finding.get("evidence")
    if evidence:
        where = f"`{evidence['project_id']}`" if evidence["project_id"] else "the organization"
        return f"undeclared use of {evidence['what']} in {where}"
    path = f"`{finding['endpoint_path']}`"
    if finding["feature_key"] is None:
        return path
    names = {f["key"]: f["name"] for f in catalog["features"]}
    return f"{names.get(finding['feature_key'], finding['feature_key'])} on {path}"


def subjects(findings, catalog):
    """The blockers' subjects, each named once (two usages of one endpoint are one subject)."""
    return list(dict.fromkeys(subject(f, catalog) for f in findings))


def _listed(names):
    """"a", "a and b", "a, b and c", with the verb that agrees: ("a and b", "are")."""
    return get_text_list(names, "and"), "is" if len(names) == 1 else "are"


def _plural(count, word):
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def status(snapshot):
    """The packet's standing, for the cover and the review step: final or draft, and why."""
    control = snapshot["control_label"]
    open_, acknowledged = (subjects(found, snapshot["catalog"]) for found in blockers(snapshot))
    percent = snapshot["completeness"]["percent"]
    if snapshot["meta"]["is_draft"]:
        reasons = []
        if percent < 100:
            reasons.append(f"the request is {percent}% complete")
        if open_:
            names, verb = _listed(open_)
            reasons.append(f"{_plural(len(open_), 'blocker')} under {control} {verb} still open ({names})")
        detail = get_text_list(reasons, "and")
        return Status(False, "Draft, not for submission.", detail[:1].upper() + detail[1:] + ".")
    if acknowledged:
        names, verb = _listed(acknowledged)
        return Status(True, "Complete.", (
            f"Every section is documented. {names} {verb} not eligible for {control} and used anyway, with the "
            f"team's justification in section {FINDINGS_SECTION}."
        ))
    return Status(True, "Complete.", f"Every section is documented, and nothing in use is blocked under {control}.")


def eligibility(snapshot, endpoints, *, where=f"section {FINDINGS_SECTION}"):
    """What the check found, endpoint by endpoint and blocker by blocker: the letter's paragraph.
    `where` names the place the blockers are explained ("below" in the findings section itself)."""
    control = snapshot["control_label"]
    observed = undeclared(snapshot)
    keys = [e["eligibility_key"] for e in endpoints] + [f["evidence"]["eligibility"] for f in observed]
    counts = [f"{keys.count('yes')} eligible", f"{keys.count('limited')} eligible with limitations",
              f"{keys.count('no')} not eligible"]
    if keys.count("depends"):
        counts.append(f"{keys.count('depends')} depending on which endpoint it is")
    sentences = [f"Under {control}: {', '.join(counts)}."]
    if observed:
        read = max(f["evidence"]["read_at"] for f in observed)
        one = len(observed) == 1
        sentences.append(f"Of these, {len(observed)} {'is' if one else 'are'} in use in our projects but not declared "
                         f"in this request: the Admin API's usage, read on {read}, shows {'it' if one else 'them'} "
                         f"({where}).")
    open_, acknowledged = (subjects(found, snapshot["catalog"]) for found in blockers(snapshot))
    if open_:
        names, verb = _listed(open_)
        sentences.append(f"{_capital(names)} {verb} not eligible and not yet resolved ({where}).")
    if acknowledged:
        names, verb = _listed(acknowledged)
        sentences.append(f"{_capital(names)} {verb} not eligible; we use {'it' if len(acknowledged) == 1 else 'them'} "
                         f"anyway, for the reasons {'given ' if where == 'below' else 'in '}{where}.")
    if not open_ and not acknowledged:
        sentences.append(f"No endpoint or feature in use is blocked under {control}.")
    return " ".join(sentences)


def undeclared(snapshot):
    """Endpoints seen in use outside the request (the Admin API's usage) that it does not declare, as
    findings; a feature it lacks on an endpoint it declares is a finding too, but not another endpoint."""
    return [f for f in snapshot["findings"] if f.get("evidence") and not f["evidence"]["endpoint_declared"]]


def _capital(text):
    return text[:1].upper() + text[1:]


def why_control(snapshot):
    """Why the packet asks for its control, said with the data, never with the engine's reason strings."""
    label = snapshot["control_label"]
    open_, acknowledged = (subjects(found, snapshot["catalog"]) for found in blockers(snapshot))
    if open_:
        return f"We ask for {label}; {_listed(open_)[0]} must be resolved first (section {FINDINGS_SECTION})."
    if acknowledged:
        return (f"{label} covers everything we use except {_listed(acknowledged)[0]}, which we use anyway "
                f"for the reasons in section {FINDINGS_SECTION}.")
    blocked_zdr = snapshot.get("blocked_under", {}).get("zdr", [])
    if snapshot["control"] == "mam" and blocked_zdr:
        names, verb = _listed(blocked_zdr)
        return (f"{names} {verb} not eligible for ZDR. MAM keeps our content out of OpenAI's abuse-monitoring logs "
                "and covers every endpoint and feature we use.")
    return f"Every endpoint and feature we use is eligible for {label}."


def sentence(text):
    """`text` as a sentence: one final full stop, never two ("Inc." stays "Inc.")."""
    text = (text or "").strip()
    return text if not text or text[-1] in ".!?" else f"{text}."


def as_of(catalog):
    """The catalog's date as recorded, marked approximate when the catalog itself says so."""
    return f"{catalog['as_of']} (approximate)" if catalog.get("as_of_approximate") else catalog["as_of"]


def catalog_age(snapshot):
    """A notice when the catalog was older than the staleness threshold on the day the packet was made."""
    catalog, limit = snapshot["catalog"], snapshot["catalog"].get("stale_after_days")
    made = datetime.fromisoformat(snapshot["meta"]["generated_at"]).date()
    age = (made - date.fromisoformat(catalog["as_of"])).days
    if limit is None or age <= limit:
        return ""
    return (f"The eligibility catalog used here was {age} days old when this packet was made (the portal flags "
            f"catalogs older than {limit} days); OpenAI's data controls page may have changed since {as_of(catalog)}.")
