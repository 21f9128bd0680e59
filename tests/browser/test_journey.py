"""The whole journey in Chromium, as a new team walks it: sign in, document the clinic case step by
step, fix the Batch blocker, generate the packet (rendered by a real worker) and download it, have
a reviewer sign it off, submit it, see the follow-up fall due, log OpenAI's reply, record the
approval and verify it against the local fake Admin API."""

import io
import re
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from apps.packets.models import PacketVersion
from apps.tracking.models import FollowUp
from apps.tracking.tasks import sweep_follow_ups
from tests.catalog.shipped import SHIPPED
from tests.fakes.openai_admin import VALID_KEY
from tests.worker import wait_for

TITLE = "Clinic notes assistant"
ORG_ID = "org-Clinic42Notes"
PROJECT = "proj_ClinicNotes01"
WAIT = 15_000  # ms: a page, or an autosave's answer
RENDER = 60_000  # ms: the worker renders the PDF
APPROVAL_EMAIL = (b"From: Jordan Lee <jordan.lee@openai.example>\nTo: alice@example.com\n"
                  b"Subject: ZDR approved\n\nZero Data Retention is enabled for org-Clinic42Notes.\n")


def autosaved(scope):
    """The autosave's answer: "Saving…" shows until the last change is stored."""
    expect(scope.get_by_text(re.compile(r"Saved at \d\d:\d\d"))).to_be_visible(timeout=WAIT)


def fill_item(card, **labels):
    for label, value in labels.items():
        field = card.get_by_label(label, exact=True)
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    autosaved(card)


def save_and_continue(page, next_step):
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1, name=next_step)).to_be_visible(timeout=WAIT)


def main_nav(page, name):
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name).click()


def switch_user(page, sign_in, current, user):
    page.get_by_role("button", name=str(current)).click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    sign_in(user)


