
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
            label = str(model._meta.get_field(name).verbose_name)
            return label[:1].upper() + label[1:]  # not capitalize(): "OpenAI project IDs" keeps its capitals
        except FieldDoesNotExist:
            continue
    return "Endpoint" if name == "endpoint_path" else name.replace("_", " ").capitalize()


@register.filter
def invalid_fields(form):
    """The form's fields that failed validation, in the order the form shows them."""
    return [field for field in form if field.errors] if form is not None and form.is_bound else []


register.filter("labels", taxonomy.labels)
