"""The clinic example, filled in completely, for the demo organization (`make run`)."""

from datetime import date

from django.db import transaction

from .models import Contact, DataFlow, EndpointUsage, FindingAcknowledgement, WarningAnswer, ZdrRequest
from .services import request_create

CLINIC_TITLE = "Visit-note summaries for Northwind Clinic"

CLINIC = {
    "requested_control": "zdr",
    "openai_org_id": "org-NorthwindClinic2026",
    "scope": "projects",
    "project_ids": ["proj_NotesAssistant01"],
    "legal_entity": "Northwind Clinic Group, Inc.",
    "country": "United States",
    "website": "https://northwind-clinic.example.com",
    "usage_tier": "enterprise",
    "baa_status": "wanted",
    "product_description": (
        "A note-summarizing assistant inside our electronic health record. After each visit it turns the "
        "clinician's dictation and the attached lab reports into a structured draft visit note and a plain-language "
        "summary for the patient. A clinician reviews and signs every draft."
    ),
    "users_description": "About 180 physicians and nurses in 12 outpatient clinics; patients receive the summaries.",
    "sensitivity_reason": (
        "Dictations and lab reports are protected health information (PHI): diagnoses, medications and results, "
        "linked to identifiable patients."
    ),
    "drivers": ["hipaa", "customer_contracts"],
    "monthly_requests": 80000,
    "monthly_tokens": 240_000_000,
    "expected_volume": "Growing by about half in 2027 as three more clinics join.",
    "retention_problem": (
        "HIPAA and our contracts with partner hospitals require that PHI is not kept by sub-processors beyond what "
        "the service needs. Thirty-day abuse-monitoring logs of dictations would be PHI kept outside our control."
    ),
    "data_categories": ["user.health_and_medical", "user.name", "user.demographic"],
    "data_subjects": ["patient"],
    "sensitivity": "high",
    "minimization": ["redaction", "field_filtering"],
    "minimization_notes": "Names, MRNs and addresses are replaced by tokens before the call and restored after.",
    "encryption_in_transit": "TLS 1.2+ everywhere; mutual TLS between the EHR and the summarizer service.",
    "encryption_at_rest": "AES-256 with keys in our cloud KMS; separate keys per clinic.",
    "access_control": "SSO with MFA; role-based access; the summarizer service has no interactive access.",
    "logging": "Request metadata only (no content) to our SIEM; alerts on unusual volume.",
    "retention_policy": "Drafts are deleted 30 days after signing; signed notes follow the medical-record policy.",
    "incident_response": "24/7 on-call, documented breach-notification process (HIPAA 60-day rule), yearly drills.",
    "certifications": ["soc2", "hipaa_attested"],
    "subprocessors": "Cloud hosting (AWS, us-east-1) under a BAA; OpenAI once the BAA is signed.",
    "requirements_accepted": ["usage_policies", "moderation_reporting", "csam_exception", "store_false",
                              "retention_models"],
    "abuse_measures": ["end_user_auth", "rate_limits", "human_review", "safety_identifiers"],
    "abuse_measures_notes": (
        "We do not call the Moderation endpoint: only signed-in clinicians reach the assistant, and every draft is "
        "reviewed and signed by one before anyone else sees it."
    ),
    "baa_route": "email",
    "hipaa_terms": ["baa_scope", "no_live_web_search"],
    "data_residency": "us",
    "processing_region": "AWS us-east-1 (N. Virginia); no data leaves the United States.",
    "dpa_status": "signed",
    "go_live": date(2027, 3, 1),
    "spend_band": "1k_10k",
    "fallback_control": "mam",
    "fallback_reason": (
        "We use no feature that needs stored responses, so MAM would keep dictations out of abuse-monitoring logs; "
        "we would still ask for ZDR before expanding to more clinics."
    ),
    "verification_plan": ["dashboard", "admin_api_organization", "admin_api_projects", "probe_store"],
    "reverify_interval": "quarterly",
    "signatory_name": "Dr. Lena Hart",
    "signatory_title": "Chief Medical Information Officer",
    "signatory_email": "lena.hart@northwind-clinic.example.com",
}


@transaction.atomic
def clinic_request_seed(*, organization, owner):
    """Create the clinic request once; running again leaves it as it is."""
    existing = ZdrRequest.objects.filter(organization=organization, title=CLINIC_TITLE).first()
    if existing:
        return existing
    zdr_request = request_create(organization=organization, owner=owner, title=CLINIC_TITLE, requested_control="zdr")
    for field, value in CLINIC.items():
        setattr(zdr_request, field, value)
    zdr_request.save()
    Contact.objects.create(
        request=zdr_request,
        position=2,
        role="security",
        name="Sam Okafor",
        email="security@northwind-clinic.example.com",
        job_title="CISO",
    )
    Contact.objects.create(
        request=zdr_request,
        position=3,
        role="account_manager",
        name="(unknown)",
        email="sales@openai.com",
        job_title="OpenAI sales",
    )
    notes = EndpointUsage.objects.create(
        request=zdr_request,
        position=1,
        endpoint_path="/v1/responses",
        models_used="gpt-5.1",
        store="false",  # the clinic keeps the conversation on its side and sends the full history
        features=["file_inputs"],
        monthly_volume=40000,
        purpose="Draft visit notes from dictation and lab PDFs",
    )
    summaries = EndpointUsage.objects.create(
        request=zdr_request,
        position=2,
        endpoint_path="/v1/responses",
        models_used="gpt-5.1-mini",
        store="false",
        features=[],
        monthly_volume=40000,
        purpose="Nightly patient summaries, synchronous calls (was Batch)",
    )
    WarningAnswer.objects.create(  # the lab PDFs are the only file inputs: the one warning that applies
        request=zdr_request, key=f"usage:{notes.pk}:feature:file_inputs", answered_by=owner,
        text="We send only lab-result PDFs from our own lab system, never patient photos or images; "
             "we accept that OpenAI may keep a file it flags as suspected CSAM for manual review.",
    )
    flows = [  # source, what comes back, where it is kept, our retention, the usage it goes to
        ("EHR (Epic)", "Draft visit note (JSON)", "Clinical notes DB", "Until signed + 30 days", notes),
        ("Lab system", "Extracted lab values", "Clinical notes DB", "Until signed + 30 days", notes),
        ("Clinical notes DB", "Patient summary", "Patient portal", "Medical-record policy", summaries),
    ]
    for position, (source, returns, store, retention, usage) in enumerate(flows, start=1):
        DataFlow.objects.create(
            request=zdr_request, position=position, source_system=source, data_categories=["user.health_and_medical"],
            usage=usage, returns=returns, output_store=store, retention=retention,
        )
    return zdr_request


