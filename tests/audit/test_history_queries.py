"""The History page and its CSV read a fixed number of queries, however long the history grows,
and the page shows the newest 20 saves, then the next 20 on the next page: the page is read in
the database, a page at a time."""

from django.urls import reverse

from apps.audit.views import PER_PAGE
from apps.packets.services import packet_version_create, sign_off_create
from apps.workspace import services
from apps.workspace.models import ZdrRequest
from tests.packets.rendered import fresh, rendered_version
from tests.tracking.moves import move

from .history import acting_as, history_entries, history_url

PAGE_BUDGET = 32  # session, user, memberships, session save (7); the request as the wizard loads it (6);
# one per followed model (17); the users and catalog versions the page mentions (2)


def grow(zdr_request, user, reviewer, rounds):
    """Saves of every kind: the request, items added, moved and removed, versions and sign-offs."""
    with acting_as(user):
        for n in range(rounds):
            current = ZdrRequest.objects.get(pk=zdr_request.pk)
            current.legal_entity = f"Northwind Clinic {n}"
            current.save()
            flow = services.item_add(zdr_request=zdr_request, kind="flows", user=user, source_system=f"System {n}")
            services.item_move(item=flow, offset=-1, user=user)
            services.item_delete(item=flow, user=user)
            version = rendered_version(zdr_request, user) if n == 0 else packet_version_create(
                zdr_request=fresh(zdr_request), user=user)
        sign_off_create(version=rendered_version(zdr_request, user), reviewer=reviewer, decision="approved",
                        comment="", sha256=ZdrRequest.objects.get(pk=zdr_request.pk).packet_versions.first().sha256)
        move(zdr_request, "send_to_review", user)
    return version


def test_the_page_and_the_csv_keep_a_flat_query_count(alice_client, alice, reviewer, clinic,
                                                      django_assert_max_num_queries):
    csv = reverse("audit:history_csv", args=[clinic.pk])
    with django_assert_max_num_queries(PAGE_BUDGET) as few:
        alice_client.get(history_url(clinic))
    with django_assert_max_num_queries(PAGE_BUDGET) as few_csv:
        alice_client.get(csv)

    grow(clinic, alice, reviewer, rounds=12)

    with django_assert_max_num_queries(len(few.captured_queries)):
        assert 0 < len(history_entries(alice_client, clinic)) <= PER_PAGE
    with django_assert_max_num_queries(len(few_csv.captured_queries)):
        assert alice_client.get(csv).status_code == 200


def test_twenty_saves_a_page_newest_first(alice_client, alice, reviewer, clinic):
    grow(clinic, alice, reviewer, rounds=12)
    first, second = history_entries(alice_client, clinic), history_entries(alice_client, clinic, page=2)
    assert PER_PAGE - 5 <= len(first) <= PER_PAGE and second  # a save that changed nothing shown makes no entry
    times = [entry["when"] for entry in first + second]
    assert times == sorted(times, reverse=True)
    assert {entry["what"] for entry in first[:2]} == {"Request status changed",
                                                      "Status change Draft → Internal review added"}
    assert "Page 1 of" in alice_client.get(history_url(clinic)).content.decode()
