"""The repeating items of a request, as data: one entry per kind. Services, selectors, views and the
packet diff read it, as they read the wizard in steps.py."""

from dataclasses import dataclass

from django.utils.module_loading import import_string

from .models import Contact, DataFlow, EndpointUsage
from .steps import STEPS, Step


@dataclass(frozen=True)
class ItemKind:
    slug: str  # also the request's related name and the snapshot's key
    noun: str
    model: type
    fields: tuple[str, ...]  # what the snapshot holds and the fingerprint covers
    form: str  # by dotted path, since forms.py reads `fields` from here

    @property
    def form_class(self):
        return import_string(self.form)

    @property
    def step(self):
        return next(step for step in STEPS if step.items == self.slug)


ITEM_KINDS = (
    ItemKind(
        "contacts", "Contact", Contact,
        fields=("role", "name", "email", "job_title"),
        form="apps.workspace.forms.ContactForm",
    ),
    ItemKind(
        "usages", "Usage", EndpointUsage,
        fields=("endpoint_path", "models_used", "store", "features", "monthly_volume", "purpose"),
        form="apps.workspace.forms.UsageForm",
    ),
    ItemKind(
        "flows", "Data flow", DataFlow,
        fields=("source_system", "data_categories", "usage_id", "returns", "output_store", "retention"),
        form="apps.workspace.forms.FlowForm",
    ),
)
KIND_BY_SLUG = {kind.slug: kind for kind in ITEM_KINDS}
KIND_BY_MODEL = {kind.model: kind for kind in ITEM_KINDS}


def draft_key(form_of):
    """Which form a draft (models.Draft) belongs to: a wizard step, or an item card."""
    if isinstance(form_of, Step):
        return f"step:{form_of.slug}"
    return f"{KIND_BY_MODEL[type(form_of)].slug}:{form_of.pk}"
