"""Every request has its status row from the moment it is created: a draft waiting on the team."""

import importlib

from django.apps import apps

from apps.tracking.models import Tracking

from .moves import move

MIGRATION = importlib.import_module("apps.tracking.migrations.0002_tracking_for_every_request")


def draft_state(tracking):
    return (tracking.status, tracking.status_changed_at, tracking.waiting_on, tracking.waiting_since)


def test_a_new_request_is_a_draft_waiting_on_the_team(blank_request):
    tracking = Tracking.objects.get(request=blank_request)
    created = blank_request.created_at
    assert draft_state(tracking) == ("draft", created, "team", created)
    assert tracking.submitted_at is None and tracking.packet_version is None
    assert list(tracking.history.values_list("history_type", flat=True)) == ["+"]


def test_the_first_move_changes_the_row_it_was_created_with(blank_request, alice):
    created = Tracking.objects.get(request=blank_request)
    move(blank_request, "send_to_review", alice)
    assert Tracking.objects.get(request=blank_request).pk == created.pk
    assert Tracking.objects.get(request=blank_request).status == "internal_review"


def test_the_migration_gives_an_older_request_its_draft_row(blank_request, clinic, alice):
    move(clinic, "send_to_review", alice)
    Tracking.objects.filter(request=blank_request).delete()  # a request from before the receiver

    MIGRATION.add_missing(apps, None)

    created = blank_request.created_at
    assert draft_state(Tracking.objects.get(request=blank_request)) == ("draft", created, "team", created)
    assert Tracking.objects.get(request=clinic).status == "internal_review"
    assert Tracking.objects.count() == 2
