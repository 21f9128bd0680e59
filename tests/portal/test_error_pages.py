from django.test import Client


def test_a_server_error_shows_the_styled_page(db, monkeypatch):
    def broken():
        raise RuntimeError("boom")

    monkeypatch.setattr("apps.portal.selectors.database_state", broken)
    response = Client(raise_request_exception=False).get("/healthz")

    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong on our side" in body and "boom" not in body


def test_an_unknown_address_shows_the_styled_404(client_for, alice):
    response = client_for(alice).get("/no/such/page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
