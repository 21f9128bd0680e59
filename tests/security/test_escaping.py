"""Text a team types is shown as text on every page that shows it: packet pages, drafts, tracking
and history included, not only the wizard."""

from django.urls import reverse

from apps.packets.models import PacketVersion
from apps.workspace.models import ZdrRequest

PAYLOAD = '<script>alert("zdr")</script><img src=x onerror=alert(1)>'


def test_typed_markup_is_escaped_on_every_page_of_a_request(client_for, alice, alice_world):
    zdr_request = ZdrRequest.objects.get(organization=alice_world)
    ZdrRequest.objects.filter(pk=zdr_request.pk).update(
        legal_entity=PAYLOAD, product_description=PAYLOAD, title=f"Notes {PAYLOAD}"
    )
    zdr_request.contacts.update(name=PAYLOAD)
    client = client_for(alice)
    client.post(reverse("packets:generate", args=[zdr_request.pk]))
    version = PacketVersion.objects.filter(request=zdr_request).order_by("-number").first()
    pages = [
        reverse("workspace:step", args=[zdr_request.pk, "review"]),
        reverse("packets:packet", args=[zdr_request.pk]),
        reverse("packets:version", args=[zdr_request.pk, version.number]),
        reverse("tracking:detail", args=[zdr_request.pk]),
        reverse("audit:history", args=[zdr_request.pk]),
        reverse("portal:dashboard"),
    ]
    for url in pages:
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code == 200, url
        assert "<script>alert" not in body and "<img src=x" not in body, url
    assert "&lt;script&gt;alert(&quot;zdr&quot;)&lt;/script&gt;" in client.get(pages[2]).content.decode()
