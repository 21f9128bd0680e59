"""The usage form reads the whole usage: `store` as an explicit choice with the endpoint's default,
and the models typed, which the engine matches against the catalog's model rules."""

import pytest
from django.urls import reverse

from apps.workspace import services
from apps.workspace.items import KIND_BY_SLUG
from apps.workspace.models import EndpointUsage
from apps.workspace.services import fingerprint

from .steps import step_url


@pytest.fixture
def current_request(catalogs_loaded, alice, alice_org):
    return services.request_create(organization=alice_org, owner=alice, title="Images", requested_control="zdr")


def save_usage(client, zdr_request, usage, **values):
    prefix = f"usages-{usage.pk}"
    data = {f"{prefix}-{k}": v for k, v in values.items()}
    data["seen"] = fingerprint(usage, KIND_BY_SLUG["usages"].fields)
    url = reverse("workspace:item_update", args=[zdr_request.pk, "usages", usage.pk])
    return client.post(url, data, HTTP_HX_REQUEST="true")


def test_typing_a_dall_e_model_gives_the_zdr_blocker(client_for, alice, current_request):
    client = client_for(alice)
    usage = services.usage_add(zdr_request=current_request, endpoint_path="/v1/images/generations", user=alice)

    response = save_usage(client, current_request, usage, endpoint_path="/v1/images/generations",
                          models_used="dall-e-3", monthly_volume="100", purpose="Illustrations")

    assert "Saved at" in response.content.decode()
    html = client.get(step_url(current_request, "usage")).content.decode()
    assert "DALL-E models for images (dall-e-2, dall-e-3) cannot be used under ZDR" in html
    assert "dall-e-3 named in this usage" in html


def test_store_is_an_explicit_choice_that_names_the_endpoints_default(client_for, alice, current_request):
    client = client_for(alice)
    usage = services.usage_add(zdr_request=current_request, endpoint_path="/v1/responses", user=alice)
    html = client.get(step_url(current_request, "usage")).content.decode()
    assert "Not set (this endpoint&#x27;s default: store=true)" in html
    assert "Stored responses (store=true)" not in html.split(f'id="usage-{usage.pk}"')[1].split("</form>")[0]

    save_usage(client, current_request, usage, endpoint_path="/v1/responses", store="false", models_used="gpt-5.5")

    usage.refresh_from_db()
    assert usage.store == "false"
    assert "is ignored under ZDR" not in client.get(step_url(current_request, "usage")).content.decode()


def test_an_unknown_store_value_is_refused_and_nothing_is_saved(client_for, alice, current_request):
    usage = services.usage_add(zdr_request=current_request, endpoint_path="/v1/responses", user=alice)

    response = save_usage(client_for(alice), current_request, usage, endpoint_path="/v1/responses", store="maybe",
                          models_used="gpt-5.5")

    assert "Select a valid choice" in response.content.decode()
    assert EndpointUsage.objects.get(pk=usage.pk).models_used == ""


def test_a_developers_report_is_marked_as_one_on_the_findings(client_for, alice, current_request):
    EndpointUsage.objects.create(request=current_request, endpoint_path="/v1/responses", store="true",
                                 models_used="gpt-5.5", features=["previous_response_id"])

    html = client_for(alice).get(step_url(current_request, "usage")).content.decode()

    finding = html.split('id="finding-usage:')[1:]
    reported = next(part for part in finding if "previous_response_id" in part.split('"')[0])
    assert 'href="https://github.com/openai/codex/issues/106"' in reported
    assert "Reported by developers" in reported
