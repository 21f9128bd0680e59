import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.packets.models import PacketState, PacketVersion
from apps.tracking import services
from tests.fakes import openai_admin
from tests.workspace import conftest as workspace_fixtures

fake_admin_api = openai_admin.fake_admin_api
catalog, clinic, blank_request = workspace_fixtures.catalog, workspace_fixtures.clinic, workspace_fixtures.blank_request

PDF_BYTES = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program cannot be run"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Plain `db` tests never commit; this runs the on-commit side effects of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)




def make_packet(zdr_request, number=1, state=PacketState.READY):
    return PacketVersion.objects.create(
        request=zdr_request, number=number, state=state, snapshot={}, catalog_version=zdr_request.catalog_version,
        sha256="ab" * 32 if state == PacketState.READY else "", is_draft=False,
    )


@pytest.fixture
def packet(clinic):
    return make_packet(clinic)


def move(zdr_request, key, user, role="owner", **fields):
    return services.transition_perform(zdr_request=zdr_request, move_key=key, user=user, role=role, **fields)


def bring_to(zdr_request, status, user, packet_version=None):
    """Walk the request through the table up to `status` (submitted and beyond need a packet)."""
    path = {
        "internal_review": ["send_to_review"],
        "ready_to_send": ["send_to_review", "mark_ready"],
        "submitted": ["send_to_review", "mark_ready", "submit"],
        "under_review": ["send_to_review", "mark_ready", "submit", "start_review"],
    }[status]
    for key in path:
        fields = {"packet_version": packet_version, "channel": "sales_form"} if key == "submit" else {}
        move(zdr_request, key, user, **fields)
    zdr_request.refresh_from_db()
    return zdr_request


@pytest.fixture
def submitted(clinic, alice, packet, run_on_commit):
    with run_on_commit():
        bring_to(clinic, "submitted", alice, packet)
    return clinic


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def approval_data(**overrides):
    data = {"control": "zdr", "effective_date": "2026-03-02", "scope": "organization", "project_ids": "",
            "message": "Your organization has been approved for Zero Data Retention."}
    data.update(overrides)
    return data


@pytest.fixture
def approved(submitted, alice, run_on_commit):
    with run_on_commit():
        services.approval_record(zdr_request=submitted, user=alice, role="owner", control="zdr",
                                 effective_date="2026-03-02", scope="organization", project_ids=[],
                                 message="Approved for ZDR.")
    return submitted
