from io import StringIO

from django.core.management import call_command

from apps.accounts.models import Membership, Organization, User
from apps.packets.models import PacketState
from apps.tracking.demo import DEMOS as TRACKING_DEMOS
from apps.workspace.demo import CLINIC_TITLE, CODING_TITLE
from apps.workspace.models import ZdrRequest
from apps.workspace.selectors import Assessment, request_get
from tests.accounts.signin import signs_in
from tests.catalog.shipped import CURRENT, SHIPPED


def run_setup(monkeypatch, password="demo-password-1"):
    monkeypatch.setenv("DEMO_PASSWORD", password)
    out = StringIO()
    call_command("load_catalog", str(SHIPPED), str(CURRENT), stdout=out)  # as `make run` loads openai-*.json
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_the_setup_of_make_run_is_idempotent(db, monkeypatch):
    run_setup(monkeypatch)
    output = run_setup(monkeypatch)

    assert "Demo sign-in: demo@example.com / demo-password-1" in output
    assert (User.objects.count(), Organization.objects.count(), Membership.objects.count()) == (1, 1, 1)
    assert ZdrRequest.objects.count() == 2 + len(TRACKING_DEMOS)


def test_the_demo_clinic_request_is_complete(db, monkeypatch):
    run_setup(monkeypatch)
    clinic = ZdrRequest.objects.get(title=CLINIC_TITLE)
    assessment = Assessment(request_get(organization=clinic.organization, request_id=clinic.pk))

    assert assessment.completeness.percent == 100
    assert not assessment.evaluation.has_open_blockers


def test_the_demo_password_can_be_changed_by_the_environment(db, monkeypatch, client):
    run_setup(monkeypatch)
    run_setup(monkeypatch, password="another-demo-password")

    assert signs_in(client, "demo@example.com", "another-demo-password")


def test_the_demo_shows_a_request_that_keeps_a_blocker_with_a_final_rendered_packet(db, monkeypatch):
    run_setup(monkeypatch)
    coding = ZdrRequest.objects.get(title=CODING_TITLE)
    assessment = Assessment(request_get(organization=coding.organization, request_id=coding.pk))

    assert assessment.completeness.percent == 100
    # Batch is not ZDR-eligible, and (HIPAA among the drivers) not covered by a BAA: both kept on purpose.
    assert [(f.endpoint_path, f.title) for f in assessment.evaluation.blockers] == [
        ("/v1/batches", "/v1/batches is not eligible for ZDR"),
        ("/v1/batches", "HIPAA: /v1/batches is not covered by a BAA"),
    ]
    assert not assessment.evaluation.has_open_blockers  # acknowledged with a justification
    version = coding.packet_versions.get()
    assert version.state == PacketState.READY and not version.is_draft and version.page_count >= 7
