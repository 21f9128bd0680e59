import re

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from .. import taxonomy
from ..models import Contact, DataFlow, EndpointUsage, ZdrRequest

register = template.Library()


@register.filter
def dictget(mapping, key):
    return mapping.get(key)


@register.filter
def fieldlabel(name):
    """The human label of a request or item field, for messages about it."""
    for model in (ZdrRequest, Contact, EndpointUsage, DataFlow):
        try:
            return model._meta.get_field(name).verbose_name.capitalize()
        except FieldDoesNotExist:
            continue
    return "Endpoint" if name == "endpoint_path" else name.replace("_", " ").capitalize()


VOCABULARIES = {
    "drivers": taxonomy.DRIVERS,
    "data_categories": taxonomy.DATA_CATEGORIES,
    "data_subjects": taxonomy.DATA_SUBJECTS,
    "minimization": taxonomy.MINIMIZATION,
    "certifications": taxonomy.CERTIFICATIONS,
    "sensitivity": taxonomy.SENSITIVITY,
    "usage_tier": taxonomy.USAGE_TIERS,
    "baa_status": taxonomy.BAA_STATUS,
    "role": taxonomy.CONTACT_ROLES,
}


@register.filter
def labels(keys, vocabulary):
    """Stored keys (one or a list) shown as the wizard's labels, joined by commas."""
    names = dict(VOCABULARIES[vocabulary])
    keys = keys if isinstance(keys, list) else [keys] if keys else []
    return ", ".join(names.get(key, key) for key in keys)


@register.filter
def codespans(text):
    """The catalog writes parameters in `backticks`: show them as code. Escapes first, so no
    markup from the text itself can get through."""
    escaped = conditional_escape(text)
    return mark_safe(re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped))  # noqa: S308 - escaped above
