import json

from django.core.management import call_command
from django.db.models import F
from django.urls import reverse

from apps.workspace.models import EndpointUsage, FindingAcknowledgement, WarningAnswer, ZdrRequest

from .steps import step_url


def add_batches(clinic):
    """A nightly batch of 100 requests a month, counted in the request's expected volume too."""
    ZdrRequest.objects.filter(pk=clinic.pk).update(monthly_requests=F("monthly_requests") + 100)
    return EndpointUsage.objects.create(
        request=clinic, position=9, endpoint_path="/v1/batches", models_used="gpt-5.1", monthly_volume=100
    )


def test_the_batch_blocker_shows_its_remediation_and_disappears_when_fixed(client_for, alice, clinic):
    client = client_for(alice)
    usage = add_batches(clinic)
    html = client.get(step_url(clinic, "usage")).content.decode()
    assert "/v1/batches is not eligible for ZDR" in html
    assert "synchronous" in html

    client.post(reverse("workspace:item_delete", args=[clinic.pk, "usages", usage.pk]))

    assert "/v1/batches is not eligible" not in client.get(step_url(clinic, "usage")).content.decode()


def test_a_blocker_can_be_acknowledged_with_a_justification(client_for, alice, clinic):
    client = client_for(alice)
    usage = add_batches(clinic)
    key = f"usage:{usage.pk}:endpoint"
    url = reverse("workspace:acknowledge", args=[clinic.pk])

    refused = client.post(url, {"key": key, "justification": "  "}, follow=True)
    assert "Say why the team keeps this design" in refused.content.decode()
    assert not FindingAcknowledgement.objects.exists()

    client.post(url, {"key": key, "justification": "Only synthetic test data goes through Batch."})
    review = client.get(step_url(clinic, "review")).content.decode()

    assert "Blocker, acknowledged" in review and "Only synthetic test data goes through Batch." in review
    assert "Everything is documented and no blocker is open" in review
    banner = review.split('id="recommendation"')[1].split("</div>")[0]
    assert "alert-warning" in banner and "alert-success" not in banner  # not eligible, used anyway: not green
    assert "but 1 blocker is acknowledged" in banner and "All endpoints" not in banner
    assert "Acknowledged</strong> by " + alice.get_full_name() in review  # a name, not an email address


def test_the_review_names_features_not_their_keys(client_for, alice, clinic):
    EndpointUsage.objects.filter(request=clinic).update(features=["store_true", "background_mode"])

    review = client_for(alice).get(step_url(clinic, "review")).content.decode()

    endpoints = review.split(">Endpoints</dt>")[1].split("</dd>")[0]
    assert "store_true" not in endpoints and "background_mode" not in endpoints
    assert "Background mode" in endpoints


def test_acknowledging_something_that_is_not_a_blocker_is_refused(client_for, alice, clinic):
    response = client_for(alice).post(
        reverse("workspace:acknowledge", args=[clinic.pk]),
        {"key": "usage:999:endpoint", "justification": "x"},
        follow=True,
    )
    assert "no longer a blocker" in response.content.decode()
    assert not FindingAcknowledgement.objects.exists()


def test_export_json_has_the_whole_request(client_for, alice, clinic):
    add_batches(clinic)
    data = json.loads(client_for(alice).get(reverse("workspace:export", args=[clinic.pk])).content)

    assert data["request"]["title"] == clinic.title and data["request"]["openai_org_id"] == "org-NorthwindClinic2026"
    assert len(data["request"]["flows"]) == 3 and len(data["request"]["usages"]) == 3
    assert data["catalog_version"]["as_of"] == "2026-09-22"
    assert any(f["severity"] == "blocker" and f["endpoint_path"] == "/v1/batches" for f in data["findings"])
    assert data["completeness"]["percent"] < 100


def test_a_newer_catalog_shows_what_changed_and_moves_in_one_action(
    client_for, alice, clinic, newer_document, write_catalog
):
    add_batches(clinic)
    call_command("load_catalog", str(write_catalog(newer_document)), stdout=open("/dev/null", "w"))  # noqa: SIM115
    client = client_for(alice)

    html = client.get(step_url(clinic, "review")).content.decode()
    assert "A newer catalog exists" in html and "/v1/batches" in html and "Remediation changed" in html

    client.post(reverse("workspace:catalog_upgrade", args=[clinic.pk]))

    clinic.refresh_from_db()
    assert str(clinic.catalog_version.as_of) == "2026-11-01"
    assert "A newer catalog exists" not in client.get(step_url(clinic, "review")).content.decode()


def test_step_pages_keep_a_flat_query_count(client_for, alice, clinic, django_assert_max_num_queries):
    client = client_for(alice)
    for n in range(20):
        usage = EndpointUsage.objects.create(
            request=clinic,
            position=10 + n,
            endpoint_path="/v1/embeddings",
            models_used="text-embedding-3",
            monthly_volume=5,
        )
        clinic.flows.create(position=10 + n, source_system=f"System {n}", usage=usage, output_store=f"Store {n}")
    for step in ("organization", "flows", "usage", "review"):
        with django_assert_max_num_queries(20):
            assert client.get(step_url(clinic, step)).status_code == 200
    with django_assert_max_num_queries(12):
        client.get(reverse("workspace:list"))


