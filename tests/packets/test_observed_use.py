"""The packet says what the Admin API saw and the request does not declare, read back from the PDF:
the exact sentence, and the blocker counted wherever the packet counts endpoints and blockers."""

from datetime import timedelta

import pytest
from django.urls import reverse

from apps.packets.models import PacketState
from apps.packets.outreach import contact_form_text
from apps.tracking.models import UsageCheck
from apps.workspace import services
from tests.tracking.test_usage_check import PROJECT, batches_and_responses, run

from .rendered import flat, pdf_pages, rendered_version

KEY = f"observed:{PROJECT}:/v1/batches:"


@pytest.fixture
def checked(clinic, alice, client_for, fake_admin_api):
    """The clinic after a usage check that saw 1,240 Batch API calls it does not declare."""
    batches_and_responses(fake_admin_api)
    run(client_for(alice), clinic)
    return clinic


def pdf_text(zdr_request, user):
    version = rendered_version(zdr_request, user)
    assert version.state == PacketState.READY, version.failure_reason
    return version, "\n".join(pdf_pages(version)[1])


def test_the_packet_gives_the_exact_sentence_and_counts_the_blocker(checked, alice):
    version, text = pdf_text(checked, alice)
    read = UsageCheck.objects.get().ran_at
    start = read - timedelta(days=30)
    assert flat(f"{PROJECT} called /v1/batches 1,240 times in the 30 days from {start:%Y-%m-%d} to {read:%Y-%m-%d}, "
                f"according to the Admin API's usage read on {read:%Y-%m-%d}.") in flat(text)
    assert version.is_draft and "DRAFT" in text
    assert flat("1 open blocker") in flat(text)  # the executive summary's count
    # The letter and the summary count the undeclared endpoint with the declared ones, never "0 not eligible".
    counted = flat("Under ZDR: 0 eligible, 1 eligible with limitations, 1 not eligible. Of these, 1 is in use in our "
                   f"projects but not declared in this request: the Admin API's usage, read on {read:%Y-%m-%d}")
    assert flat(text).count(counted) == 3  # the letter, the summary and the findings section
    assert flat("0 not eligible") not in flat(text)
    assert flat(f"We call 2 OpenAI endpoints (/v1/responses, /v1/batches in {PROJECT}, not declared") in flat(text)
    assert flat(f"Undeclared use of /v1/batches in {PROJECT} is not eligible and not yet resolved") in flat(text)
    assert flat("No endpoint or feature in use is blocked") not in flat(text)


def test_acknowledged_it_is_counted_as_used_anyway_with_the_justification(checked, alice):
    services.finding_acknowledge(zdr_request=checked, key=KEY, justification="Nightly re-summaries carry no PHI.",
                                 user=alice)
    version, text = pdf_text(checked, alice)
    assert not version.is_draft and "DRAFT" not in text
    assert flat("1 blocker used anyway") in flat(text)
    assert flat("Nightly re-summaries carry no PHI.") in flat(text)
    assert flat(f"undeclared use of /v1/batches in {PROJECT}") in flat(text)


def test_the_contact_form_text_counts_it_too(checked, alice):
    version, _ = pdf_text(checked, alice)
    text = contact_form_text(version.snapshot, 5000)
    assert f"/v1/batches in {PROJECT} (in use, not declared)" in text and "open blocker(s)" in text


def test_the_preview_page_lists_it_beside_the_declared_endpoints(checked, alice, client_for):
    page = client_for(alice).get(reverse("packets:packet", args=[checked.pk])).content.decode()
    assert "not declared in this request" in page and "1,240 requests" in page