def test_a_new_team_goes_from_sign_in_to_verified(page, sign_in, alice, bob, celery_worker_process,
                                                  fake_admin_api):
    call_command("load_catalog", str(SHIPPED), stdout=io.StringIO())
    fake_admin_api.state.projects = {PROJECT: "organization_default"}
    page.set_default_timeout(WAIT)
    cards = page.get_by_role("article")  # the contacts, flows or usages of a step

    # Sign in and start a request from the empty dashboard.
    sign_in(alice)
    page.get_by_role("link", name="Start a request").click()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Requested control").select_option(label="Zero Data Retention (ZDR)")
    page.get_by_label("OpenAI organization ID").fill(ORG_ID)
    page.get_by_role("button", name="Create request").click()

    # 1. Organization and contacts (alice is the primary contact already).
    expect(page.get_by_role("heading", level=1, name="Organization and contacts")).to_be_visible()
    page.get_by_label("What the control should cover").select_option(label="Named projects only")
    page.get_by_label("OpenAI project IDs").fill(PROJECT)
    page.get_by_label("Legal entity").fill("Northwind Clinic Group, Inc.")
    page.get_by_label("Country").fill("United States")
    page.get_by_label("Website").fill("https://northwind-clinic.example.com")
    page.get_by_label("Usage tier or agreement").select_option(label="Enterprise agreement")
    autosaved(page.locator("#save-status-main"))
    page.get_by_role("button", name="Add a contact").click()
    fill_item(cards.last, Role="Security contact", Name="Sam Okafor", Email="security@northwind-clinic.example.com",
              **{"Job title": "CISO"})
    page.get_by_role("button", name="Add a contact").click()
    fill_item(cards.last, Role="OpenAI account manager", Name="Jordan Lee", Email="jordan.lee@openai.example")
    save_and_continue(page, "Use case")

    # 2. Use case; a reload half-way keeps what autosave stored.
    page.get_by_label("What the product does").fill(
        "Turns the clinician's dictation and attached lab reports into a draft visit note.")
    page.get_by_label("Who its users are").fill("About 180 physicians and nurses in 12 clinics.")
    page.get_by_label("Why the data is sensitive").fill("Dictations and lab reports are PHI.")
    page.get_by_label("HIPAA / PHI").check()
    page.get_by_label("SOC 2 / customer contracts").check()
    autosaved(page.locator("#save-status-main"))
    page.reload()
    expect(page.get_by_label("Who its users are")).to_have_value("About 180 physicians and nurses in 12 clinics.")
    expect(page.get_by_label("SOC 2 / customer contracts")).to_be_checked()
    page.get_by_label("Expected requests a month").fill("80000")
    page.get_by_label("Expected tokens a month").fill("240000000")
    page.get_by_label("Why retention at OpenAI is a problem").fill(
        "HIPAA and our hospital contracts forbid PHI kept by sub-processors beyond what the service needs.")
    save_and_continue(page, "Data inventory")  # at once: the autosave of the same input is still running

    # 3. Data inventory.
    page.get_by_label("Health and medical records (PHI)").check()
    page.get_by_label("Name", exact=True).check()
    page.get_by_label("Patients").check()
    page.get_by_label("Sensitivity").select_option(label="High: regulated data (PHI, financial, legal)")
    page.get_by_label("Redaction of identifiers before sending").check()
    page.get_by_label("Minimization notes").fill("Names and MRNs are replaced by tokens before the call.")
    save_and_continue(page, "Data flows")

    # 4. Data flows: dictations go to Responses, the nightly patient summaries to Batch.
    for source, endpoint, returns, store in [("EHR (Epic)", "/v1/responses", "Draft visit note", "Clinical notes DB"),
                                             ("Clinical notes DB", "/v1/batches", "Patient summary", "Patient portal")]:
        page.get_by_role("button", name="Add a data flow").click()
        card = cards.last
        card.get_by_label("Health and medical records (PHI)").check()
        card.get_by_label("OpenAI endpoint it goes to").select_option(endpoint)
        fill_item(card, **{"Source system": source, "What comes back": returns, "Where the output is stored": store,
                           "Our retention": "Until signed + 30 days"})
    expect(page.get_by_role("region", name="Data-flow diagram").locator("svg")).to_contain_text("/v1/batches")
    page.get_by_role("link", name="Endpoint usage").click()

    # 5. Endpoint usage: the Batch blocker with its remediation, fixed by going synchronous.
    expect(page.get_by_role("heading", level=1, name="Endpoint usage")).to_be_visible()
    responses, batches = cards.nth(0), cards.nth(1)
    responses.get_by_label("File inputs").check()
    fill_item(responses, Models="gpt-5.1", **{"Monthly requests": "40000",
                                             "Purpose": "Draft visit notes from dictation and lab PDFs"})
    fill_item(batches, Models="gpt-5.1-mini", **{"Monthly requests": "40000", "Purpose": "Nightly patient summaries"})
    expect(batches.get_by_text("/v1/batches is not eligible for ZDR", exact=True)).to_be_visible()
    expect(batches).to_contain_text("What to do: Make synchronous calls to a ZDR-eligible endpoint instead")
    expect(page.locator("#recommendation")).to_contain_text("1 open blocker under ZDR")
    batches.get_by_label("Endpoint").select_option("/v1/responses")
    expect(page.locator("#recommendation")).to_contain_text("No open blocker under ZDR")
    autosaved(batches)
    # The one limitation that applies (file inputs are scanned for CSAM) asks how the team handles it.
    answer = responses.get_by_label("How we handle it (goes into the packet)")
    answer.fill("Only lab-result PDFs from our own lab system are sent, never images.")
    responses.get_by_role("button", name="Save the answer").click()
    expect(responses.get_by_role("button", name="Update the answer")).to_be_visible()
    page.get_by_role("link", name="Safeguards").click()

    # 6. Safeguards; 7. the review shows 100%.
    for label, text in [
        ("Encryption in transit", "TLS 1.2+ everywhere."), ("Encryption at rest", "AES-256, keys in our KMS."),
        ("Access control", "SSO with MFA, role-based access."), ("Logging and monitoring", "Metadata only."),
        ("Our own retention policy", "Drafts deleted 30 days after signing."),
        ("Incident response", "24/7 on-call, HIPAA breach process."),
    ]:
        page.get_by_label(label).fill(text)
    page.get_by_label("SOC 2 Type II").check()
    save_and_continue(page, "Commitments")

    # 7. Commitments: OpenAI's terms accepted, the abuse measures that replace its monitoring, HIPAA.
    for label in ["Responsibility for our end users' compliance", "Responsibility for moderation and reporting",
                  "The CSAM exception", "Under ZDR, store is always treated as false",
                  "Models that require retention are excluded", "End users are authenticated",
                  "Human review of outputs", "Only ZDR-eligible endpoints are covered by a BAA",
                  "Live web search is not covered by a BAA"]:
        page.get_by_label(label).check()
    page.get_by_label("Measures we do not take").fill("Only signed-in clinicians use it; every draft is reviewed.")
    page.get_by_label("Business Associate Agreement").select_option(label="BAA wanted")
    page.get_by_label("How the BAA is requested").select_option(label="Requested from baa@openai.com")
    page.get_by_label("Data residency requirement").select_option(label="United States")
    page.get_by_label("Where our systems process the data").fill("AWS us-east-1")
    page.get_by_label("Data Processing Addendum (DPA)").select_option(label="OpenAI's DPA is signed")
    save_and_continue(page, "Rollout and verification")

    # 8. Rollout and verification.
    page.get_by_label("Planned go-live date").fill("2027-03-01")
    page.get_by_label("Expected OpenAI spend").select_option(label="$1,000 to $10,000 a month")
    page.get_by_label("If our request is declined, we accept").select_option(label="Modified Abuse Monitoring (MAM)")
    page.get_by_label("Why that fallback").fill("No feature of ours needs stored responses.")
    page.get_by_label("Admin API: GET /v1/organization/data_retention returns the approved type").check()
    page.get_by_label("Re-verification").select_option(label="Every quarter")
    page.get_by_label("Authorized signatory: name").fill("Lena Hart")
    page.get_by_label("Authorized signatory: title").fill("CMIO")
    page.get_by_label("Authorized signatory: email").fill("lena.hart@northwind-clinic.example.com")
    save_and_continue(page, "Review")
    steps = page.get_by_role("navigation", name="Steps of the request")
    expect(steps.get_by_role("progressbar", name="Completeness")).to_have_attribute("value", "100")
    expect(steps).to_contain_text("100%")
    expect(page.get_by_role("heading", name="Completeness: 100%")).to_be_visible()

    # The packet: the worker renders it while the page polls; the page is never reloaded.
    page.get_by_role("link", name="Packet", exact=True).click()
    page.get_by_role("button", name="Generate PDF version").click()
    page.wait_for_url("**/packet/v1/")
    page.evaluate("window.journeyMarker = 1")  # gone if the page reloads
    expect(page.locator("#version-live [data-state]")).to_have_text("Ready", timeout=RENDER)
    assert page.evaluate("window.journeyMarker") == 1
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    pdf = PdfReader(download.value.path())
    text = "\n".join(p.extract_text() for p in pdf.pages)
    version = PacketVersion.objects.get(request__title=TITLE)
    assert 8 <= len(pdf.pages) <= 14 and len(pdf.pages) == version.page_count
    assert pdf.metadata.title == f"ZDR request: {TITLE} (v1)" and ORG_ID in pdf.metadata.subject
    assert TITLE in text and ORG_ID in text and "Sam Okafor" in text and "DRAFT" not in text

    # Internal review: alice sends it and makes bob a reviewer; bob signs off and marks it ready.
    page.get_by_role("link", name="Tracking").click()
    page.get_by_role("button", name="Send to internal review").click()
    expect(page.locator("#status-line")).to_contain_text("Internal review")
    main_nav(page, "Members")
    page.get_by_label("Role of bob@example.com").select_option(label="Reviewer")
    page.get_by_role("row", name=re.compile("bob@example.com")).get_by_role("button", name="Change").click()
    switch_user(page, sign_in, alice, bob)
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name="Packet", exact=True).click()
    page.locator("#approval").get_by_role("link", name="v1").click()  # "v1 has the current content: … sign it off"
    page.get_by_label("Approved").check()
    page.get_by_label("Comment").fill("Matches our DPIA.")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("Current decision: Approved")).to_be_visible()
    page.get_by_role("link", name="Tracking").click()
    page.get_by_role("link", name="Mark ready to send…").click()
    expect(page.get_by_label("Packet version signed off")).to_have_value(str(version.pk))  # the one bob signed off
    page.get_by_role("button", name="Mark ready to send").click()
    expect(page.locator("#status-line")).to_contain_text("Ready to send")

    # Alice records it as submitted through the sales form.
    switch_user(page, sign_in, bob, alice)
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name="Record as submitted…").click()
    page.get_by_label("Packet version sent").select_option(
        label=f"v1 · {version.page_count} pages · SHA-256 {version.sha256[:12]}…")
    page.get_by_label("Sent by").select_option(label="OpenAI sales contact form")
    page.get_by_role("button", name="Record as submitted").click()
    expect(page.locator("#status-line")).to_contain_text("Waiting on OpenAI for 0 days")
    follow_ups = page.get_by_role("region", name="Follow-ups")
    expect(follow_ups).to_contain_text("Follow-up #1")
    expect(follow_ups).not_to_contain_text("Overdue")

    # Time moves on: the follow-up falls due and the worker's sweep emails the owner.
    FollowUp.objects.filter(request__title=TITLE).update(due_at=timezone.now() - timedelta(days=1))
    sweep_follow_ups.delay()
    assert wait_for(FollowUp.objects.filter(request__title=TITLE, sent_at__isnull=False).exists, timeout=30)
    main_nav(page, "Dashboard")
    expect(page.get_by_role("region", name="Needs attention")).to_contain_text(f"{TITLE}: follow-up #1 to OpenAI")
    page.get_by_role("region", name="Needs attention").get_by_role("link", name=TITLE).click()
    expect(follow_ups).to_contain_text("Overdue")
    expect(follow_ups).to_contain_text("owner emailed")
    expect(follow_ups.get_by_label("To", exact=True)).to_have_value("Jordan Lee <jordan.lee@openai.example>")

    # OpenAI answers: logged, and the clock stops.
    page.get_by_text("Log a message, call, meeting or note").click()
    page.get_by_label("Direction").select_option(label="Received from OpenAI")
    page.get_by_label("Counterpart", exact=True).fill("Jordan Lee")
    page.get_by_label("Summary").fill("We are reviewing your request.")
    page.get_by_role("button", name="Add to the log").click()
    expect(page.get_by_role("region", name="Contact log and history")).to_contain_text("We are reviewing your request.")
    expect(follow_ups).not_to_contain_text("Overdue")
    expect(page.locator("#status-line")).to_contain_text("Acknowledged by OpenAI")  # the move offered with the reply

    # The approval with its evidence, then the Admin API check marks the request verified.
    page.get_by_role("link", name="Record approval (ZDR)").click()
    page.get_by_label("Effective date").fill(timezone.localdate().isoformat())
    page.get_by_label("The whole OpenAI organization").check()
    page.get_by_label("OpenAI's message or amendment").fill("ZDR is enabled for org-Clinic42Notes.")
    page.get_by_label("Evidence file").set_input_files(
        files=[{"name": "approval.eml", "mimeType": "message/rfc822", "buffer": APPROVAL_EMAIL}])
    page.get_by_role("button", name="Record approval").click()
    expect(page.locator("#status-line")).to_contain_text("Approved (ZDR)")
    verification = page.get_by_role("region", name="Approval and verification")
    expect(verification.get_by_role("link", name="approval.eml")).to_be_visible()
    page.get_by_role("link", name="Check with the Admin API").click()
    page.get_by_label("Admin key").fill(VALID_KEY)
    page.get_by_role("button", name="Run the check").click()
    expect(page.locator("#status-line")).to_contain_text("Verified")
    expect(verification).to_contain_text("Matches the approval")
    assert VALID_KEY not in page.content()
    main_nav(page, "Dashboard")
    expect(page.get_by_role("row", name=re.compile(TITLE))).to_contain_text("Verified")
