from django.urls import reverse

from apps.workspace.items import KIND_BY_SLUG
from apps.workspace.models import Contact, DataFlow, EndpointUsage
from apps.workspace.services import fingerprint

from .steps import step_url


def flow_data(flow, **values):
    prefix = f"flows-{flow.pk}"
    data = {f"{prefix}-{k}": v for k, v in values.items()}
    data["seen"] = fingerprint(flow, KIND_BY_SLUG["flows"].fields)
    return data


def test_adding_a_flow_and_pointing_it_at_an_endpoint_creates_the_usage(client_for, alice, blank_request):
    client = client_for(alice)
    client.post(reverse("workspace:item_add", args=[blank_request.pk, "flows"]))
    flow = DataFlow.objects.get(request=blank_request)

    response = client.post(reverse("workspace:item_update", args=[blank_request.pk, "flows", flow.pk]), flow_data(
        flow, source_system="EHR", data_categories="user.health_and_medical", endpoint_path="/v1/batches",
        returns="Summary", output_store="Notes DB", retention="30 days"), HTTP_HX_REQUEST="true")

    flow.refresh_from_db()
    assert "Saved at" in response.content.decode()
    assert flow.usage.endpoint_path == "/v1/batches" and flow.source_system == "EHR"
    assert "/v1/batches is not eligible for ZDR" in client.get(step_url(blank_request, "usage")).content.decode()


def test_a_bad_item_value_is_refused_without_touching_other_items(client_for, alice, blank_request):
    client = client_for(alice)
    other = Contact.objects.create(request=blank_request, position=5, name="Keep me", email="keep@example.com")
    contact = blank_request.contacts.order_by("position").first()
    url = reverse("workspace:item_update", args=[blank_request.pk, "contacts", contact.pk])
    prefix = f"contacts-{contact.pk}"

    response = client.post(url, {f"{prefix}-email": "not-an-email", f"{prefix}-name": "X",
                                 "seen": fingerprint(contact, KIND_BY_SLUG["contacts"].fields)}, HTTP_HX_REQUEST="true")

    assert "Enter a valid email address." in response.content.decode()
    contact.refresh_from_db()
    other.refresh_from_db()
    assert contact.email == "alice@example.com" and other.name == "Keep me"


def test_items_move_up_and_down(client_for, alice, blank_request):
    client = client_for(alice)
    for path in ("/v1/responses", "/v1/embeddings", "/v1/moderations"):
        client.post(reverse("workspace:item_add", args=[blank_request.pk, "usages"]), {"endpoint_path": path})
    last = EndpointUsage.objects.get(endpoint_path="/v1/moderations")

    client.post(reverse("workspace:item_move", args=[blank_request.pk, "usages", last.pk]), {"direction": "up"})

    order = list(blank_request.usages.order_by("position").values_list("endpoint_path", flat=True))
    assert order == ["/v1/responses", "/v1/moderations", "/v1/embeddings"]


def test_adding_an_unknown_endpoint_is_refused(client_for, alice, blank_request):
    response = client_for(alice).post(reverse("workspace:item_add", args=[blank_request.pk, "usages"]),
                                      {"endpoint_path": "/v1/nope"}, follow=True)
    assert "Pick an endpoint from the catalog" in response.content.decode()
    assert not EndpointUsage.objects.exists()


def test_removing_asks_first(client_for, alice, clinic):
    client = client_for(alice)
    flow = clinic.flows.first()
    url = reverse("workspace:item_delete", args=[clinic.pk, "flows", flow.pk])

    assert "Remove “EHR (Epic)”?" in client.get(url).content.decode()
    assert DataFlow.objects.filter(pk=flow.pk).exists()
    client.post(url)
    assert not DataFlow.objects.filter(pk=flow.pk).exists()
    assert clinic.flows.count() == 2


def test_a_stale_item_save_is_refused(client_for, alice, bob, clinic):
    flow = clinic.flows.first()
    stale = flow_data(flow, source_system="Alice's EHR", endpoint_path="/v1/responses")
    url = reverse("workspace:item_update", args=[clinic.pk, "flows", flow.pk])
    client_for(bob).post(url, flow_data(flow, source_system="Bob's EHR", endpoint_path="/v1/responses"))

    response = client_for(alice).post(url, stale, HTTP_HX_REQUEST="true")

    assert "Bob&#x27;s EHR" in response.content.decode()
    flow.refresh_from_db()
    assert flow.source_system == "Bob's EHR"


def test_an_unknown_kind_is_a_404(client_for, alice, clinic):
    assert client_for(alice).post(reverse("workspace:item_add", args=[clinic.pk, "nothing"])).status_code == 404


def test_a_contact_name_on_two_lines_is_refused_with_a_clear_error(client_for, alice, blank_request):
    contact = blank_request.contacts.order_by("position").first()
    url = reverse("workspace:item_update", args=[blank_request.pk, "contacts", contact.pk])
    prefix = f"contacts-{contact.pk}"

    response = client_for(alice).post(url, {f"{prefix}-name": "Dana\r\nBcc: x@evil.example",
                                            f"{prefix}-email": "dana@example.com",
                                            "seen": fingerprint(contact, KIND_BY_SLUG["contacts"].fields)},
                                      HTTP_HX_REQUEST="true")

    assert "Write the name on one line." in response.content.decode()
    contact.refresh_from_db()
    assert "\n" not in contact.name and contact.email == "alice@example.com"
