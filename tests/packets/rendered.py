"""Packet versions made and rendered in the test's own process, and the text of their PDF."""

import io

from pypdf import PdfReader

from apps.packets import rendering, services
from apps.workspace.selectors import request_get


def fresh(zdr_request):
    """The request as views load it: through the organization's selector, with its items."""
    return request_get(organization=zdr_request.organization, request_id=zdr_request.pk)


def rendered_version(zdr_request, user):
    """A version made and rendered in this process, as the worker would (on_commit never fires under `db`)."""
    version = services.packet_version_create(zdr_request=fresh(zdr_request), user=user)
    rendering.packet_version_render(version_id=version.pk)
    version.refresh_from_db()
    return version


def pdf_pages(version):
    with version.pdf.open("rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    return reader, [page.extract_text() for page in reader.pages]


def flat(text):
    """PDF text without line breaks and spacing, for phrases that may wrap."""
    return "".join(text.split())
