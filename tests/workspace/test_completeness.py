from django.urls import reverse

from apps.workspace.completeness import completeness
from apps.workspace.models import EndpointUsage, ZdrRequest
from apps.workspace.selectors import Assessment, request_get


def assess(zdr_request):
    return Assessment(request_get(organization=zdr_request.organization, request_id=zdr_request.pk))


def test_the_clinic_example_is_complete(clinic):
    result = assess(clinic).completeness
    assert result.missing == []
    assert result.percent == 100


def test_a_new_request_lists_exactly_what_is_missing_with_links(blank_request):
    result = assess(blank_request).completeness
    labels = [m.label for m in result.missing]

    assert "OpenAI organization ID" in labels and "Legal entity" in labels
    assert "A security or privacy contact with name and email" in labels
    assert "At least one data flow" in labels and "At least one endpoint usage" in labels
    assert "A primary contact with name and email" not in labels  # the owner is the primary contact
    assert result.steps["organization"].percent < 100
    assert {m.anchor for m in result.missing if m.step == "use-case"} >= {
        "div_id_product_description",
        "div_id_drivers",
    }


def test_other_driver_needs_words():
    snapshot = {"drivers": ["other"], "drivers_other": "", "contacts": [], "flows": [], "usages": []}
    missing = [m.label for m in completeness(snapshot).steps["use-case"].missing]
    assert "The other driver, in words" in missing


def test_an_open_blocker_keeps_the_request_incomplete(clinic):
    EndpointUsage.objects.create(request=clinic, endpoint_path="/v1/batches", models_used="gpt-5.1", monthly_volume=10)
    result = assess(clinic).completeness

    assert result.percent < 100
    assert any("Resolve or acknowledge" in m.label and "/v1/batches" in m.label for m in result.missing)


def test_an_unanswered_warning_keeps_the_request_incomplete_and_links_to_its_answer(client_for, alice, clinic):
    usage = EndpointUsage.objects.create(request=clinic, endpoint_path="/v1/chat/completions", models_used="gpt-5.1",
                                         monthly_volume=10)
    result = assess(clinic).completeness
    key = f"usage:{usage.pk}:endpoint"

    assert result.percent < 100
    (missing,) = [m for m in result.missing if m.label.startswith("Answer how you handle")]
    assert missing.label == "Answer how you handle: /v1/chat/completions is eligible for ZDR with limitations"
    assert missing.anchor == f"answer-{key}"
    html = client_for(alice).get(reverse("workspace:step", args=[clinic.pk, missing.step])).content.decode()
    assert f'id="{missing.anchor}"' in html


def test_the_review_page_links_every_missing_item_to_its_field(client_for, alice, blank_request):
    html = client_for(alice).get(reverse("workspace:step", args=[blank_request.pk, "review"])).content.decode()
    assert f'href="/requests/{blank_request.pk}/steps/organization/#div_id_legal_entity"' in html


def test_every_missing_item_links_to_an_element_on_its_step(client_for, alice, blank_request):
    from apps.workspace.models import DataFlow, EndpointUsage

    EndpointUsage.objects.create(request=blank_request, endpoint_path="/v1/responses")
    DataFlow.objects.create(request=blank_request)
    blank_request.drivers = ["other"]
    blank_request.save()
    client = client_for(alice)
    missing = assess(blank_request).completeness.missing
    pages = {}
    for item in missing:
        if item.step not in pages:
            pages[item.step] = client.get(
                reverse("workspace:step", args=[blank_request.pk, item.step])
            ).content.decode()
        assert f'id="{item.anchor}"' in pages[item.step], f"{item.label} links to #{item.anchor}, not on {item.step}"


def test_an_empty_request_is_zero_percent_on_every_step_and_in_total():
    result = completeness({})
    assert result.percent == 0
    assert {slug: score.percent for slug, score in result.steps.items()} == dict.fromkeys(result.steps, 0)


def test_a_brand_new_request_does_not_show_review_complete(client_for, alice, blank_request):
    """Only the control and the owner as primary contact are known: 2 of 46 things."""
    result = assess(blank_request).completeness
    assert result.steps["review"].percent == result.percent == 4 and not result.steps["review"].is_complete
    html = client_for(alice).get(reverse("workspace:step", args=[blank_request.pk, "organization"])).content.decode()
    review_item = html.split("/steps/review/")[1].split("</li>")[0]
    assert ">4%<" in review_item and "text-bg-success" not in review_item


def test_an_open_blocker_keeps_the_usage_step_incomplete(client_for, alice, clinic):
    EndpointUsage.objects.create(request=clinic, endpoint_path="/v1/batches", models_used="gpt-5.1", monthly_volume=10)
    usage = assess(clinic).completeness.steps["usage"]
    assert usage.percent < 100 and not usage.is_complete
    assert any(m.label.startswith("Resolve or acknowledge: /v1/batches") for m in usage.missing)
    html = client_for(alice).get(reverse("workspace:step", args=[clinic.pk, "usage"])).content.decode()
    assert "This step is complete" not in html and "missing on this step" in html


def test_review_sums_up_every_step(clinic):
    clinic.incident_response = ""
    clinic.save()
    result = assess(clinic).completeness
    assert result.steps["safeguards"].missing and result.steps["review"].percent < 100
    assert result.steps["review"].missing == result.missing == result.steps["safeguards"].missing
    assert result.first_incomplete_step() == "safeguards"


def test_a_request_without_a_chosen_control_is_not_complete(clinic):
    clinic.requested_control = ""
    clinic.save()
    missing = assess(clinic).completeness.steps["organization"].missing
    assert [(m.label, m.anchor) for m in missing] == [("The control you request (ZDR or MAM)",
                                                         "div_id_requested_control")]


def test_usage_volumes_must_add_up_to_the_expected_requests(clinic):
    """The packet gives both figures (the letter the use case's, the endpoint table the usages'), so a
    request is complete only when they agree: the missing item says both numbers."""
    assert assess(clinic).completeness.percent == 100
    ZdrRequest.objects.filter(pk=clinic.pk).update(monthly_requests=91234)

    usage = assess(clinic).completeness.steps["usage"]

    assert [m.label for m in usage.missing] == [
        "Usage volumes (80,000 a month in all) and the use case's expected requests a month (91,234) agree"]
    assert usage.missing[0].anchor == "usages"
