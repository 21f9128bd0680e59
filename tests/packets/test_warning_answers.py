"""The packet prints the limitations that apply and the team's answer to each, never the catalog's advice."""

import re

from django.db.models import F
from django.utils.html import strip_tags

from apps.packets.content import packet_snapshot
from apps.packets.pdf import packet_html
from apps.workspace.models import EndpointUsage, ZdrRequest
from apps.workspace.selectors import Assessment
from apps.workspace.services import warning_answer

from .rendered import fresh


def packet_text(zdr_request):
    assessment = Assessment(fresh(zdr_request))
    snapshot = packet_snapshot(assessment)
    return snapshot, " ".join(strip_tags(packet_html(snapshot)).split())


def test_the_clinic_packet_prints_only_the_limitation_it_is_concerned_by_with_its_answer(clinic):
    snapshot, text = packet_text(clinic)

    assert not snapshot["meta"]["is_draft"]
    assert "Limitations we plan for" in text
    assert "How we handle it: We send only lab-result PDFs" in text
    assert "1 documented limitation applies to what we use; section 7 says how we handle it." in text
    # (the HIPAA terms the team accepts may name live web search; its catalog limitation may not appear)
    unused_limitations = ("Background mode", "Remote MCP", "Hosted Shell", "Live web search is not HIPAA-eligible",
                          "Audio state")
    for unused in unused_limitations:
        assert unused not in text
    assert "What we do" not in text and "planned for them" not in text
    assert "The catalog lists 9 more for this endpoint, about features we do not use." in text


def test_an_unanswered_warning_makes_the_packet_a_draft_and_says_so(clinic, alice):
    EndpointUsage.objects.create(request=clinic, position=8, endpoint_path="/v1/responses", models_used="gpt-5.1",
                                 monthly_volume=100, features=["background_mode"])

    snapshot, text = packet_text(clinic)

    assert snapshot["meta"]["is_draft"]
    assert "Limitations that apply to what we use" in text and "Limitations we plan for" not in text
    assert "How we handle it: Not answered yet" in text
    assert "2 documented limitations apply to what we use; 1 is not answered yet (section 7)." in text
    assert "Background mode keeps response data on disk" in text
    background = next(f for f in snapshot["findings"] if f["feature_key"] == "background_mode")
    assert background["remediation"] and background["remediation"] not in text


def test_answering_it_makes_the_packet_final_again(clinic, alice):
    ZdrRequest.objects.filter(pk=clinic.pk).update(monthly_requests=F("monthly_requests") + 100)  # counted in all
    usage = EndpointUsage.objects.create(request=clinic, position=8, endpoint_path="/v1/responses",
                                         models_used="gpt-5.1", monthly_volume=100, features=["background_mode"])
    warning_answer(zdr_request=clinic, key=f"usage:{usage.pk}:feature:background_mode",
                   text="Background jobs only carry tokenized notes; we poll within a minute.", user=alice)

    snapshot, text = packet_text(clinic)

    assert not snapshot["meta"]["is_draft"]
    assert "How we handle it: Background jobs only carry tokenized notes" in text
    assert re.search(r"2 documented limitations apply to what we use; section 7 says how we handle each\.", text)
