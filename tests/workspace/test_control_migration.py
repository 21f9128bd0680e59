"""workspace 0004_control_is_chosen: a request stored with the old default "recommend" had not
chosen a control, so it comes out blank (not chosen yet); a chosen control is kept."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("workspace", "0003_warning_answer")]
AFTER = [("workspace", "0004_control_is_chosen")]


@pytest.mark.django_db(transaction=True)
def test_recommend_rows_become_not_chosen(catalog_loaded, alice, alice_org):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    request = old.get_model("workspace", "ZdrRequest")
    common = {"organization_id": alice_org.pk, "owner_id": alice.pk, "catalog_version_id": catalog_loaded.pk}
    undecided = request.objects.create(title="Undecided", requested_control="recommend", **common)
    decided = request.objects.create(title="Decided", requested_control="mam", **common)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("workspace", "ZdrRequest")
    assert new.objects.get(pk=undecided.pk).requested_control == ""
    assert new.objects.get(pk=decided.pk).requested_control == "mam"

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())  # leave the database as the other tests expect it
