"""The page walk of the accessibility gate: every named URL that answers GET with a whole HTML page,
filled from an organization's objects (the same kwargs as tests/portal/test_url_protection.py), for
each request of the organization, each wizard step, and the public pages."""

from django.urls import NoReverseMatch, reverse

from apps.accounts.models import Invitation
from apps.workspace.steps import STEPS
from tests.portal.test_url_protection import ALL_URLS, OBJECT_KWARGS, PART_KWARGS, PUBLIC, kwarg_names

# Pages with no HTML (downloads, JSON, the health check) or that only act (sign-out).
NOT_PAGES = {"healthz", "logout", "orgdata:download", "catalog:json", "audit:history_csv", "workspace:export",
             "packets:pdf", "packets:eml", "packets:version_json", "tracking:attachment"}
# URLs walked for every request of the organization (the states of tracking); the others for the first.
EVERY_REQUEST = {"tracking:detail", "packets:packet"}
# Pages that look the same whoever reads them: walked once, by the first user.
SAME_FOR_EVERYONE = {"catalog:index", "catalog:endpoints", "catalog:versions", "catalog:version_diff",
                     "password_change", "password_change_done", "accounts:organization_create"}


def _kwargs_for(name, pattern, org, zdr_request):
    kwargs = {}
    for kwarg in kwarg_names(pattern):
        if kwarg == "request_id":
            kwargs[kwarg] = zdr_request.pk
        elif kwarg == "provider":
            kwargs[kwarg] = "openai"
        elif kwarg == "step":
            kwargs[kwarg] = [step.slug for step in STEPS]
        elif kwarg in OBJECT_KWARGS:
            try:
                kwargs[kwarg] = OBJECT_KWARGS[kwarg](org)
            except AttributeError:  # the organization has none (an empty state)
                return None
        elif kwarg in PART_KWARGS:
            kwargs[kwarg] = PART_KWARGS[kwarg]
        else:
            return None
    return kwargs


def member_urls(org, requests, *, first_user=True, every_request=True):
    """(URL name, URL) of the pages a member of `org` may open, for its requests (the first one for most)."""
    urls = []
    for name, pattern in ALL_URLS:
        if name.startswith("admin:") or name in PUBLIC or name in NOT_PAGES:
            continue
        if name in SAME_FOR_EVERYONE and not first_user:
            continue
        needs_request = "request_id" in kwarg_names(pattern)
        if needs_request and not requests:
            continue
        walked = requests if every_request and name in EVERY_REQUEST else requests[:1]
        for zdr_request in walked if needs_request else [None]:
            kwargs = _kwargs_for(name, pattern, org, zdr_request)
            if kwargs is None:
                continue
            steps = kwargs.pop("step", [None])
            for step in steps:
                try:
                    urls.append((name, reverse(name, kwargs={**kwargs, **({"step": step} if step else {})})))
                except NoReverseMatch:  # e.g. a request without a packet version
                    continue
    return urls


def public_urls(org):
    invitation = Invitation.objects.filter(organization=org, accepted_at__isnull=True).first()
    urls = [reverse("login"), reverse("password_reset"), reverse("password_reset_done"),
            reverse("password_reset_confirm", kwargs={"uidb64": "MQ", "token": "set-password"}),
            reverse("password_reset_complete"),
            reverse("accounts:invitation_accept", kwargs={"token": invitation.token}), "/no-such-page/"]
    return [(None, url) for url in urls]
