"""Plain-text templates (email subjects and bodies, copyable drafts) are not HTML: Django's
autoescaping would turn "O'Brien & Sons" into "O&#x27;Brien &amp; Sons" in them."""

from pathlib import Path

from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Django's password-reset body is plain text under an .html name.
PLAIN_TEXT = sorted(TEMPLATES.rglob("*.txt")) + [TEMPLATES / "registration" / "password_reset_email.html"]


def test_every_plain_text_template_turns_autoescape_off():
    assert len(PLAIN_TEXT) > 10
    on = [str(p.relative_to(TEMPLATES)) for p in PLAIN_TEXT
          if not p.read_text().lstrip().startswith(("{% autoescape off %}", "{% load"))
          or "{% autoescape off %}" not in p.read_text()]
    assert on == []
