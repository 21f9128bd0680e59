"""How catalog values look on a page: badges for eligibility and effects, `code` spans, diff values."""

import re
from datetime import date

from django import template
from django.utils.dateformat import format as date_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from apps.catalog.limitations import texts
from apps.catalog.models import Effect
from apps.catalog.taxonomy import AVAILABILITY_SHORT, COLUMN_LABELS, EFFECT_SHORT, ELIGIBILITY_SHORT

register = template.Library()

# Badge words per column; the colour says the same as the words, never more.
ELIGIBILITY_BADGES = {"zdr": ELIGIBILITY_SHORT, "mam": AVAILABILITY_SHORT, "eyes_off": ELIGIBILITY_SHORT}
ELIGIBILITY_STYLES = {"yes": "text-bg-success", "limited": "text-bg-warning", "no": "text-bg-danger"}
EFFECT_STYLES = {
    Effect.ALLOWED: "text-bg-success",
    Effect.LIMITED: "text-bg-warning",
    Effect.IGNORED: "text-bg-secondary",
    Effect.BLOCKED: "text-bg-danger",
}
BACKTICKED = re.compile(r"`([^`]+)`")


@register.simple_tag
def eligibility_badge(value, column="zdr"):
    label = ELIGIBILITY_BADGES[column].get(value, value)
    return format_html('<span class="badge {}">{}</span>', ELIGIBILITY_STYLES.get(value, "text-bg-light"), label)


@register.simple_tag
def effect_badge(value):
    style, label = EFFECT_STYLES.get(value, "text-bg-light"), EFFECT_SHORT.get(value, value)
    return format_html('<span class="badge {}" title="{}">{}</span>', style, Effect(value).label, label)


@register.filter
def feature_names(keys, catalog):
    """Feature keys as the catalog names them; a key the catalog does not know is shown as it is."""
    names = {feature["key"]: feature["name"] for feature in catalog["features"]}
    return ", ".join(names.get(key, key) for key in keys)


@register.filter
def inline_code(text):
    """The data files quote parameters in backticks, as the docs do: show them as code."""
    return mark_safe(BACKTICKED.sub(r"<code>\1</code>", escape(text)))  # noqa: S308 - escaped first


@register.filter
def field_label(name):
    return COLUMN_LABELS.get(name, name.replace("_", " ").capitalize())


@register.simple_tag
def catalog_value(field, value):
    """One side of a changed field in a diff, readable: labels, not codes."""
    if value in (None, "", []):
        return mark_safe('<span class="text-secondary">(empty)</span>')
    if field in ELIGIBILITY_BADGES:
        return eligibility_badge(value, field)
    if field in ("under_zdr", "under_mam"):
        return effect_badge(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if field == "history":
        return format_html('<ul class="mb-0">{}</ul>', format_html_join(
            "", "<li>{} to {}: {}</li>", ((h.get("from", "?"), h.get("to", "?"), h.get("text", "")) for h in value)
        ))
    if field == "provenance":
        reported = " · reported by developers" if value.get("confidence") == "reported" else ""
        return format_html("{}, as of {}{}", value["source"]["title"], value["as_of"], reported)
    if field == "limitations":
        value = texts(value)
    if isinstance(value, list):
        items = format_html_join("", "<li>{}</li>", ((inline_code(v),) for v in value))
        return format_html('<ul class="mb-0">{}</ul>', items)
    return inline_code(str(value))


@register.filter
def iso_date(value):
    """'2025-12-01' as '1 Dec 2025'; anything else unchanged."""
    try:
        return date_format(date.fromisoformat(value), "j M Y")
    except (TypeError, ValueError):
        return value
