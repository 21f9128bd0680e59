"""The idle timeout is renewed by activity, but a page view writes the session row at most once
a minute (each write took SQLite's database-wide lock); a changed session is saved at once."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from apps.accounts.session_store import SessionStore


def stored_expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_views_within_a_minute_do_not_rewrite_the_session_but_later_ones_renew_it(alice_client, settings):
    alice_client.get(reverse("portal:dashboard"))
    first = stored_expiry(alice_client)
    assert alice_client.get(reverse("portal:dashboard")).status_code == 200
    assert stored_expiry(alice_client) == first  # renewed a moment ago: not written

    # Renewed two minutes ago: the next view pushes the idle timeout forward again.
    key = alice_client.session.session_key
    Session.objects.filter(session_key=key).update(expire_date=first - timedelta(minutes=2))
    alice_client.get(reverse("portal:dashboard"))
    renewed = stored_expiry(alice_client)
    assert renewed > first and renewed - timezone.now() > timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)


def test_a_changed_session_is_saved_at_once(alice_client):
    alice_client.get(reverse("portal:dashboard"))  # renewed a moment ago
    key = alice_client.session.session_key
    store = SessionStore(key)
    store["picked"] = "yes"
    store.save()
    assert SessionStore(key)["picked"] == "yes"