def background_usage(clinic):
    usage = EndpointUsage.objects.create(request=clinic, position=8, endpoint_path="/v1/responses",
                                         models_used="gpt-5.1", monthly_volume=100, features=["background_mode"])
    return usage, f"usage:{usage.pk}:feature:background_mode"


def test_an_unanswered_warning_asks_for_an_answer_and_makes_the_request_incomplete(client_for, alice, clinic):
    client = client_for(alice)
    usage, key = background_usage(clinic)
    review = client.get(step_url(clinic, "review")).content.decode()

    assert "Answer how you handle: Background mode: allowed under ZDR with limitations" in review
    assert f'id="answer-{key}"' in review
    assert "The catalog suggests:" in review

    response = client.post(reverse("workspace:warning_answer", args=[clinic.pk]),
                           {"key": key, "text": "We poll within a minute and keep no PHI in background jobs.",
                            "next_step": "review"})

    assert response.status_code == 302 and response["Location"].endswith(f"#finding-{key}")
    assert WarningAnswer.objects.get(key=key).text.startswith("We poll within a minute")
    review = client.get(step_url(clinic, "review")).content.decode()
    assert "Answer how you handle" not in review and "We poll within a minute" in review


def test_answering_with_htmx_swaps_the_warning_and_empty_removes_the_answer(client_for, alice, clinic):
    client = client_for(alice)
    usage, key = background_usage(clinic)
    url = reverse("workspace:warning_answer", args=[clinic.pk])

    swapped = client.post(url, {"key": key, "text": "Not applicable because we only poll once.",
                                "next_step": "usage"}, HTTP_HX_REQUEST="true")
    assert swapped.status_code == 200 and "Not applicable because we only poll once." in swapped.content.decode()
    assert "Update the answer" in swapped.content.decode()

    client.post(url, {"key": key, "text": "  ", "next_step": "usage"}, HTTP_HX_REQUEST="true")
    assert not WarningAnswer.objects.filter(key=key).exists()


def test_a_refused_answer_keeps_what_was_typed_at_the_field(client_for, alice, clinic):
    client = client_for(alice)
    usage, key = background_usage(clinic)
    url = reverse("workspace:warning_answer", args=[clinic.pk])
    too_long = "We poll quickly. " * 200

    page = client.post(url, {"key": key, "text": too_long, "next_step": "review"})
    html = page.content.decode()
    assert page.status_code == 400 and "at most 2000 characters" in html and "We poll quickly. We poll" in html

    gone = client.post(url, {"key": "usage:999:endpoint", "text": "Kept text", "next_step": "review"},
                       HTTP_HX_REQUEST="true").content.decode()
    assert "no longer applies" in gone and "Kept text" in gone
    assert not WarningAnswer.objects.exists() or not WarningAnswer.objects.filter(key=key).exists()


def test_the_demo_clinic_answers_its_only_warning_and_stays_complete(client_for, alice, clinic):
    review = client_for(alice).get(step_url(clinic, "review")).content.decode()

    assert "lab-result PDFs" in review and "Answer how you handle" not in review
    assert "Background mode" not in review


def test_a_hipaa_team_is_not_quietly_steered_to_mam(client_for, alice, clinic):
    """The finding of the issue: Assistants and Batches in use, no control chosen, the banner was green MAM."""
    clinic.requested_control = ""
    clinic.save()
    add_batches(clinic)
    assistants = EndpointUsage.objects.create(request=clinic, position=10, endpoint_path="/v1/assistants",
                                              models_used="gpt-5.1", monthly_volume=10)
    html = client_for(alice).get(step_url(clinic, "review")).content.decode()

    banner = html.split('id="recommendation"')[1].split("</div>")[0]
    assert "alert-success" not in banner and "alert-warning" in banner
    assert "No control chosen yet" in banner and "Advice: ZDR." in banner
    compare = html.split('id="recommendation"')[1].split("</table>")[0]
    assert "choose ZDR or MAM on Organization and contacts" in compare
    assert "Why ZDR is usually what a team with regulated data needs" in compare
    mam = compare.split('id="option-mam"')[1].split("</tr>")[0]
    assert "/v1/assistants: application state until deleted" in mam and "/v1/batches" in mam

    client_for(alice).post(step_url(clinic, "organization"), {**organization_data(clinic), "requested_control": "mam"})
    html = client_for(alice).get(step_url(clinic, "usage")).content.decode()
    card = html.split(f'id="finding-usage:{assistants.pk}:endpoint"')[1].split("Source:")[0]
    assert "keeps regulated data as application state until deleted under MAM" in card
    assert "text-bg-warning" in card and "text-bg-info" not in card


def organization_data(clinic):
    from apps.workspace.services import fingerprint
    from apps.workspace.steps import STEP_BY_SLUG

    fields = STEP_BY_SLUG["organization"].fields
    data = {name: getattr(clinic, name) for name in fields}
    data["project_ids"] = ", ".join(clinic.project_ids)
    data["seen"] = fingerprint(clinic, fields)
    return data
