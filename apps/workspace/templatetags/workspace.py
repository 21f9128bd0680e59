
from django import template
from django.core.exceptions import FieldDoesNotExist

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

