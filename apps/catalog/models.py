"""OpenAI's (and later other providers') eligibility table, kept as dated, immutable versions."""

from django.conf import settings
from django.db import models

from .limitations import texts


class Provider(models.TextChoices):
    OPENAI = "openai", "OpenAI"
    AZURE_OPENAI = "azure-openai", "Azure OpenAI"
    ANTHROPIC = "anthropic", "Anthropic"
    GOOGLE = "google", "Google"
    BEDROCK = "bedrock", "AWS Bedrock"


class Eligibility(models.TextChoices):
    YES = "yes", "Eligible"
    LIMITED = "limited", "Eligible with limitations"
    NO = "no", "Not eligible"


class Effect(models.TextChoices):
    """What a feature does to a request under a data control."""

    ALLOWED = "allowed", "Allowed"
    LIMITED = "limited", "Allowed with limitations"
    IGNORED = "ignored", "Accepted but has no effect"
    BLOCKED = "blocked", "Cannot be used"


class CatalogVersion(models.Model):
    provider = models.CharField(max_length=32, choices=Provider.choices)
    as_of = models.DateField()
    as_of_approximate = models.BooleanField(default=False)
    title = models.CharField(max_length=200)
    sources = models.JSONField(default=list)
    notes = models.TextField(blank=True)
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the imported content, canonicalized.")
    source_file = models.CharField(max_length=255, blank=True)
    changes = models.JSONField(default=dict, blank=True, help_text="Diff from the provider's previous version.")
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # Version 2 files give every rule its own provenance, dated changes, the controls and the BAA rule.
    schema_version = models.PositiveSmallIntegerField(default=1)
    changelog = models.JSONField(default=list, blank=True, help_text="The file's dated, sourced changes.")
    controls = models.JSONField(default=list, blank=True)
    baa = models.JSONField(default=dict, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["provider", "-as_of"]
        constraints = [models.UniqueConstraint(fields=["provider", "as_of"], name="one_catalog_version_per_day")]

    def __str__(self):
        return f"{self.get_provider_display()} catalog as of {self.as_of:%Y-%m-%d}"

    @property
    def primary_source(self):
        return self.sources[0] if self.sources else {}


class EndpointEntry(models.Model):
    version = models.ForeignKey(CatalogVersion, on_delete=models.CASCADE, related_name="endpoints")
    position = models.PositiveIntegerField()
    path = models.CharField(max_length=200)
    name = models.CharField(max_length=200)
    family = models.CharField(max_length=40)
    abuse_monitoring_retention = models.CharField(max_length=200)
    application_state_retention = models.CharField(max_length=200)
    zdr = models.CharField("ZDR eligibility", max_length=16, choices=Eligibility.choices)
    zdr_note = models.CharField(max_length=500, blank=True)
    eyes_off = models.CharField(max_length=16, choices=Eligibility.choices)
    mam = models.CharField("MAM availability", max_length=16, choices=Eligibility.choices)
    training_use = models.BooleanField(default=False)
    limitations = models.JSONField(default=list)
    remediation = models.TextField(blank=True)
    store_default = models.BooleanField(null=True, blank=True, help_text="`store` when a request does not set it.")
    provenance = models.JSONField(default=dict, blank=True, help_text="Empty for rows of version 1 files.")

    class Meta:
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "path"], name="one_entry_per_path")]

    def __str__(self):
        return self.path

    @property
    def limitation_texts(self):
        return texts(self.limitations)


class FeatureEntry(models.Model):
    version = models.ForeignKey(CatalogVersion, on_delete=models.CASCADE, related_name="features")
    position = models.PositiveIntegerField()
    key = models.SlugField(max_length=64)
    name = models.CharField(max_length=200)
    endpoints = models.JSONField(default=list, help_text="Paths of the endpoints the feature belongs to.")
    under_zdr = models.CharField(max_length=16, choices=Effect.choices)
    under_zdr_text = models.TextField()
    under_mam = models.CharField(max_length=16, choices=Effect.choices)
    under_mam_text = models.TextField()
    remediation = models.TextField(blank=True)
    unconfirmed = models.BooleanField(default=False)
    history = models.JSONField(default=list)
    model_patterns = models.JSONField(default=list, blank=True, help_text="Model names that count as it.")
    requires_store = models.BooleanField(default=False)
    baa_covered = models.BooleanField(default=True)
    provenance = models.JSONField(default=dict, blank=True, help_text="Empty for rows of version 1 files.")

    class Meta:
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "key"], name="one_feature_per_key")]

    def __str__(self):
        return self.name


class CatalogDraft(models.Model):
    """A catalog version built from the provider's table as an owner pasted it, waiting for a
    reviewer. Drafts are their own rows, not CatalogVersions, so nothing that checks requests can
    see one until it is published; the raw paste and who did what stay for provenance."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        DISCARDED = "discarded", "Discarded"

    class Format(models.TextChoices):
        HTML = "html", "HTML"
        MARKDOWN = "markdown", "Markdown"
        TSV = "tsv", "Tab-separated text"

    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="+")
    provider = models.CharField(max_length=32, choices=Provider.choices)
    base = models.ForeignKey(CatalogVersion, null=True, on_delete=models.SET_NULL, related_name="+",
                             help_text="The current version the paste was compared with.")
    as_of = models.DateField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    pasted_text = models.TextField(help_text="Exactly what was pasted.")
    pasted_format = models.CharField(max_length=16, choices=Format.choices)
    document = models.JSONField(help_text="The draft version, in the data file's shape.")
    unparsed = models.JSONField(default=list, help_text="Cells that could not be read: row, column, raw text.")
    ignored_columns = models.JSONField(default=list)
    assumed = models.JSONField(default=list, help_text="Added rows, with what the table does not say.")
    pasted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    pasted_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", help_text="Who published or discarded it.")
    decided_at = models.DateTimeField(null=True, blank=True)
    version = models.OneToOneField(CatalogVersion, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="pasted_draft", help_text="The version it became.")

    class Meta:
        ordering = ["-pasted_at", "-pk"]

    def __str__(self):
        return f"Draft {self.get_provider_display()} catalog as of {self.as_of:%Y-%m-%d}"
