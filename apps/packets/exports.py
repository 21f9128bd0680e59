"""Packet versions in JSON: the `packet_versions` section of a request's export, and one version."""

from django.conf import settings
from django.urls import reverse

from .models import PacketState
from .outreach import contact_form_text, email_draft
from .selectors import versions_of


def _absolute(url, http_request):
    return http_request.build_absolute_uri(url) if http_request is not None else f"{settings.SITE_URL}{url}"


def version_summary(version, http_request=None):
    pdf_url = None
    if version.state == PacketState.READY:
        pdf_url = _absolute(reverse("packets:pdf", args=[version.request_id, version.number]), http_request)
    return {
        "number": version.number,
        "state": version.shown_state,
        "failure_reason": version.shown_failure_reason,
        "is_draft": version.is_draft,
        "sha256": version.sha256 or None,
        "page_count": version.page_count,
        "created_at": version.created_at.isoformat(),
        "generated_by": version.generated_by.email if version.generated_by else None,
        "rendered_at": version.rendered_at.isoformat() if version.rendered_at else None,
        "render_seconds": version.render_seconds,
        "catalog_as_of": version.snapshot["catalog"]["as_of"],
        "pdf_url": pdf_url,
        "sign_offs": [
            {"decision": s.decision, "reviewer": s.reviewer.email, "comment": s.comment, "sha256": s.sha256,
             "valid": s.sha256 == version.sha256, "at": s.created_at.isoformat()}
            for s in version.sign_offs.all()
        ],
    }


def version_document(version, http_request=None):
    """One version, complete: its summary, the frozen snapshot and the texts made from it."""
    return {
        **version_summary(version, http_request),
        "contact_form_text": contact_form_text(version.snapshot, settings.PACKET_FORM_TEXT_LIMIT),
        "email_draft": email_draft(version.snapshot),
        "snapshot": version.snapshot,
    }


def packet_versions_section(zdr_request, http_request=None):
    return [version_summary(v, http_request) for v in versions_of(zdr_request)]
