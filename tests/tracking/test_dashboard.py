"""The dashboard: requests by status, who waits on whom and for how long, overdue follow-ups,
next actions and filters, in a fixed number of queries; the demo data fills it."""

import re

import pytest
from django.urls import reverse

from apps.tracking.demo import DEMOS, demo_seed
from apps.tracking.models import FollowUp, Tracking
from apps.workspace import services as workspace


def text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_the_demo_shows_every_kind_of_state(client_for, demo, alice):
    page = text(client_for(alice).get(reverse("portal:dashboard")))

    for title in [d["title"] for d in DEMOS]:
        assert title in page
    assert "Overdue" in page and "follow-up #1 to OpenAI" in page  # the triage chatbot's reminder
    assert "1 Submitted" in page and "1 Verified" in page and "1 More information requested" in page
    assert "1 Draft" in page  # the clinic request, untouched by tracking
    assert re.search(r"Patient-portal triage chatbot .*? Submitted OpenAI 13 days", page)
    assert re.search(r"Billing-code suggestions .*? More information requested Our team 2 days", page)
    assert re.search(r"Lab-report extraction .*? Verified Nobody", page)
    assert "Send follow-up #1 to OpenAI: it is overdue." in page


def test_the_demo_seed_is_idempotent(demo, alice, alice_org):
    counts = (Tracking.objects.count(), FollowUp.objects.count())
    demo_seed(organization=alice_org, owner=alice)
    assert (Tracking.objects.count(), FollowUp.objects.count()) == counts


@pytest.mark.parametrize("query,shown,hidden", [
    ("status=verified", ["Lab-report extraction"], ["Patient-portal triage chatbot", "Visit-note summaries"]),
    ("status=draft", ["Visit-note summaries"], ["Lab-report extraction"]),
    ("waiting_on=openai", ["Patient-portal triage chatbot", "Insurance letter drafting"], ["Billing-code"]),
    ("waiting_on=team", ["Billing-code suggestions", "Visit-note summaries"], ["Insurance letter drafting"]),
    ("waiting_on=nobody", ["Lab-report extraction"], ["Billing-code suggestions"]),
])
def test_filters(client_for, demo, alice, query, shown, hidden):
    table = text(client_for(alice).get(reverse("portal:dashboard") + "?" + query)).split("Next action", 1)[1]
    for title in shown:
        assert title in table
    for title in hidden:
        assert title not in table


def test_bad_filters_are_ignored_not_a_500(client_for, demo, alice):
    response = client_for(alice).get(reverse("portal:dashboard") + "?status=<script>&waiting_on=x&page=-3")
    assert response.status_code == 200 and "<script>" not in response.content.decode()


def test_the_dashboard_query_count_stays_flat(client_for, demo, alice, alice_org, django_assert_max_num_queries,
                                              settings):
    settings.FRAGMENT_CACHE = False  # the page as it renders after a change, not as the cache serves it
    client = client_for(alice)
    client.get(reverse("portal:dashboard"))
    # 14: the background-work banner reads the heartbeat; the 20 oldest overdue reminders for the
    # attention list and the page's own for its next actions are two small reads, where one read
    # loaded 200 reminders with their whole requests.
    with django_assert_max_num_queries(14) as few:
        client.get(reverse("portal:dashboard"))
    for n in range(8):
        workspace.request_create(organization=alice_org, owner=alice, title=f"More {n}", requested_control="zdr")
    demo_seed(organization=alice_org, owner=alice)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("portal:dashboard"))


def test_a_new_organization_still_sees_what_to_do_first(client_for, charlie):
    page = text(client_for(charlie).get(reverse("portal:dashboard")))
    assert "has no ZDR request yet" in page and "Check the catalog." in page
