"""The security event log: sign-in, sign-out, failed sign-in and refused access, with user, IP,
path and time, as rows and as "zdrportal.security" log lines; never a password or a key."""

import json
import logging

import pytest
from django.test import RequestFactory
from django.urls import reverse

from apps.audit.models import SecurityEvent
from apps.audit.views import page_not_found
from tests.fakes.openai_admin import VALID_KEY

Kind = SecurityEvent.Kind
IP = "203.0.113.7"


def sign_in(client, email, password, **extra):
    return client.post(reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=IP, **extra)


def logged(caplog):
    return [json.loads(r.getMessage().removeprefix("security ")) for r in caplog.records
            if r.name == "zdrportal.security"]


@pytest.fixture(autouse=True)
def security_log(caplog):
    caplog.set_level(logging.DEBUG)  # everything any logger says, to look for secrets in it
    return caplog


def test_sign_in_and_sign_out_are_logged_with_user_ip_and_time(client, alice, password, caplog):
    assert sign_in(client, "alice@example.com", password).status_code == 302
    client.post(reverse("logout"), REMOTE_ADDR=IP)

    signed_out, signed_in = SecurityEvent.objects.all()[:2]
    assert (signed_in.kind, signed_in.user, signed_in.email, signed_in.ip) == (Kind.SIGN_IN, alice,
                                                                             "alice@example.com", IP)
    assert (signed_in.method, signed_in.path) == ("POST", reverse("login"))
    assert (signed_out.kind, signed_out.user, signed_out.ip) == (Kind.SIGN_OUT, alice, IP)
    assert signed_out.at >= signed_in.at
    assert [(line["event"], line["email"], line["ip"]) for line in logged(caplog)] == [
        ("sign_in", "alice@example.com", IP), ("sign_out", "alice@example.com", IP)]


def test_a_failed_sign_in_keeps_the_address_tried_and_never_the_password(client, alice, caplog):
    sign_in(client, "alice@example.com", "Hunter2-wrong-password")
    sign_in(client, "Hunter2-typed-in-the-wrong-box", "x")

    wrong_password, wrong_box = SecurityEvent.objects.order_by("pk")
    assert (wrong_password.kind, wrong_password.email, wrong_password.ip) == (Kind.SIGN_IN_FAILED,
                                                                              "alice@example.com", IP)
    assert wrong_password.user is None
    assert wrong_box.email == "(not an email address)"
    assert_nowhere("Hunter2", caplog)


def test_refused_access_is_logged_and_shown_as_the_styled_pages(client_for, charlie, viewer, clinic, caplog):
    history = reverse("audit:history", args=[clinic.pk])
    stranger = client_for(charlie).get(history, REMOTE_ADDR=IP)
    assert stranger.status_code == 404 and "Page not found" in stranger.content.decode()
    low_role = client_for(viewer).get(reverse("audit:history_csv", args=[clinic.pk]), REMOTE_ADDR=IP)
    assert low_role.status_code == 403 and "You can't do that here" in low_role.content.decode()

    refused = SecurityEvent.objects.filter(kind__in=[Kind.NOT_FOUND, Kind.FORBIDDEN]).order_by("pk")
    assert [(e.kind, e.user, e.ip, e.method, e.path) for e in refused] == [
        (Kind.NOT_FOUND, charlie, IP, "GET", history),
        (Kind.FORBIDDEN, viewer, IP, "GET", reverse("audit:history_csv", args=[clinic.pk])),
    ]
    assert [line["event"] for line in logged(caplog) if line["event"] != "sign_in"] == ["not_found", "forbidden"]


def test_a_posted_admin_key_or_one_in_the_address_is_never_kept(client_for, charlie, clinic, password, client,
                                                                  caplog):
    sign_in(client, "charlie@example.com", "wrong-" + password)
    stranger = client_for(charlie)
    check = reverse("tracking:admin_api_check", args=[clinic.pk])
    assert stranger.post(check, {"admin_key": VALID_KEY}).status_code == 404
    assert stranger.get(f"{check}?admin_key={VALID_KEY}").status_code == 404
    assert stranger.get(f"/requests/{VALID_KEY}/").status_code == 404

    events = SecurityEvent.objects.filter(kind=Kind.NOT_FOUND)
    assert events.count() == 3 and events.filter(path="/requests/sk-[redacted]/").exists()
    assert_nowhere(VALID_KEY, caplog)
    assert_nowhere("wrong-" + password, caplog)


def test_the_client_address_comes_from_x_forwarded_for_only_behind_a_trusted_proxy(client, alice, password,
                                                                                  settings):
    forged = {"HTTP_X_FORWARDED_FOR": "198.51.100.66, 192.0.2.10"}
    sign_in(client, "alice@example.com", "wrong", **forged)
    settings.TRUSTED_PROXY_COUNT = 1
    sign_in(client, "alice@example.com", "wrong", **forged)

    untrusted, trusted = SecurityEvent.objects.order_by("pk")
    assert untrusted.ip == IP  # the header is whatever the client sent
    assert trusted.ip == "192.0.2.10"  # the address our proxy appended; the client's own part is ignored


def test_anonymous_misses_are_not_logged(alice):
    request = RequestFactory().get("/wp-login.php")
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    assert page_not_found(request, Exception()).status_code == 404
    assert not SecurityEvent.objects.exists()


def test_events_are_append_only_and_read_only_in_the_admin(client, client_for, alice, password, django_user_model):
    sign_in(client, "alice@example.com", password)
    event = SecurityEvent.objects.get()
    event.path = "/tampered/"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()

    staff = client_for(django_user_model.objects.create_superuser("root@example.com", password))
    assert staff.get(reverse("admin:audit_securityevent_changelist")).status_code == 200
    assert staff.get(reverse("admin:audit_securityevent_add")).status_code == 403
    change = staff.get(reverse("admin:audit_securityevent_change", args=[event.pk])).content.decode()
    assert 'name="path"' not in change  # shown, not editable
    assert staff.post(reverse("admin:audit_securityevent_delete", args=[event.pk])).status_code == 403


def assert_nowhere(secret, caplog):
    stored = [json.dumps(list(row.values()), default=str) for row in SecurityEvent.objects.values()]
    assert not any(secret in text for text in stored)
    assert secret not in caplog.text


PYTEST_HANDLERS = ("LogCaptureHandler", "_LiveLoggingNullHandler", "_FileHandler")


def test_a_refusal_is_logged_once_on_one_line(client_for, viewer, clinic, caplog):
    client_for(viewer).get(reverse("audit:history_csv", args=[clinic.pk]))

    assert [(r.levelname, r.exc_info) for r in caplog.records if r.name == "django.request"] == [("WARNING", None)]
    assert logged(caplog)[-1]["event"] == "forbidden"
    # and one handler prints it: Django's own console handler (DEBUG=1) does not print it a second time
    handlers, logger = [], logging.getLogger("django.request")
    while logger:
        handlers += [h for h in logger.handlers if type(h).__name__ not in PYTEST_HANDLERS]
        logger = logger.parent if logger.propagate else None
    assert len(handlers) == 1
