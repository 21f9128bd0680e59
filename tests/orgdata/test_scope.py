"""The export's list of models is complete: every model of the project with a foreign-key path to
Organization is in it (or left out on purpose), in an order the import can create rows in."""

from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps

from apps.orgdata.scope import (
    NOT_EXPORTED,
    ORGANIZATION_PATHS,
    REFERENCES,
    is_history_table,
    reaches_organization,
    relations,
    scoped_models,
)
from apps.workspace.models import ZdrRequest


def unlisted(candidates):
    return sorted(
        model._meta.label_lower for model in candidates
        if reaches_organization(model) and not is_history_table(model)
        and model._meta.label_lower not in ORGANIZATION_PATHS and model._meta.label_lower not in NOT_EXPORTED
    )


def test_every_model_with_a_path_to_organization_is_exported():
    missing = unlisted(apps.get_models())
    assert not missing, (f"{missing} reach Organization but are not in apps/orgdata/scope.py: add them to "
                         "ORGANIZATION_PATHS (in dependency order), or to NOT_EXPORTED with the reason")


@isolate_apps("apps.orgdata")
def test_a_new_model_under_a_request_would_be_reported():
    class Reminder(models.Model):  # noqa: DJ008
        request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE)

        class Meta:
            app_label = "orgdata"

    assert unlisted([Reminder]) == ["orgdata.reminder"]


def test_listed_models_reach_organization_and_are_not_history():
    for model in scoped_models():
        assert reaches_organization(model), model
        assert not is_history_table(model), model


def test_each_model_comes_after_the_models_it_points_to():
    order = list(ORGANIZATION_PATHS)
    for model in scoped_models():
        label = model._meta.label_lower
        for field in relations(model):
            target = field.related_model._meta.label_lower
            assert target in ORGANIZATION_PATHS or target in REFERENCES, f"{label}.{field.name} -> {target}"
            if target in ORGANIZATION_PATHS:
                assert order.index(target) < order.index(label), f"{label} must come after {target}"
            assert field.target_field.primary_key, f"{label}.{field.name} must point at a primary key"


def test_no_listed_model_has_many_to_many_fields():
    # The import recreates foreign keys only; a many-to-many would need its own remapping.
    for model in scoped_models():
        assert not model._meta.many_to_many, model
