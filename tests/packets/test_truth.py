"""The packet tells the truth: rendered for a matrix of requests, no sentence contradicts the request's
data or another sentence, and no machine word reaches OpenAI's reviewer."""

import re

import pytest
from bs4 import BeautifulSoup

from apps.packets.content import packet_snapshot
from apps.packets.outreach import contact_form_text
from apps.packets.pdf import packet_html
from apps.workspace import services
from apps.workspace.demo import coding_request_seed
from apps.workspace.models import EndpointUsage, FindingAcknowledgement
from apps.workspace.selectors import Assessment
from apps.workspace.taxonomy import DRIVERS, FIELD_CHOICES

from .rendered import fresh

# Sentences that would be false as soon as one endpoint or feature in use is blocked, open or not.
ALL_CLEAR = ["nothing in use is blocked", "No endpoint or feature in use is blocked", "All endpoints and features",
             "every endpoint and feature in use is eligible", "Every endpoint and feature we use is eligible",
             "No blocker", "no blocker"]
USED_ANYWAY = ["used anyway", "we use it anyway"]


def packet_of(zdr_request):
    snapshot = packet_snapshot(Assessment(fresh(zdr_request)))
    text = " ".join(BeautifulSoup(packet_html(snapshot), "html.parser").get_text(" ").split())
    return snapshot, re.sub(r"\( | (?=[,.;:)])", lambda m: m.group().strip(), text)  # "( <code>x</code> )" is "(x)"


def with_batches(clinic, alice, *, acknowledged):
    usage = services.usage_add(zdr_request=clinic, endpoint_path="/v1/batches", user=alice)
    services.item_save(item=usage, fields=["models_used", "monthly_volume", "purpose"], user=alice,
                       data={"models_used": "gpt-5.1-mini", "monthly_volume": 500, "purpose": "Nightly re-checks"},
                       seen=services.fingerprint(usage, ["models_used", "monthly_volume", "purpose"]))
    clinic.monthly_requests += 500  # counted in the request's expected volume too
    clinic.save(update_fields=["monthly_requests"])
    if acknowledged:
        FindingAcknowledgement.objects.create(request=clinic, key=f"usage:{usage.pk}:endpoint", acknowledged_by=alice,
                                              justification="Only de-identified codes go through Batch.")


@pytest.mark.parametrize("control", ["zdr", "mam", ""])  # "": not chosen yet, the preview uses the advice
@pytest.mark.parametrize("batches", ["none", "acknowledged", "open"])
def test_no_sentence_contradicts_the_findings(clinic, alice, control, batches):
    if batches != "none":
        with_batches(clinic, alice, acknowledged=batches == "acknowledged")
    clinic.requested_control = control
    clinic.save()

    snapshot, text = packet_of(clinic)

    blockers = [f for f in snapshot["findings"] if f["severity"] == "blocker"]
    is_open = any(f["is_open"] for f in blockers)
    for phrase in ALL_CLEAR if blockers else USED_ANYWAY:
        assert phrase not in text, (control, batches, phrase)
    # Open blockers make a draft; so do an unchosen control and, under MAM, Batch keeping PHI unanswered.
    assert ("Draft, not for submission." in text) == snapshot["meta"]["is_draft"]
    assert snapshot["meta"]["is_draft"] == (is_open or control == "" or (control == "mam" and batches != "none"))
    assert ("Complete." in text) == (not snapshot["meta"]["is_draft"])
    if blockers and not is_open and not snapshot["meta"]["is_draft"]:
        assert "`" not in text and "/v1/batches is not eligible for ZDR and used anyway" in text
    not_eligible = sum(e["eligibility_key"] == "no" for e in _endpoints(snapshot))
    assert f"{not_eligible} not eligible." in text
    assert not [reason for reason in snapshot["recommendation"]["reasons"] if reason in text]  # the engine's words


