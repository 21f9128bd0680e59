import re

from django.core import mail
from django.urls import reverse

from tests.accounts.signin import signs_in


def test_sign_in_with_the_right_password_opens_the_dashboard(client, alice, password):
    response = client.post(reverse("login"), {"username": "alice@example.com", "password": password}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("portal:dashboard")
    assert "has no ZDR request yet" in response.content.decode()


def test_a_wrong_password_says_so_and_signs_nobody_in(client, alice):
    response = client.post(reverse("login"), {"username": "alice@example.com", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct email address and password" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_out_ends_the_session(client_for, alice):
    client = client_for(alice)
    client.post(reverse("logout"))
    assert client.get(reverse("portal:dashboard"))["Location"].startswith(reverse("login"))


def test_password_reset_by_email(client, alice):
    client.post(reverse("password_reset"), {"email": "alice@example.com"})

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alice@example.com"]
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    page = client.get(link, follow=True)
    form_url = page.redirect_chain[-1][0]
    new_password = {"new_password1": "brand-new-secret-42", "new_password2": "brand-new-secret-42"}
    done = client.post(form_url, new_password, follow=True)

    assert "Your password is changed" in done.content.decode()
    assert signs_in(client, "alice@example.com", "brand-new-secret-42")


def test_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.com"}, follow=True)
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []


def test_password_reset_with_an_invalid_address_shows_a_field_error(client, db):
    response = client.post(reverse("password_reset"), {"email": "not-an-email"})
    assert "Enter a valid email address." in response.content.decode()


def test_pages_have_a_visible_label_for_every_field(client, db):
    html = client.get(reverse("login")).content.decode()
    labelled = set(re.findall(r'<label\s+for="([^"]+)"', html))
    assert {"id_username", "id_password"} <= labelled


def test_sign_in_ignores_the_case_of_the_email(client, reviewer, password):
    assert signs_in(client, "Rita@Example.COM", password)


def test_failures_in_any_case_count_towards_one_lockout(client, reviewer, password, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        signs_in(client, ["RITA@example.com", "rita@EXAMPLE.com"][attempt % 2], "wrong")
    assert not signs_in(client, "rita@example.com", password)  # locked out, whatever the case
