"""One packet version: its page, live render status, retry, and the files made from it."""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from apps.accounts.access import membership_required
from apps.workspace.selectors import request_get

from .. import selectors, services
from ..exports import version_document
from ..forms import SignOffForm
from ..models import PacketState
from ..outreach import attachment_name, contact_form_text, email_draft, email_message


def load(request, request_id, number):
    """The version, reached through a request of the member's organization (404 otherwise)."""
    zdr_request = request_get(organization=request.membership.organization, request_id=request_id)
    return zdr_request, selectors.version_get(zdr_request=zdr_request, number=number)


def live_context(request, zdr_request, version, form=None):
    return {
        "zdr_request": zdr_request,
        "version": version,
        "review": selectors.review_state(version),
        "form": form or SignOffForm(initial={"sha256": version.sha256}),
    }


@membership_required()
def version_page(request, request_id, number, form=None):
    zdr_request, version = load(request, request_id, number)
    return render(request, "packets/version.html", {
        **live_context(request, zdr_request, version, form),
        "form_text": contact_form_text(version.snapshot, settings.PACKET_FORM_TEXT_LIMIT),
        "form_text_limit": settings.PACKET_FORM_TEXT_LIMIT,
        "email": email_draft(version.snapshot),
        "other_numbers": list(zdr_request.packet_versions.exclude(pk=version.pk).values_list("number", flat=True)),
    })


@membership_required()
def version_status(request, request_id, number):
    """The live part of the version page; htmx polls it while the PDF is queued or rendering."""
    zdr_request, version = load(request, request_id, number)
    return render(request, "packets/partials/version_live.html", live_context(request, zdr_request, version))


@require_POST
@membership_required("can_edit")
def version_retry(request, request_id, number):
    zdr_request, version = load(request, request_id, number)
    if services.packet_version_retry(version=version):
        messages.success(request, f"Packet v{version.number} is queued again.")
    else:
        messages.info(request, f"Packet v{version.number} is not failed, so there is nothing to retry.")
    return redirect("packets:version", request_id=zdr_request.pk, number=version.number)


def _ready(version):
    if version.state != PacketState.READY or not version.pdf:
        raise Http404("This version has no PDF yet.")
    return version


@membership_required()
def version_pdf(request, request_id, number):
    _, version = load(request, request_id, number)
    response = FileResponse(_ready(version).pdf.open("rb"), as_attachment=True, content_type="application/pdf",
                            filename=attachment_name(version.snapshot))
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@membership_required()
def version_eml(request, request_id, number):
    _, version = load(request, request_id, number)
    with _ready(version).pdf.open("rb") as pdf:
        message = email_message(version.snapshot, pdf.read())
    response = HttpResponse(message, content_type="message/rfc822")
    filename = attachment_name(version.snapshot).removesuffix(".pdf") + ".eml"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@membership_required()
def version_json(request, request_id, number):
    _, version = load(request, request_id, number)
    response = JsonResponse(version_document(version, request), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'inline; filename="packet-v{version.number}.json"'
    return response
