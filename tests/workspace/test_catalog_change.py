"""A request pinned to the 2026-09-22 catalog learns what the newest one changed for it: its
/v1/videos usage is flagged as removed, and once moved it gets the dated removal as a finding."""

from django.core.management import call_command
from django.urls import reverse

from apps.workspace import services
from apps.workspace.models import EndpointUsage
from tests.catalog.shipped import CURRENT

from .steps import step_url


def test_a_videos_usage_is_flagged_then_told_when_the_endpoint_was_removed(client_for, alice, blank_request):
    EndpointUsage.objects.create(request=blank_request, endpoint_path="/v1/videos", store="")
    call_command("load_catalog", str(CURRENT))
    client = client_for(alice)

    html = client.get(step_url(blank_request, "usage")).content.decode()
    assert "A newer catalog exists (13 Nov 2026)" in html
    assert "<code>/v1/videos</code> is no longer in the catalog." in html

    client.post(reverse("workspace:catalog_upgrade", args=[blank_request.pk]))
    html = client.get(step_url(blank_request, "usage")).content.decode()
    assert "/v1/videos was removed on 2026-09-24" in html
    assert "A newer catalog exists" not in html


def test_a_new_usage_is_not_offered_videos_any_more(client_for, alice, catalogs_loaded, alice_org):
    zdr_request = services.request_create(organization=alice_org, owner=alice, title="New", requested_control="mam")
    response = client_for(alice).post(reverse("workspace:item_add", args=[zdr_request.pk, "usages"]),
                                      {"endpoint_path": "/v1/videos"}, follow=True)
    assert "Pick an endpoint from the catalog" in response.content.decode()
    assert not EndpointUsage.objects.filter(request=zdr_request).exists()
    assert "/v1/videos (Videos)" not in client_for(alice).get(step_url(zdr_request, "usage")).content.decode()


def test_a_feature_implied_by_the_models_typed_is_flagged_when_its_rule_changes(client_for, alice, blank_request):
    EndpointUsage.objects.create(request=blank_request, endpoint_path="/v1/images/generations", models_used="dall-e-3")
    call_command("load_catalog", str(CURRENT))

    html = client_for(alice).get(step_url(blank_request, "usage")).content.decode()

    assert "Feature dalle_models: Models changed" in html
