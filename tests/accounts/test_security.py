import time

import pytest
from django.urls import reverse

from tests.accounts.signin import signs_in


def test_pages_carry_a_strict_content_security_policy_and_hardening_headers(client):
    response = client.get(reverse("login"))

    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_repeated_failures_lock_the_sign_in_with_a_clear_message(client, alice, password):
    for _ in range(5):
        client.post(reverse("login"), {"username": alice.email, "password": "wrong"})

    response = client.post(reverse("login"), {"username": alice.email, "password": password})

    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_other_accounts_are_not_locked_by_someone_elses_failures(client, alice, bob, password):
    for _ in range(5):
        client.post(reverse("login"), {"username": alice.email, "password": "wrong"})
    assert signs_in(client, bob.email, password)


def test_the_session_key_changes_at_sign_in(client, alice, password):
    client.get(reverse("login"))
    client.session.save()
    before = client.session.session_key
    assert signs_in(client, alice.email, password)
    assert client.session.session_key != before


def test_sessions_expire_after_idle_time_and_after_twelve_hours(client, alice, password, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert signs_in(client, alice.email, password)
    assert client.get(reverse("portal:dashboard")).status_code == 200
    session = client.session
    session["renewed_at"] = time.time() - 61  # a minute without a request: the next one renews the expiry
    session.save()
    expiry = session.get_expiry_date()
    response = client.get(reverse("portal:dashboard"))
    assert response.cookies["sessionid"]["max-age"] == 30 * 60 and client.session.get_expiry_date() > expiry
    renewed = client.session["renewed_at"]
    client.get(reverse("portal:dashboard"))
    assert client.session["renewed_at"] == renewed  # within the minute: the session is not written again

    session = client.session
    session["signed_in_at"] = time.time() - 12 * 60 * 60 - 1
    session.save()
    response = client.get(reverse("portal:dashboard"))

    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("limit", "words"), [(12 * 60 * 60, "12 hours"), (60 * 60, "1 hour"), (90 * 60, "90 minutes")])
def test_the_end_of_session_message_names_the_configured_limit(client, alice, password, settings, limit, words):
    settings.SESSION_MAX_AGE = limit
    assert signs_in(client, alice.email, password)
    session = client.session
    session["signed_in_at"] = time.time() - limit - 1
    session.save()
    response = client.get(reverse("portal:dashboard"), follow=True)

    assert f"Your session has ended after {words}. Please sign in again." in response.content.decode()
