"""Cached page fragments never show old data or another visit's tokens: every committed write moves
the data version (whatever wrote it: a form, a queryset update, another process), a minute moves
the key for what time alone changes, and what belongs to one visit is never served from the cache."""

import re
import threading

import pytest
from django.db import connections, transaction
from django.test import Client
from django.urls import reverse

from apps.foundation import fragments
from apps.foundation.changes import data_version
from apps.tracking.models import ContactEntry
from apps.workspace.models import ZdrRequest
from tests.tracking.test_contact_log import entry_data


def test_the_dashboard_shows_a_change_made_by_a_queryset_update_at_once(alice_client, clinic):
    assert clinic.title in alice_client.get(reverse("portal:dashboard")).content.decode()
    ZdrRequest.objects.filter(pk=clinic.pk).update(title="Renamed without a model save")

    page = alice_client.get(reverse("portal:dashboard")).content.decode()

    assert "Renamed without a model save" in page and clinic.title not in page


@pytest.mark.django_db(transaction=True)
def test_the_version_moves_once_a_write_commits_and_never_for_one_rolled_back(clinic):
    before = data_version()
    with transaction.atomic():
        ZdrRequest.objects.filter(pk=clinic.pk).update(title="Inside a transaction")
        ZdrRequest.objects.filter(pk=clinic.pk).update(title="Twice")
        assert data_version() == before  # a page rendering now still reads the old title
    assert data_version() == before + 1  # one move per transaction, after its commit

    with pytest.raises(RuntimeError), transaction.atomic():
        ZdrRequest.objects.filter(pk=clinic.pk).update(title="Rolled back")
        raise RuntimeError
    assert data_version() == before + 1

    ContactEntry.objects.bulk_create([ContactEntry(request=clinic, occurred_at=clinic.created_at, direction="in",
                                                   channel="email", summary="Bulk")])
    ZdrRequest.objects.filter(pk=clinic.pk).delete()
    assert data_version() == before + 3  # autocommit: each statement is its own commit


@pytest.mark.django_db(transaction=True)
def test_a_write_committed_by_another_connection_shows_on_the_next_page(clinic, alice):
    client = Client()
    client.force_login(alice)
    url = reverse("tracking:detail", args=[clinic.pk])
    assert "Heard back from another process" not in client.get(url).content.decode()

    def elsewhere():  # a thread has its own database connection, like the worker process
        ContactEntry.objects.create(request=clinic, occurred_at=clinic.created_at, direction="in", channel="email",
                                    summary="Heard back from another process")
        connections.close_all()

    worker = threading.Thread(target=elsewhere)
    worker.start()
    worker.join()

    assert "Heard back from another process" in client.get(url).content.decode()


def test_signing_in_and_reading_pages_leave_the_version_alone(alice_client, clinic):
    alice_client.get(reverse("portal:dashboard"))
    before = data_version()
    for url in (reverse("portal:dashboard"), reverse("tracking:detail", args=[clinic.pk]),
                reverse("workspace:step", args=[clinic.pk, "usage"]), reverse("catalog:endpoints", args=["openai"])):
        assert alice_client.get(url).status_code == 200
    assert data_version() == before


def test_each_visit_of_a_cached_page_gets_its_own_one_time_token(client_for, alice, clinic):
    """Two tabs of the tracking page: the second message logged is not taken for a repeat of the first."""
    tabs = [client_for(alice).get(reverse("tracking:detail", args=[clinic.pk])).content.decode() for _ in range(2)]
    tokens = [re.search(r'name="submission_token" value="([0-9a-f]{32})"', tab).group(1) for tab in tabs]
    assert tokens[0] != tokens[1]
    assert fragments.TOKEN_MARKER not in tabs[1]

    client = client_for(alice)
    for n, token in enumerate(tokens):
        client.post(reverse("tracking:contact_add", args=[clinic.pk]),
                    entry_data(summary=f"Message from tab {n}", submission_token=token))

    assert set(ContactEntry.objects.filter(request=clinic).values_list("summary", flat=True)) >= {
        "Message from tab 0", "Message from tab 1"}


def test_a_cached_page_with_forms_is_kept_per_browser(alice, clinic):
    """Another browser never receives a page holding the first one's CSRF token, and each one's
    form is accepted with the token its page carried."""
    browsers = [Client(enforce_csrf_checks=True) for _ in range(2)]
    url = reverse("tracking:detail", args=[clinic.pk])
    for n, browser in enumerate(browsers):
        browser.force_login(alice)
        page = browser.get(url).content.decode()
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        token = re.search(r'name="submission_token" value="([0-9a-f]{32})"', page).group(1)
        response = browser.post(reverse("tracking:contact_add", args=[clinic.pk]),
                                entry_data(summary=f"From browser {n}", csrfmiddlewaretoken=csrf,
                                           submission_token=token))
        assert response.status_code == 302, response.content.decode()[:300]
    assert ContactEntry.objects.filter(request=clinic, summary__startswith="From browser").count() == 2


def test_a_new_minute_renders_again_what_time_alone_changes(alice_client, clinic, monkeypatch):
    seen = []
    now = [1_800_000_000.0]
    monkeypatch.setattr(fragments.time, "time", lambda: now[0])
    request = alice_client.get(reverse("portal:dashboard")).wsgi_request

    def render():
        seen.append(1)
        return "rendered"

    fragments.fragment(request, "clock", render=render)
    fragments.fragment(request, "clock", render=render)
    now[0] += 60
    fragments.fragment(request, "clock", render=render)

    assert len(seen) == 2


def test_the_version_is_read_once_a_request(alice_client, clinic, django_assert_num_queries):
    alice_client.get(reverse("portal:dashboard"))
    request = alice_client.get(reverse("portal:dashboard")).wsgi_request
    del request.data_version
    with django_assert_num_queries(1):
        fragments.fragment(request, "one", render=lambda: "a")
        fragments.fragment(request, "two", render=lambda: "b")
