"""The clinic example, filled in completely, for the demo organization (`make run`)."""

from django.db import transaction

from .models import Contact, DataFlow, EndpointUsage, ZdrRequest
from .services import request_create

CLINIC_TITLE = "Visit-note summaries for Northwind Clinic"

CLINIC = {
    "requested_control": "zdr",
    "openai_org_id": "org-NorthwindClinic2026",
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
    "expected_volume": "About 40,000 visit notes a month, growing to 60,000 in 2027.",
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
        features=["file_inputs"],
        monthly_volume=40000,
        purpose="Draft visit notes from dictation and lab PDFs",
    )
    summaries = EndpointUsage.objects.create(
        request=zdr_request,
        position=2,
        endpoint_path="/v1/responses",
        models_used="gpt-5.1-mini",
        features=[],
        monthly_volume=40000,
        purpose="Nightly patient summaries, synchronous calls (was Batch)",
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
