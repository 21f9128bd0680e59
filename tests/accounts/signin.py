from django.urls import reverse


def signs_in(client, email, password):
    """Sign in through the real sign-in form (throttling included); True when it worked."""
    response = client.post(reverse("login"), {"username": email, "password": password})
    return response.status_code == 302 and "_auth_user_id" in client.session
