"""Every URL of the project, found by walking the URL resolver (not a hand-kept list):
anonymous visitors are sent to sign in, and a member of another organization never reaches
alice's objects. A new URL whose kwargs this file cannot fill makes the test fail, so every
later feature gets this check by adding its kwarg to OBJECT_KWARGS."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from apps.accounts.models import Invitation, Membership
from apps.catalog.models import CatalogDraft
from apps.codescan.models import CodeScan
from apps.packets.models import PacketVersion
from apps.workspace.demo import CLINIC_TITLE
from apps.workspace.models import DataFlow, ZdrRequest
from tests.factories import ALICE_ORG_NAME
from tests.tracking import world as tracking

# Views anyone may open; each protects itself another way.
PUBLIC = {
    "healthz",  # no data, for load balancers
    "login", "password_reset", "password_reset_done", "password_reset_confirm", "password_reset_complete",
    "accounts:invitation_accept",  # the unguessable token is the credential
    "admin:login",
}

# kwarg -> how to find the object of alice's organization that the URL names.
OBJECT_KWARGS = {
    "organization_id": lambda org: org.pk,
    "membership_id": lambda org: Membership.objects.filter(organization=org).first().pk,
    "invitation_id": lambda org: Invitation.objects.filter(organization=org).first().pk,
    "request_id": lambda org: ZdrRequest.objects.filter(organization=org).first().pk,
    "item_id": lambda org: DataFlow.objects.filter(request__organization=org).first().pk,  # kind is "flows"
    **tracking.OBJECT_KWARGS,
    "number": lambda org: PacketVersion.objects.filter(request__organization=org).first().number,  # a packet version
    "draft_id": lambda org: CatalogDraft.objects.filter(organization=org).first().pk,  # a pasted catalog draft
    "scan_id": lambda org: CodeScan.objects.filter(request__organization=org).first().pk,  # a code scan
}

# kwargs that pick a part of an object named by another kwarg.
PART_KWARGS = {"step": "organization", "kind": "flows", **tracking.PART_KWARGS}

# kwargs naming reference data that every signed-in user may read, whatever their organization
# (the catalog): these URLs answer charlie like anyone else.
SHARED_KWARGS = {"provider": "openai"}

# kwargs of Django's own views (auth tokens, admin), which carry no organization.
FRAMEWORK_KWARGS = {"uidb64": "MQ", "token": "set-password", "app_label": "accounts", "object_id": "1",
                    "content_type_id": "1", "url": "x", "id": "1"}


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from walk(entry.url_patterns, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}", entry


def kwarg_names(pattern):
    return list(getattr(pattern.pattern, "converters", {}) or pattern.pattern.regex.groupindex)


ALL_URLS = sorted({name: pattern for name, pattern in walk(get_resolver().url_patterns)}.items())


def is_admin(name):
    return name.startswith("admin:")


def url_for(name, pattern, org):
    kwargs = {}
    for kwarg in kwarg_names(pattern):
        if kwarg in OBJECT_KWARGS:
            kwargs[kwarg] = OBJECT_KWARGS[kwarg](org)
        elif kwarg in SHARED_KWARGS:
            kwargs[kwarg] = SHARED_KWARGS[kwarg]
        elif kwarg in PART_KWARGS:
            kwargs[kwarg] = PART_KWARGS[kwarg]
        elif kwarg in FRAMEWORK_KWARGS and (is_admin(name) or name in PUBLIC or name.startswith("password")):
            kwargs[kwarg] = FRAMEWORK_KWARGS[kwarg]
        else:
            pytest.fail(f"{name}: add the kwarg {kwarg!r} to OBJECT_KWARGS so this URL is checked")
    return reverse(name, kwargs=kwargs)


def test_the_walk_finds_the_project_urls():
    names = {name for name, _ in ALL_URLS}
    assert {"portal:dashboard", "accounts:members", "accounts:member_remove", "healthz"} <= names


def test_public_views_are_exactly_the_listed_ones():
    marked_public = {name for name, p in ALL_URLS if not getattr(p.callback, "login_required", True)}
    assert marked_public == PUBLIC


@pytest.mark.parametrize("name,pattern", ALL_URLS, ids=[n for n, _ in ALL_URLS])
def test_anonymous_visitors_are_sent_to_sign_in(client, alice_world, name, pattern):
    if name in PUBLIC:
        return
    url = url_for(name, pattern, alice_world)
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 302, f"{method.__name__.upper()} {url}"
        location = response["Location"]
        assert location.startswith((reverse("login"), reverse("admin:login"))), f"{url} -> {location}"


@pytest.mark.parametrize("name,pattern", ALL_URLS, ids=[n for n, _ in ALL_URLS])
def test_other_organizations_never_see_alices_objects(client_for, alice_world, charlie, name, pattern):
    if name in PUBLIC or name == "logout":
        return
    url = url_for(name, pattern, alice_world)
    client = client_for(charlie)
    names_an_object = any(k in OBJECT_KWARGS for k in kwarg_names(pattern))
    for method in (client.get, client.post):
        response = method(url)
        if is_admin(name):
            assert response.status_code == 302  # charlie is not staff: sent to the admin sign-in
        elif names_an_object:
            # A GET on a POST-only view is refused before any lookup, which reveals nothing either.
            allowed = (404, 405) if method == client.get else (404,)
            assert response.status_code in allowed, f"{method.__name__.upper()} {url} answered {response.status_code}"
        else:
            assert response.status_code < 500
            # A download streams (the organization export: its zip is checked in tests/orgdata).
            body = (b"".join(response.streaming_content) if response.streaming else response.content).decode(
                errors="replace")
            assert ALICE_ORG_NAME not in body and CLINIC_TITLE not in body, f"{method.__name__.upper()} {url}"
