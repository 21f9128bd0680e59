from django import template
from django.utils.html import format_html

from ..fragments import TOKEN_MARKER, rendering_fragment
from ..submissions import FIELD, new_token

register = template.Library()


@register.simple_tag
def submission_token():
    """The hidden one-time token of a form whose view acts once (submissions.acts_once). In a cached
    fragment, a marker that is given a new token each time the fragment is served."""
    token = TOKEN_MARKER if rendering_fragment() else new_token()
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, token)
