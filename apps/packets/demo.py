"""The demo's packet (`make run`): the clinic request gets a rendered, signed-off version once."""

from django.db.models import F

from apps.workspace.demo import CLINIC_TITLE
from apps.workspace.models import ZdrRequest
from apps.workspace.selectors import request_get

from . import rendering, services
from .models import Decision, PacketState, SignOff

DEMO_COMMENT = "Checked against our DPIA and the BAA draft: ready to send."


def demo_packet_seed(*, organization, owner):
    """Render the clinic's packet in this process (no worker is running yet) and approve it as the
    owner. Running again changes nothing once an approved version exists."""
    clinic = ZdrRequest.objects.filter(organization=organization, title=CLINIC_TITLE).first()
    if clinic is None:
        return None
    approved = SignOff.objects.filter(version__request=clinic, decision=Decision.APPROVED, sha256=F("version__sha256"))
    if approved.exists():
        return approved.first().version
    version = clinic.packet_versions.filter(state=PacketState.READY).first()
    if version is None:
        version = services.packet_version_create(
            zdr_request=request_get(organization=organization, request_id=clinic.pk), user=owner, enqueue=False,
        )
        rendering.packet_version_render(version_id=version.pk)
        version.refresh_from_db()
    if version.state == PacketState.READY:
        services.sign_off_create(version=version, reviewer=owner, decision=Decision.APPROVED, comment=DEMO_COMMENT,
                                 sha256=version.sha256)
    return version
