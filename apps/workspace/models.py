"""A team's ZDR request: the wizard's answers, its repeating items, and acknowledged findings."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models

from apps.accounts.models import Organization
from apps.catalog.models import CatalogVersion

openai_org_id_validator = RegexValidator(
    r"^org-[A-Za-z0-9]+\Z", "An OpenAI organization ID is 'org-' followed by letters and digits, e.g. org-AbC123xyz."
)
project_id_validator = RegexValidator(
    r"^proj_[A-Za-z0-9]+\Z", "A project ID is 'proj_' followed by letters and digits, e.g. proj_AbC123xyz."
)


class Control(models.TextChoices):
    ZDR = "zdr", "Zero Data Retention (ZDR)"
    MAM = "mam", "Modified Abuse Monitoring (MAM)"
    # The newer controls of the provider's page (2026-11-13); what each keeps is in the catalog.
    ZDR_PSP = "zdr_psp", "ZDR with Private Safety Processing (PSP)"
    PRIVATE_RETENTION_PSP = "private_retention_psp", "Private Retention with PSP (formerly Eyes Off)"
    SAFETY_RETENTION = "safety_retention", "Safety Retention"


class ZdrRequest(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="zdr_requests")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    # The team's own choice, blank until it is made: the portal advises, it never chooses.
    requested_control = models.CharField(max_length=32, choices=Control.choices, blank=True, default="")
    openai_org_id = models.CharField(
        "OpenAI organization ID", max_length=64, blank=True, validators=[openai_org_id_validator]
    )
    project_ids = models.JSONField("OpenAI project IDs", default=list, blank=True)
    catalog_version = models.ForeignKey(CatalogVersion, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    # 1. Organization and contacts
    legal_entity = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=100, blank=True)
    website = models.URLField(blank=True)
    usage_tier = models.CharField("Usage tier or agreement", max_length=32, blank=True)
    baa_status = models.CharField("Business Associate Agreement", max_length=16, blank=True)
    scope = models.CharField("What the control should cover", max_length=16, blank=True)

    # 2. Use case
    product_description = models.TextField("What the product does", blank=True)
    users_description = models.TextField("Who its users are", blank=True)
    sensitivity_reason = models.TextField("Why the data is sensitive", blank=True)
    drivers = models.JSONField("Regulatory and contractual drivers", default=list, blank=True)
    drivers_other = models.CharField("Other driver", max_length=200, blank=True)
    monthly_requests = models.PositiveBigIntegerField("Expected requests a month", null=True, blank=True)
    monthly_tokens = models.PositiveBigIntegerField("Expected tokens a month", null=True, blank=True)
    # Free text from before the figures above were numbers; kept so nothing typed is lost.
    expected_volume = models.CharField("Growth and peaks", max_length=200, blank=True)
    retention_problem = models.TextField("Why retention at OpenAI is a problem", blank=True)

    # 3. Data inventory
    data_categories = models.JSONField(default=list, blank=True)
    data_subjects = models.JSONField(default=list, blank=True)
    sensitivity = models.CharField(max_length=16, blank=True)
    minimization = models.JSONField("Minimization measures", default=list, blank=True)
    minimization_notes = models.TextField(blank=True)

    # 6. Safeguards
    encryption_in_transit = models.TextField(blank=True)
    encryption_at_rest = models.TextField(blank=True)
    access_control = models.TextField(blank=True)
    logging = models.TextField("Logging and monitoring", blank=True)
    retention_policy = models.TextField("Our own retention policy", blank=True)
    incident_response = models.TextField(blank=True)
    certifications = models.JSONField(default=list, blank=True)
    subprocessors = models.TextField("Sub-processors", blank=True)

    # 7. Commitments: what OpenAI attaches to ZDR/MAM, and what replaces its abuse monitoring
    requirements_accepted = models.JSONField("Requirements we accept", default=list, blank=True)
    abuse_measures = models.JSONField("Our abuse-prevention measures", default=list, blank=True)
    abuse_measures_notes = models.TextField("Measures we do not take, and why (or what we do instead)", blank=True)
    hipaa_terms = models.JSONField("HIPAA terms we accept", default=list, blank=True)
    baa_route = models.CharField("How the BAA is requested", max_length=16, blank=True)
    data_residency = models.CharField("Data residency requirement", max_length=16, blank=True)
    processing_region = models.CharField("Where our systems process the data", max_length=200, blank=True)
    dpa_status = models.CharField("Data Processing Addendum (DPA)", max_length=16, blank=True)

    # 8. Rollout and verification
    go_live = models.DateField("Planned go-live date", null=True, blank=True)
    spend_band = models.CharField("Expected OpenAI spend", max_length=16, blank=True)
    fallback_control = models.CharField("If our request is declined, we accept", max_length=16, blank=True)
    fallback_reason = models.TextField("Why that fallback", blank=True)
    verification_plan = models.JSONField("How we will verify after approval", default=list, blank=True)
    reverify_interval = models.CharField("Re-verification", max_length=16, blank=True)
    signatory_name = models.CharField("Authorized signatory: name", max_length=200, blank=True)
    signatory_title = models.CharField("Authorized signatory: title", max_length=200, blank=True)
    signatory_email = models.EmailField("Authorized signatory: email", blank=True)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title


class Item(models.Model):
    """A repeating item of a request, kept in the order the team chose."""

    position = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]


class Contact(Item):
    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(max_length=32, blank=True)
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    job_title = models.CharField(max_length=200, blank=True)

    def __str__(self):
        return self.name or self.email or "Contact"


class EndpointUsage(Item):
    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="usages")
    endpoint_path = models.CharField("Endpoint", max_length=200)
    models_used = models.CharField("Models", max_length=300, blank=True)
    features = models.JSONField(default=list, blank=True)
    store = models.CharField(
        "store", max_length=8, blank=True, choices=[("true", "store=true"), ("false", "store=false")],
        help_text="Blank: the request does not set it, so the endpoint's default applies.",
    )
    monthly_volume = models.PositiveBigIntegerField("Monthly requests", null=True, blank=True)
    purpose = models.CharField(max_length=300, blank=True)

    def __str__(self):
        return self.endpoint_path


class DataFlow(Item):
    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="flows")
    source_system = models.CharField(max_length=200, blank=True)
    data_categories = models.JSONField(default=list, blank=True)
    usage = models.ForeignKey(EndpointUsage, on_delete=models.SET_NULL, null=True, blank=True, related_name="flows")
    returns = models.CharField("What comes back", max_length=300, blank=True)
    output_store = models.CharField("Where the output is stored", max_length=200, blank=True)
    retention = models.CharField("Our retention", max_length=200, blank=True)

    def __str__(self):
        return self.source_system or "Data flow"


class FindingAcknowledgement(models.Model):
    """A blocker the team keeps on purpose, with the justification that goes into the packet."""

    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="acknowledgements")
    key = models.CharField(max_length=200)
    justification = models.TextField()
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    acknowledged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "key"], name="one_acknowledgement_per_finding")]

    def __str__(self):
        return f"Acknowledged {self.key}"


class WarningAnswer(models.Model):
    """How the team handles a warning (a limitation that applies), or why it does not apply: the
    packet prints this answer, never the catalog's advice."""

    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="warning_answers")
    key = models.CharField(max_length=200)
    text = models.TextField()
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "key"], name="one_answer_per_warning")]

    def __str__(self):
        return f"Answered {self.key}"


