import tempfile

from django.http import FileResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from apps.accounts.access import membership_required

from .services import organization_export


@require_GET
@membership_required("is_owner")
def organization_download(request):
    """The owner's copy of everything: built into an anonymous temporary file (gone once closed)
    and streamed from there."""
    organization = request.membership.organization
    archive = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    try:
        organization_export(organization=organization, into=archive)
    except BaseException:
        archive.close()
        raise
    archive.seek(0)
    filename = f"{organization.slug}-export-{timezone.localdate():%Y-%m-%d}.zip"
    response = FileResponse(archive, as_attachment=True, filename=filename, content_type="application/zip")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