CODING_TITLE = "Nightly billing-code audit for Northwind Clinic"
CODING_JUSTIFICATION = (
    "The nightly audit sends only de-identified billing codes and visit dates, never notes or names, and its "
    "input and output files are deleted by the job after each run (expires_after 24 hours). We accept that the "
    "Batch API keeps this application state until then, and keep every PHI workload on /v1/responses."
)
CODING_BAA_JUSTIFICATION = (
    "No PHI goes through Batch: the nightly audit sends only de-identified billing codes and visit dates, so the "
    "BAA does not need to cover it. Every workload with PHI stays on /v1/responses, which the BAA covers."
)


@transaction.atomic
def coding_request_seed(*, organization, owner):
    """A second, complete request that keeps a blocker on purpose: /v1/batches, acknowledged with a
    justification, so the demo shows how such a packet reads. Created once, like the clinic."""
    existing = ZdrRequest.objects.filter(organization=organization, title=CODING_TITLE).first()
    if existing:
        return existing
    zdr_request = request_create(organization=organization, owner=owner, title=CODING_TITLE, requested_control="zdr")
    values = {
        **CLINIC,
        "project_ids": ["proj_CodingAudit01"],
        "product_description": (
            "A nightly audit of the billing codes of the day's visits: the model flags codes that do not match the "
            "documented procedures, and a coder reviews every flag the next morning."
        ),
        "users_description": "Six medical coders in the revenue-cycle team.",
        "sensitivity_reason": (
            "Billing codes and visit dates describe diagnoses and procedures; linked to a visit they are protected "
            "health information (PHI), so the codes are de-identified before they leave our network."
        ),
        "retention_problem": (
            "Our contracts with partner hospitals require that even de-identified visit data is not kept by "
            "sub-processors beyond what the service needs; thirty-day abuse-monitoring logs would keep it."
        ),
        "data_categories": ["user.health_and_medical", "user.financial"],
        "minimization_notes": "Patient identifiers are removed; visits are keyed by a random token per night.",
        "encryption_in_transit": "TLS 1.2+ everywhere; mutual TLS between the billing system and the audit job.",
        "retention_policy": "Audit flags are kept 90 days in the coding queue, then deleted.",
        "abuse_measures_notes": (
            "We do not call the Moderation endpoint: the job sends only de-identified billing codes, no free text "
            "from patients or staff, and a coder reviews every flag before anything changes."
        ),
        "fallback_reason": (
            "MAM would keep the codes out of abuse-monitoring logs and also covers the Batch API we use; we would "
            "still ask for ZDR before sending anything but de-identified codes."
        ),
        "access_control": "SSO with MFA; only the revenue-cycle team sees the audit queue; the job has no interactive "
                          "access.",
        "monthly_requests": 273000,
        "monthly_tokens": 410_000_000,
        "expected_volume": "About 9,000 visits a night; same-day re-checks grow with the number of coders.",
    }
    for field, value in values.items():
        setattr(zdr_request, field, value)
    zdr_request.save()
    Contact.objects.create(request=zdr_request, position=2, role="security", name="Sam Okafor",
                           email="security@northwind-clinic.example.com", job_title="CISO")
    review = EndpointUsage.objects.create(
        request=zdr_request, position=1, endpoint_path="/v1/responses", models_used="gpt-5.1-mini", features=[],
        store="false", monthly_volume=3000, purpose="Same-day re-checks of single visits a coder asks for",
    )
    batch = EndpointUsage.objects.create(
        request=zdr_request, position=2, endpoint_path="/v1/batches", models_used="gpt-5.1-mini", features=[],
        monthly_volume=270000, purpose="The nightly audit of all of the day's codes",
    )
    for position, (source, returns, usage) in enumerate(
        [("Billing system", "Flagged codes with the reason", batch), ("Coder workbench", "A second opinion", review)],
        start=1,
    ):
        DataFlow.objects.create(
            request=zdr_request, position=position, source_system=source, data_categories=["user.health_and_medical"],
            usage=usage, returns=returns, output_store="Coding audit queue", retention="90 days",
        )
    FindingAcknowledgement.objects.create(request=zdr_request, key=f"usage:{batch.pk}:endpoint",
                                          justification=CODING_JUSTIFICATION, acknowledged_by=owner)
    # Catalogs with a BAA rule (2026-11-13 on) also flag Batch for HIPAA: the same design answers it.
    FindingAcknowledgement.objects.create(request=zdr_request, key=f"usage:{batch.pk}:endpoint:baa",
                                          justification=CODING_BAA_JUSTIFICATION, acknowledged_by=owner)
    return zdr_request
