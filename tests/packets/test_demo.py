"""`make run` seeds the clinic request with a rendered, approved packet version, once."""

from io import StringIO

from django.core.management import call_command

from apps.packets.content import packet_snapshot
from apps.packets.models import PacketState, PacketVersion, SignOff
from apps.packets.selectors import approval_state, versions_of
from apps.workspace.demo import CLINIC_TITLE
from apps.workspace.models import ZdrRequest
from apps.workspace.selectors import Assessment, request_get
from tests.catalog.shipped import SHIPPED


def test_the_demo_clinic_has_one_signed_off_packet_version(db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-password-1")
    call_command("load_catalog", str(SHIPPED), stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    clinic = ZdrRequest.objects.get(title=CLINIC_TITLE)
    version = PacketVersion.objects.get(request=clinic)
    assert version.state == PacketState.READY and not version.is_draft and version.pdf
    sign_off = SignOff.objects.get(version=version)
    assert sign_off.decision == "approved" and sign_off.sha256 == version.sha256

    current = packet_snapshot(Assessment(request_get(organization=clinic.organization, request_id=clinic.pk)))
    approval = approval_state(list(versions_of(clinic)), current)
    assert approval.version == version and not approval.content_changed
