"""Organizations full of data for the export: alice's has a row in every exported model and real
files (a rendered packet PDF, a contact-log attachment, approval evidence); charlie's has its own."""

import io
import json
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.accounts.models import Role
from apps.orgdata.services import organization_export
from apps.packets import rendering
from apps.packets import services as packets
from apps.packets.demo import demo_packet_seed
from apps.tracking import services as tracking
from apps.tracking.demo import demo_seed as tracking_demo_seed
from apps.workspace import services as workspace
from apps.workspace.demo import clinic_request_seed
from apps.workspace.models import FindingAcknowledgement
from apps.workspace.selectors import request_get
from tests.factories import InvitationFactory, MembershipFactory
from tests.tracking.world import tracking_world
from tests.workspace.conftest import catalog  # noqa: F401

EVIDENCE = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
CHARLIE_SECRET = "Charlie's confidential routing engine"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def reviewer(alice_org):
    return MembershipFactory(organization=alice_org, user__email="rita@example.com", user__full_name="Rita Reviewer",
                             role=Role.REVIEWER).user


def _submit_and_approve(zdr_request, user, version):
    for move in ("send_to_review", "mark_ready"):
        tracking.transition_perform(zdr_request=zdr_request, move_key=move, user=user, role="owner")
    tracking.transition_perform(zdr_request=zdr_request, move_key="submit", user=user, role="owner",
                                channel="sales_form", packet_version=version)
    tracking.approval_record(zdr_request=zdr_request, user=user, role="owner", control="zdr",
                             effective_date=date(2026, 3, 2), scope="organization", project_ids=[],
                             message="Approved for ZDR.", upload=SimpleUploadedFile("approval.pdf", EVIDENCE))


@pytest.fixture
def rich_org(alice_org, alice, bob, reviewer, catalog, django_capture_on_commit_callbacks):  # noqa: F811
    """Alice's organization with the demo's requests in every tracking state, the clinic request
    with a rendered and signed-off packet, a contact-log attachment, an approval with evidence,
    an acknowledged blocker, an invitation, its packet settings and follow-up policy."""
    InvitationFactory(organization=alice_org, email="pending@example.com", invited_by=alice)
    with django_capture_on_commit_callbacks(execute=True):
        clinic = clinic_request_seed(organization=alice_org, owner=alice)
        packets.packet_settings_save(organization=alice_org, paper_size="letter")
        tracking.policy_save(organization=alice_org, first_after_business_days=3, repeat_every_days=5,
                             escalate_after=2, escalation_name="Dana Director", escalation_email="dana@example.com",
                             holidays=["2026-12-25"], reverify_every_days=60)
        version = demo_packet_seed(organization=alice_org, owner=alice)
        packets.sign_off_create(version=version, reviewer=reviewer, decision="changes_requested",
                                comment="Name the sub-processors.", sha256=version.sha256)
        FindingAcknowledgement.objects.create(request=clinic, key="feature:file_inputs",
                                              justification="We redact first.", acknowledged_by=bob)
        tracking_demo_seed(organization=alice_org, owner=alice)
        tracking_world(clinic, alice)
        _submit_and_approve(request_get(organization=alice_org, request_id=clinic.pk), alice, version)
    assert version.pdf and version.state == "ready"
    return alice_org


@pytest.fixture
def small_org(alice_org, alice, catalog):  # noqa: F811
    """Alice's organization with the clinic request and one attachment: enough for the refusals."""
    clinic = clinic_request_seed(organization=alice_org, owner=alice)
    tracking_world(clinic, alice)
    return alice_org


@pytest.fixture
def charlie_org(charlie, catalog):  # noqa: F811
    """Charlie's organization, with data of every kind that alice's export must never contain."""
    organization = charlie.memberships.get().organization
    clinic = clinic_request_seed(organization=organization, owner=charlie)
    workspace.request_create(organization=organization, owner=charlie, title=CHARLIE_SECRET, requested_control="mam")
    tracking_world(clinic, charlie)
    version = packets.packet_version_create(zdr_request=request_get(organization=organization, request_id=clinic.pk),
                                            user=charlie, enqueue=False)
    rendering.packet_version_render(version_id=version.pk)
    packets.packet_settings_save(organization=organization, paper_size="A4")
    tracking.policy_save(organization=organization, escalation_name="Charlie's boss")
    return organization


def export_bytes(organization):
    buffer = io.BytesIO()
    organization_export(organization=organization, into=buffer)
    return buffer.getvalue()


def data_of(archive_bytes):
    with zipfile.ZipFile(io.BytesIO(archive_bytes)) as archive:
        return json.loads(archive.read("data.json"))


def rewritten(archive_bytes, *, data=None, files=None, drop=()):
    """A copy of the export with data.json changed by `data(dict)`, files replaced by `files`
    ({storage name: bytes}) and members in `drop` left out."""
    source = zipfile.ZipFile(io.BytesIO(archive_bytes))
    buffer = io.BytesIO()
    with source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            content = source.read(info.filename)
            if info.filename == "data.json" and data is not None:
                document = json.loads(content)
                data(document)
                content = json.dumps(document).encode()
            name = info.filename.removeprefix("files/")
            if files and name in files:
                content = files[name]
            target.writestr(info.filename, content)
    return buffer.getvalue()