def _endpoints(snapshot):
    rows = {e["path"]: e for e in snapshot["catalog"]["endpoints"]}
    paths = dict.fromkeys(u["endpoint_path"] for u in snapshot["request"]["usages"])
    return [{"eligibility_key": rows[p][snapshot["control"]] if p in rows else "no"} for p in paths]


def test_a_request_for_mam_says_why_with_the_data_not_the_portal(clinic, alice):
    with_batches(clinic, alice, acknowledged=False)
    clinic.requested_control = "mam"
    clinic.save()

    snapshot, text = packet_of(clinic)

    assert snapshot["control"] == "mam"
    assert "/v1/batches is not eligible for ZDR. MAM keeps our content out of OpenAI's abuse-monitoring logs" in text
    assert "portal's recommendation" not in text


def known_keys(snapshot):
    """Keys a person never typed: the wizard's vocabularies and the catalog's feature keys."""
    keys = {key for choices in FIELD_CHOICES.values() for key, _ in choices}
    keys |= {feature["key"] for feature in snapshot["catalog"]["features"]}
    return {key for key in keys if re.search(r"[._]", key)}


def test_the_demo_packets_speak_in_words_with_single_stops(clinic, alice, alice_org):
    coding = coding_request_seed(organization=alice_org, owner=alice)
    for zdr_request in (clinic, coding):
        snapshot, text = packet_of(zdr_request)
        tokens = set(re.findall(r"\b[a-z][a-z0-9]*(?:[._][a-z0-9]+)+\b", text))
        assert not tokens & known_keys(snapshot), zdr_request.title
        assert not re.search(r"(?<!\.)\.\.(?!\.)|,,|\. \.", text), re.search(r".{40}\.\..{10}", text)
        assert "Error" not in text


def test_the_demo_packet_that_keeps_a_blocker_says_so_on_the_cover(catalog_loaded, alice, alice_org):
    coding = coding_request_seed(organization=alice_org, owner=alice)

    snapshot, text = packet_of(coding)

    assert not snapshot["meta"]["is_draft"]
    cover = text.split("Contents")[0]
    assert "Complete. Every section is documented. /v1/batches is not eligible for ZDR and used anyway" in cover
    assert "Why ZDR. ZDR covers everything we use except /v1/batches, which we use anyway" in text
    assert "acknowledged by " + alice.get_full_name() in text


@pytest.mark.parametrize("scope", ["organization", "projects"])
@pytest.mark.parametrize("driver", [key for key, _ in DRIVERS])
def test_every_driver_and_scope_reads_in_words_and_states_only_what_was_chosen(clinic, driver, scope):
    clinic.drivers, clinic.scope = [driver], scope
    clinic.save()

    snapshot, text = packet_of(clinic)

    assert not set(re.findall(r"\b[a-z][a-z0-9]*(?:[._][a-z0-9]+)+\b", text)) & known_keys(snapshot)
    assert "All projects" not in text
    assert ("for the whole organization" in text) == (scope == "organization")
    assert ("HIPAA" in text.split("Commitments and agreements")[-1].split("Rollout and verification")[0]) == (
        driver == "hipaa")


def test_an_unconfirmed_fact_is_marked_unconfirmed_not_done(clinic, alice):
    EndpointUsage.objects.filter(request=clinic).update(features=["previous_response_id"])

    html = packet_html(packet_snapshot(Assessment(fresh(clinic))))

    assert 'mark-unconfirmed">Unconfirmed' in html and 'mark-done">Unconfirmed' not in html


def test_the_glossary_states_the_exceptions(clinic):
    _, text = packet_of(clinic)

    assert "suspected CSAM in image and file inputs is still retained for manual review" in text
    assert "longer if required by law" in text


def test_the_contact_form_text_never_doubles_a_full_stop(clinic):
    clinic.contacts.all().delete()  # no contact: the form names the legal entity, "… Inc."
    snapshot = packet_snapshot(Assessment(fresh(clinic)))

    text = contact_form_text(snapshot, 2000)

    assert "Northwind Clinic Group, Inc. Our justification packet" in text and ".." not in text
