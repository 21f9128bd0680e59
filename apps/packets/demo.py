"""The demo's packets (`make run`): the zdr_request's request and the one that keeps a blocker on purpose
each get a rendered, signed-off version once."""

from django.db.models import F

from apps.workspace.demo import CLINIC_TITLE, CODING_TITLE
from apps.workspace.models import ZdrRequest
from apps.workspace.selectors import request_get

from . import rendering, services
from .models import Decision, PacketState, SignOff

DEMO_COMMENT = "Checked against our DPIA and the BAA draft: ready to send."


def demo_packets_seed(*, organization, owner):
    return [demo_packet_seed(organization=organization, owner=owner, title=title)
            for title in (CLINIC_TITLE, CODING_TITLE)]


def demo_packet_seed(*, organization, owner, title=CLINIC_TITLE):
    """Render the request's packet in this process (no worker is running yet) and approve it as the
    owner. Running again changes nothing once an approved version exists."""
    zdr_request = ZdrRequest.objects.filter(organization=organization, title=title).first()
    if zdr_request is None:
        return None
    approved = SignOff.objects.filter(version__request=zdr_request, decision=Decision.APPROVED,
                                      sha256=F("version__sha256"))
    if approved.exists():
        return approved.first().version
    version = zdr_request.packet_versions.filter(state=PacketState.READY).first()
    if version is None:
        version = services.packet_version_create(
            zdr_request=request_get(organization=organization, request_id=zdr_request.pk), user=owner, enqueue=False,
        )
        rendering.packet_version_render(version_id=version.pk)
        version.refresh_from_db()
    if version.state == PacketState.READY:
        services.sign_off_create(version=version, reviewer=owner, decision=Decision.APPROVED, comment=DEMO_COMMENT,
                                 sha256=version.sha256)
    return version
