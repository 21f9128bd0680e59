"""What belongs to an organization. Every model with a foreign-key path to Organization is listed
here once, with that path, in an order where each model comes after the models it points to:
the export walks this list and the import creates rows in this order. tests/orgdata/test_scope.py
fails when a model of the project reaches Organization but is neither listed nor left out below."""

from django.apps import apps
from django.db import models

# label -> the lookup from the model to its organization's primary key.
ORGANIZATION_PATHS = {
    "accounts.organization": "pk",
    "accounts.membership": "organization",
    "accounts.invitation": "organization",
    "packets.packetsettings": "organization",
    "tracking.followuppolicy": "organization",
    "workspace.zdrrequest": "organization",
    "workspace.contact": "request__organization",
    "workspace.endpointusage": "request__organization",
    "workspace.dataflow": "request__organization",
    "workspace.findingacknowledgement": "request__organization",
    "workspace.warninganswer": "request__organization",
    "workspace.observeduse": "request__organization",
    "codescan.codescan": "request__organization",
    "codescan.codeevidence": "usage__request__organization",
    "packets.packetversion": "request__organization",
    "packets.signoff": "version__request__organization",
    "tracking.tracking": "request__organization",
    "tracking.transition": "request__organization",
    "tracking.attachment": "request__organization",
    "tracking.contactentry": "request__organization",
    "tracking.followup": "request__organization",
    "tracking.approval": "request__organization",
    "tracking.checklisttick": "approval__request__organization",
    "tracking.verification": "request__organization",
    "tracking.driftalert": "request__organization",
    "tracking.usagecheck": "request__organization",
}

# Models that reach Organization but are deliberately not exported, with the reason.
NOT_EXPORTED = {
    "catalog.catalogdraft": "a paste of the shared catalog, not the organization's data; a published one exports "
                            "as the catalog version its requests use",
    "workspace.draft": "an editor's unsaved, invalid input, keyed by the ids of the rows it would change, which "
                       "an import renumbers; it is only ever shown back to that editor",
}

# Rows the organization's rows point to without owning them: exported alongside, matched on
# import by a natural identity (email; provider and date) and created only when missing.
USER = "accounts.user"
CATALOG_VERSION = "catalog.catalogversion"
REFERENCES = (USER, CATALOG_VERSION)


def scoped_models():
    return [apps.get_model(label) for label in ORGANIZATION_PATHS]


def rows_of(model, organization):
    lookup = ORGANIZATION_PATHS[model._meta.label_lower]
    return model._base_manager.filter(**{lookup: organization.pk}).order_by("pk")


def relations(model):
    """The model's foreign keys and one-to-ones (its own columns, not reverse relations)."""
    return [field for field in model._meta.concrete_fields if field.is_relation]


def file_fields(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, models.FileField)]


def is_history_table(model):
    """django-simple-history's copy of an audited model. The audit trail records what happened in
    the portal; it is not the organization's data and its rows name objects by their old keys."""
    return getattr(model, "instance_type", None) is not None and model.__name__.startswith("Historical")


def reaches_organization(model):
    """True when a chain of foreign keys leads from `model` to Organization."""
    organization = apps.get_model("accounts.organization")
    seen, todo = set(), [model]
    while todo:
        current = todo.pop()
        if current is organization:
            return True
        if current in seen:
            continue
        seen.add(current)
        todo.extend(field.related_model for field in relations(current))
    return False
