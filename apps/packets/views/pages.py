"""The packet page of a request (preview, versions, approval state) and the organization's settings."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from apps.accounts.access import membership_required
from apps.foundation.submissions import acts_once
from apps.workspace.selectors import Assessment, request_get

from .. import selectors, services
from ..content import packet_snapshot
from ..forms import PacketSettingsForm
from ..presentation import packet_context


@membership_required()
def packet_page(request, request_id):
    zdr_request = request_get(organization=request.membership.organization, request_id=request_id)
    settings = selectors.packet_settings(zdr_request.organization)
    preview = packet_snapshot(Assessment(zdr_request), generated_by=request.user, paper_size=settings.paper_size,
                              record=selectors.sign_off_record(zdr_request))
    versions = list(selectors.versions_of(zdr_request))
    return render(request, "packets/packet.html", {
        **packet_context(preview),
        "zdr_request": zdr_request,
        "versions": [(v, selectors.review_state(v)) for v in versions],
        "approval": selectors.approval_state(versions, preview),
        "paper_size": settings.get_paper_size_display(),
        "control_chosen": bool(zdr_request.requested_control),
    })


@require_POST
@membership_required("can_edit")
@acts_once  # a double click makes one version
def packet_generate(request, request_id):
    zdr_request = request_get(organization=request.membership.organization, request_id=request_id)
    try:
        version = services.packet_version_create(zdr_request=zdr_request, user=request.user)
    except services.PacketRefused as refused:
        messages.error(request, str(refused))
        return redirect("packets:packet", request_id=zdr_request.pk)
    # No flash message: "queued" lives in the version's live status, which turns into Ready.
    return redirect("packets:version", request_id=zdr_request.pk, number=version.number)


@membership_required("is_owner")
def packet_settings(request):
    organization = request.membership.organization
    form = PacketSettingsForm(request.POST or None, instance=selectors.packet_settings(organization))
    if request.method == "POST" and form.is_valid():
        services.packet_settings_save(organization=organization, paper_size=form.cleaned_data["paper_size"])
        messages.success(request, "Saved. New packet versions use this paper size.")
        return redirect("packets:settings")
    return render(request, "packets/settings.html", {"form": form})
