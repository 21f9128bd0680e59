import pytest
from django.core.management import call_command

from apps.workspace import services
from apps.workspace.demo import clinic_request_seed
from tests.catalog.conftest import SHIPPED, newer_document, shipped_document, write_catalog  # noqa: F401


@pytest.fixture
def catalog(db):
    call_command("load_catalog", str(SHIPPED), stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def blank_request(catalog, alice, alice_org):
    return services.request_create(
        organization=alice_org, owner=alice, title="Notes assistant", requested_control="zdr"
    )


@pytest.fixture
def clinic(catalog, alice, alice_org):
    """The demo's complete clinic request."""
    return clinic_request_seed(organization=alice_org, owner=alice)


def step_url(zdr_request, step):
    return f"/requests/{zdr_request.pk}/steps/{step}/"