class Draft(models.Model):
    """What an editor typed that could not be saved (it failed validation), kept so a reload shows it
    again with its error instead of losing it. One per editor and form: `key` is "step:<slug>" for a
    step's fields or "<kind>:<item id>" for an item card; `values` maps field names to the typed values."""

    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="drafts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64)
    values = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "user", "key"], name="one_draft_per_editor_and_form")]

    def __str__(self):
        return f"Draft of {self.key}"


class ObservedUse(models.Model):
    """Use of the API that a source outside the request saw in one of its projects (today the Admin
    API's usage): the latest reading only, replaced whole by the next one, so the findings judge
    what the organization really calls against what the request declares now."""

    class Source(models.TextChoices):
        ADMIN_API_USAGE = "admin_api_usage", "the Admin API's usage"

    request = models.ForeignKey(ZdrRequest, on_delete=models.CASCADE, related_name="observed_uses")
    source = models.CharField(max_length=32, choices=Source.choices)
    project_id = models.CharField(max_length=64, blank=True)  # blank: the organization as a whole
    endpoints = models.JSONField(default=list)  # catalog paths it may stand for (one, or a family)
    features = models.JSONField(default=list)  # catalog feature keys it implies
    model_names = models.JSONField(default=list)
    label = models.CharField(max_length=100)
    unit = models.CharField(max_length=16)  # "requests", "bytes" (a level, not a sum) or "sessions"
    volume = models.PositiveBigIntegerField()
    window_start = models.DateTimeField()
    window_end = models.DateTimeField()
    read_at = models.DateTimeField()

    class Meta:
        ordering = ["project_id", "-volume", "pk"]

    def __str__(self):
        return f"{self.project_id or 'organization'}: {self.label}"
