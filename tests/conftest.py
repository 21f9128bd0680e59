"""Shared cast, after Healthchecks' tests: alice owns an organization, bob works in it, and
charlie owns another organization and must never see alice's."""

import pytest
from django.urls import reverse

from apps.accounts.models import Role

from .factories import PASSWORD, MembershipFactory, OrganizationFactory

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
