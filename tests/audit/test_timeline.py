"""From history rows to entries, without a database: created, changed and removed, and a run of
autosaves read as one change."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from apps.audit.registry import FOLLOWED_BY_MODEL
from apps.audit.selectors import fields_of
from apps.audit.timeline import MERGE_WINDOW, merged, object_entries
from apps.workspace.models import DataFlow

FLOW = FOLLOWED_BY_MODEL[DataFlow]
FIELDS = fields_of(FLOW, hidden=False)
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ALICE, BOB = SimpleNamespace(pk=1), SimpleNamespace(pk=2)


def row(n, kind, minutes, user=ALICE, **values):
    defaults = {"position": 1, "source_system": "", "data_categories": [], "usage_id": None, "returns": "",
                "output_store": "", "retention": ""}
    return SimpleNamespace(id=7, history_id=n, history_type=kind, history_date=START + timedelta(minutes=minutes),
                           history_user=user, **{**defaults, **values})


def summary(entries):
    return [(e.action, e.user.pk, {c.field.name: (c.before, c.after) for c in e.changes}, e.saves) for e in entries]


def test_a_creation_lists_the_filled_fields_and_a_change_its_before_and_after():
    rows = [row(1, "+", 0, source_system="EHR"), row(2, "~", 1, source_system="EHR", returns="Summary"),
            row(3, "~", 2, source_system="EHR", returns="Summary"),  # a save that changed nothing
            row(4, "-", 3, source_system="EHR", returns="Summary")]
    assert summary(object_entries(FLOW, rows, FIELDS)) == [
        ("created", 1, {"position": (None, 1), "source_system": (None, "EHR")}, 1),
        ("changed", 1, {"returns": ("", "Summary")}, 1),
        ("removed", 1, {}, 1),
    ]


def test_a_row_without_a_predecessor_is_first_recorded_not_created():
    [entry] = object_entries(FLOW, [row(1, "~", 0, source_system="EHR")], FIELDS)
    assert entry.action == "recorded" and [c.field.name for c in entry.changes] == ["position", "source_system"]


def test_one_persons_run_of_saves_reads_as_one_change():
    rows = [row(1, "+", 0), row(2, "~", 1, source_system="E"), row(3, "~", 2, source_system="EHR"),
            row(4, "~", 9, source_system="EHR", position=2),  # 7 minutes later: the same run
            row(5, "~", 10, user=BOB, source_system="EHR", position=2, retention="30 days"),  # someone else
            row(6, "~", 30, user=BOB, source_system="EHR (Epic)", position=2, retention="30 days")]  # a pause
    entries = merged(object_entries(FLOW, rows, FIELDS))
    assert summary(entries) == [
        ("created", 1, {"position": (None, 1)}, 1),
        ("changed", 1, {"position": (1, 2), "source_system": ("", "EHR")}, 3),
        ("changed", 2, {"retention": ("", "30 days")}, 1),
        ("changed", 2, {"source_system": ("EHR", "EHR (Epic)")}, 1),
    ]
    assert entries[1].since == START + timedelta(minutes=1) and entries[1].at == START + timedelta(minutes=9)
    assert MERGE_WINDOW < timedelta(minutes=20)


def test_a_value_changed_and_changed_back_within_a_run_is_still_told():
    rows = [row(1, "+", 0), row(2, "~", 1, returns="Draft"), row(3, "~", 2, returns="")]
    [_, entry] = merged(object_entries(FLOW, rows, FIELDS))
    assert [(c.field.name, c.before, c.after, c.reverted) for c in entry.changes] == [("returns", "", "", True)]
