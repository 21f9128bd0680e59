from django import template
from django.utils.html import format_html

from ..submissions import FIELD, new_token

register = template.Library()


@register.simple_tag
def submission_token():
    """The hidden one-time token of a form whose view acts once (submissions.acts_once)."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token())
