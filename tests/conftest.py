"""Shared cast, after Healthchecks' tests: alice owns an organization, bob works in it, and
charlie owns another organization and must never see alice's."""

import pytest
from django.urls import reverse

from apps.accounts.models import Role

from .factories import PASSWORD, InvitationFactory, MembershipFactory, OrganizationFactory

ALICE_ORG_NAME = "Alice Confidential Clinic"


@pytest.fixture
def alice_org(db):
    return OrganizationFactory(name=ALICE_ORG_NAME, slug="alice-clinic")


@pytest.fixture
def alice(alice_org):
    return MembershipFactory(organization=alice_org, user__email="alice@example.com", role=Role.OWNER).user


@pytest.fixture
def bob(alice_org):
    return MembershipFactory(organization=alice_org, user__email="bob@example.com", role=Role.EDITOR).user


@pytest.fixture
def reviewer(alice_org):
    return MembershipFactory(organization=alice_org, user__email="rita@example.com", role=Role.REVIEWER).user


@pytest.fixture
def viewer(alice_org):
    return MembershipFactory(organization=alice_org, user__email="victor@example.com", role=Role.VIEWER).user


@pytest.fixture
def charlie(db):
    org = OrganizationFactory(name="Charlie Corp", slug="charlie-corp")
    return MembershipFactory(organization=org, user__email="charlie@example.com", role=Role.OWNER).user


@pytest.fixture
def alice_world(alice, bob, alice_org):
    """Alice's organization with one of everything: a pending invitation, the complete clinic
    request, its tracking history and a packet version. Returns the organization."""
    from io import StringIO

    from django.core.management import call_command

    from apps.packets.services import packet_version_create
    from apps.workspace.demo import clinic_request_seed
    from apps.workspace.selectors import request_get
    from tests.catalog.conftest import SHIPPED
    from tests.tracking.world import tracking_world

    InvitationFactory(organization=alice_org, email="pending@example.com")
    call_command("load_catalog", str(SHIPPED), stdout=StringIO())
    clinic = clinic_request_seed(organization=alice_org, owner=alice)
    tracking_world(clinic, alice)
    packet_version_create(zdr_request=request_get(organization=alice_org, request_id=clinic.pk), user=alice)
    return alice_org


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def client_for(client):
    """A test client signed in as the given user."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def celery_worker_process(django_db_setup, django_db_blocker, tmp_path):
    """A real worker process consuming this run's queue on the configured broker. One per test,
    started on an empty queue, so no message left by an earlier test can stand in its way."""
    from zdrportal.celery import app

    from .worker import WorkerProcess

    def purge():
        with app.connection_for_write() as conn:
            conn.default_channel.queue_purge(app.conf.task_default_queue)

    purge()
    with django_db_blocker.unblock():
        worker = WorkerProcess(tmp_path / "worker.log").start()
    yield worker
    worker.stop()
    purge()


def signs_in(client, email, password):
    """Sign in through the real sign-in form (throttling included); True when it worked."""
    response = client.post(reverse("login"), {"username": email, "password": password})
    return response.status_code == 302 and "_auth_user_id" in client.session
