"""What changed between two packet snapshots, field by field. Pure: two dicts in, a list out.

Items (contacts, usages, flows) are matched by their id, so a moved or edited item reads as that
item's fields changing, not as one removed and another added. Findings are matched by key.
"""

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist

from apps.workspace.items import ITEM_KINDS, KIND_BY_SLUG
from apps.workspace.models import ZdrRequest

NOT_FIELDS = ("id", *KIND_BY_SLUG, "acknowledgements", "observed_use")  # observed use: its findings say it
FIELD_LABELS = {"usage_id": "OpenAI endpoint (usage)", "endpoint_path": "Endpoint"}


@dataclass(frozen=True)
class Change:
    section: str
    label: str
    old: str
    new: str

    @property
    def kind(self):
        return "added" if self.old == "" else "removed" if self.new == "" else "changed"


def diff_snapshots(old, new):
    changes = []
    changes += _fields("Request", old["request"], new["request"], ZdrRequest, prefix="")
    for kind in ITEM_KINDS:
        old_items, new_items = old["request"].get(kind.slug) or [], new["request"].get(kind.slug) or []
        changes += _items(kind.noun, old_items, new_items, kind.model)
    changes += _keyed("Acknowledgement", old["request"].get("acknowledgements") or {},
                      new["request"].get("acknowledgements") or {}, lambda a: a["justification"])
    changes += _keyed("Answer to a warning", old["request"].get("warning_answers") or {},
                      new["request"].get("warning_answers") or {}, lambda a: a["text"])
    old_findings = {f["key"]: f for f in old["findings"]}
    new_findings = {f["key"]: f for f in new["findings"]}
    changes += _keyed("Finding", old_findings, new_findings, _finding_text)
    for label, path in (("Control", ("control_name",)), ("Recommendation", ("recommendation", "control")),
                        ("Completeness (%)", ("completeness", "percent")), ("Catalog as of", ("catalog", "as_of")),
                        ("Organization", ("organization",))):
        a, b = _text(_dig(old, path)), _text(_dig(new, path))
        if a != b:
            changes.append(Change("Assessment", label, a, b))
    return changes


def _fields(section, old, new, model, prefix):
    changes = []
    for name in dict.fromkeys([*old, *new]):
        if name in NOT_FIELDS:
            continue
        a, b = _text(old.get(name)), _text(new.get(name))
        if a != b:
            changes.append(Change(section, f"{prefix}{_label(model, name)}", a, b))
    return changes


def _items(noun, old, new, model):
    old_by_id, new_by_id = {i["id"]: i for i in old}, {i["id"]: i for i in new}
    changes = []
    for item_id in dict.fromkeys([*old_by_id, *new_by_id]):
        a, b = old_by_id.get(item_id), new_by_id.get(item_id)
        name = f"{noun} “{_name(b or a)}”"
        if a is None:
            changes.append(Change(f"{noun}s", f"{name} added", "", _summary(b)))
        elif b is None:
            changes.append(Change(f"{noun}s", f"{name} removed", _summary(a), ""))
        else:
            changes += _fields(f"{noun}s", a, b, model, prefix=f"{name}: ")
    return changes


def _keyed(section, old, new, text):
    changes = []
    for key in dict.fromkeys([*old, *new]):
        a = text(old[key]) if key in old else ""
        b = text(new[key]) if key in new else ""
        if a != b:
            title = (new.get(key) or old.get(key)).get("title", key) if section == "Finding" else key
            changes.append(Change(f"{section}s", f"{section}: {title}", a, b))
    return changes


def _finding_text(finding):
    if finding["severity"] == "blocker":
        return "blocker, open" if finding["is_open"] else "blocker, acknowledged"
    return finding["severity"]


def _label(model, name):
    if name in FIELD_LABELS:
        return FIELD_LABELS[name]
    try:
        return str(model._meta.get_field(name).verbose_name).capitalize()
    except FieldDoesNotExist:
        return name.replace("_", " ").capitalize()


def _name(item):
    for field in ("name", "endpoint_path", "source_system", "email"):
        if item.get(field):
            return item[field]
    return f"#{item['id']}"


def _summary(item):
    return "; ".join(f"{k}: {_text(v)}" for k, v in item.items() if k != "id" and _text(v))


def _dig(data, path):
    for key in path:
        data = (data or {}).get(key)
    return data


def _text(value):
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    return str(value)
