from django import template
from django.utils import timezone

from ..workflow import STATUSES

register = template.Library()


@register.filter
def status_info(key):
    """The workflow's description of a status key (label, tone, who it waits on, next action)."""
    return STATUSES.get(key or "draft", STATUSES["draft"])


@register.filter
def days_since(value):
    return max((timezone.now() - value).days, 0) if value else None


@register.inclusion_tag("tracking/partials/status_badge.html")
def status_badge(key):
    return {"status": status_info(key)}


WAITING_LABELS = {"openai": "OpenAI", "team": "our team", "": "nobody", None: "nobody"}


@register.filter
def waiting_label(value):
    return WAITING_LABELS.get(value, value)
