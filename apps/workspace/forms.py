"""Forms of the wizard. Free text is bounded, IDs are checked, and every choice list is data."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator
from django.db import models

from . import taxonomy
from .items import KIND_BY_SLUG
from .models import Contact, Control, DataFlow, EndpointUsage, ZdrRequest, project_id_validator
from .usage_reading import STORE_FEATURE

TEXT_LIMIT = 4000
CHECKBOXES = forms.CheckboxSelectMultiple
VOLUME_LIMIT = 10**15

HELP_TEXTS = {
    "scope": "OpenAI enables the control per organization, or for named projects of it.",
    "project_ids": "proj_… IDs, separated by commas. Required when the control covers named projects.",
    "monthly_requests": "One figure for the whole request: the packet prints this one. Usages may break it down.",
    "monthly_tokens": "Input and output tokens together, roughly.",
    "expected_volume": "Optional: growth or peaks in words, e.g. “doubling in 2027”.",
    "requirements_accepted": "OpenAI's data-controls page attaches these to ZDR and MAM. The packet states each one "
                             "you tick as the company's acceptance.",
    "abuse_measures": "Without OpenAI's abuse monitoring, these are yours. Tick what you do.",
    "abuse_measures_notes": "Required when a measure is not ticked: why not, or what you do instead.",
    "baa_status": "Needed when HIPAA is among your drivers.",
    "baa_route": "Only with HIPAA: the BAA is requested from baa@openai.com or through your account team.",
    "hipaa_terms": "Only with HIPAA: what a BAA with OpenAI covers.",
    "processing_region": "e.g. AWS us-east-1. Non-US residency needs OpenAI's approval and a retention amendment.",
    "fallback_reason": "One or two sentences: what the fallback means for the product.",
    "verification_plan": "The tracking page runs these checks once the control is approved.",
    "signatory_name": "The person who accepts OpenAI's additional requirements for the company.",
}


def requested_control_field():
    """The control the team asks for: its own explicit choice, blank until it is made."""
    return forms.ChoiceField(
        label="Requested control", required=False, choices=[("", "Not chosen yet")] + Control.choices,
        help_text="Your choice, not the portal's. Review compares ZDR and MAM for your endpoints and data; "
                  "nothing is sent to review until you choose.",
    )


class ProjectIdsField(forms.CharField):
    """Project IDs typed as one line, separated by commas or spaces; stored as a list."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [v for v in re.split(r"[\s,]+", super().to_python(value)) if v]

    def validate(self, value):
        for project_id in value:
            try:
                project_id_validator(project_id)
            except ValidationError as error:
                raise ValidationError(f"{project_id[:40]!r}: {error.messages[0]}") from error


def _formfield(model_field, **kwargs):
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class BoundedForm(forms.ModelForm):
    """Choices from the taxonomy, a length limit on every text, and no NUL bytes anywhere."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in taxonomy.MULTI_CHOICES:
                self.fields[name] = forms.MultipleChoiceField(
                    choices=taxonomy.MULTI_CHOICES[name], widget=CHECKBOXES, required=False, label=field.label,
                    help_text=field.help_text,
                )
            elif name in taxonomy.SINGLE_CHOICES:
                self.fields[name] = forms.ChoiceField(
                    choices=[("", "—")] + taxonomy.SINGLE_CHOICES[name], required=False, label=field.label,
                    help_text=field.help_text,
                )
            elif isinstance(field, forms.IntegerField):
                field.validators.append(MaxValueValidator(VOLUME_LIMIT))
            elif isinstance(field, forms.CharField) and not isinstance(field, ProjectIdsField) and not field.max_length:
                field.max_length = TEXT_LIMIT
                field.validators.append(MaxLengthValidator(TEXT_LIMIT))
                field.widget.attrs["maxlength"] = str(TEXT_LIMIT)
                if isinstance(field.widget, forms.Textarea):
                    field.widget.attrs["rows"] = "3"


class StepForm(BoundedForm):
    class Meta:
        model = ZdrRequest
        fields = []

    @classmethod
    def for_step(cls, step):
        overrides = {
            "project_ids": ProjectIdsField(
                label="OpenAI project IDs", required=False, help_text=HELP_TEXTS["project_ids"]
            ),
            "requested_control": requested_control_field(),
        }
        meta = {
            "model": ZdrRequest,
            "fields": list(step.fields),
            "formfield_callback": _formfield,
            "help_texts": {k: v for k, v in HELP_TEXTS.items() if k != "project_ids"},
            "widgets": {"go_live": forms.DateInput(attrs={"type": "date"})},
        }
        attrs = {"Meta": type("Meta", (), meta)}
        attrs.update({k: v for k, v in overrides.items() if k in step.fields})
        return type(f"{step.slug.title().replace('-', '')}Form", (cls,), attrs)


class NewRequestForm(BoundedForm):
    class Meta:
        model = ZdrRequest
        fields = ["title", "requested_control", "openai_org_id"]
        help_texts = {"openai_org_id": "Settings → Organization → General on platform.openai.com shows it."}

    requested_control = requested_control_field()


class ItemForm(BoundedForm):
    """A repeating item's form: every kind is built the same way, with the request's catalog and
    snapshot, which usages and flows narrow their choices by."""

    def __init__(self, *args, catalog, snapshot, **kwargs):
        super().__init__(*args, **kwargs)
        self.catalog, self.snapshot = catalog, snapshot


class ContactForm(ItemForm):
    class Meta:
        model = Contact
        fields = list(KIND_BY_SLUG["contacts"].fields)

    # Names and titles go into email headers (the packet's .eml): one line each.
    def clean_name(self):
        return _one_line(self.cleaned_data["name"])

    def clean_job_title(self):
        return _one_line(self.cleaned_data["job_title"])


def _one_line(value):
    if "\r" in value or "\n" in value:
        raise forms.ValidationError("Write the name on one line.")
    return value


class UsageForm(ItemForm):
    class Meta:
        model = EndpointUsage
        fields = list(KIND_BY_SLUG["usages"].fields)
        help_texts = {"models_used": "e.g. gpt-5.1, gpt-image-1. Checked against the catalog's model rules "
                                     "(dall-e-2 and dall-e-3 are not ZDR-compatible).",
                      "monthly_volume": "Requests per month, roughly."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["endpoint_path"] = forms.ChoiceField(choices=endpoint_choices(self.catalog), label="Endpoint")
        path, ticked = self.instance.endpoint_path, set(self.instance.features or [])
        self.fields["store"] = store_field(self.catalog, path)
        # Features that apply to this endpoint, plus any already ticked, so nothing saved is hidden. The
        # store=true rule is the store choice above, not a box, unless an older usage ticked it.
        self.fields["features"] = forms.MultipleChoiceField(
            choices=[
                (f["key"], f["name"]) for f in self.catalog["features"]
                if (path in f["endpoints"] and f["key"] != STORE_FEATURE) or f["key"] in ticked
            ],
            widget=CHECKBOXES,
            required=False,
            label="Features used",
        )
        if not self.fields["features"].choices:
            self.fields["features"].help_text = "No feature of this endpoint changes its eligibility."
        self.fields["monthly_volume"].validators.append(MaxValueValidator(10**12))


class FlowForm(ItemForm):
    """A flow names the usage it goes to by the endpoint's path; `flow_save` links, or adds, that usage."""

    endpoint_path = forms.ChoiceField(label="OpenAI endpoint it goes to", required=False)

    class Meta:
        model = DataFlow
        fields = [("endpoint_path" if f == "usage_id" else f) for f in KIND_BY_SLUG["flows"].fields]
        help_texts = {"source_system": "The system the data comes from, e.g. EHR (Epic)."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["endpoint_path"].choices = [("", "—")] + endpoint_choices(self.catalog)
        # A flow carries categories from the request's inventory (step 3); all of them until it has one.
        inventory = set(self.snapshot["data_categories"]) | set(self.instance.data_categories or [])
        if self.snapshot["data_categories"]:
            self.fields["data_categories"].choices = [c for c in taxonomy.DATA_CATEGORIES if c[0] in inventory]
        if self.instance.usage_id:
            self.initial["endpoint_path"] = self.instance.usage.endpoint_path


def store_field(catalog, path):
    """`store` as an explicit choice; blank says the request leaves it to the endpoint's default."""
    default = next((e.get("store_default") for e in catalog["endpoints"] if e["path"] == path), None)
    unset = "Not set" + ("" if default is None else f" (this endpoint's default: store={str(default).lower()})")
    return forms.ChoiceField(
        choices=[("", unset), ("true", "store=true"), ("false", "store=false")], required=False, label="store",
        widget=forms.RadioSelect, help_text="Whether the requests set store. Under ZDR it is always treated as false.",
    )


def endpoint_choices(catalog):
    return [(e["path"], f"{e['path']} ({e['name']})") for e in catalog["endpoints"]]


class FindingForm(forms.Form):
    """A form about one current finding of the request: its key must be one of `keys`, else `gone` is said."""

    gone = ""

    def __init__(self, *args, keys, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].choices = [(k, k) for k in keys]
        self.fields["key"].error_messages["invalid_choice"] = self.gone


class AcknowledgementForm(FindingForm):
    gone = "This finding is no longer a blocker: nothing to acknowledge."
    key = forms.ChoiceField(label="Finding")
    justification = forms.CharField(
        label="Justification",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
        help_text="Why the team keeps this design. It goes into the packet.",
    )
    withdraw = forms.BooleanField(required=False)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("withdraw") and not (cleaned.get("justification") or "").strip():
            self.add_error(
                "justification", "Say why the team keeps this design: the justification goes into the packet."
            )
        return cleaned


class WarningAnswerForm(FindingForm):
    gone = "This warning no longer applies to the request (its usage or the catalog changed): nothing to answer."
    key = forms.ChoiceField(label="Warning")
    text = forms.CharField(
        label="How we handle it",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
        help_text="A short answer, or “Not applicable because …”. It goes into the packet; empty removes it.",
    )


# Unsaved input. A step saves each field that passes validation and keeps each one that does not as the
# editor's draft (models.Draft); an item card is saved whole or kept whole. The next visit binds the draft
# on top of the saved values, so the typed text is back in its box with its error beside it.

def savable_data(form):
    """The cleaned values of the fields that passed validation (none when the form as a whole is refused)."""
    return {} if form.non_field_errors() else form.cleaned_data


def unsaved_input(form, *, whole=False):
    """What was typed into the fields that failed validation (into every field, when `whole`), as the
    widgets read it from the request: plain strings, lists and booleans, which a JSON column keeps."""
    if not form.errors:
        return {}
    names = form.fields if whole or form.non_field_errors() else [n for n in form.fields if n in form.errors]
    # A NUL byte is never typed, and PostgreSQL's JSON refuses it: such a value is not kept.
    return {name: form[name].data for name in names if "\x00" not in str(form[name].data)}


def with_draft(form_class, draft, **kwargs):
    """The form bound to the saved values with the draft's typed values on top, so its errors show."""
    saved = form_class(**kwargs)
    data = {field.html_name: field.value() for field in saved}
    data.update({saved[name].html_name: value for name, value in draft.items() if name in saved.fields})
    return form_class(data, **kwargs)


def focus_first_error(form):
    """After an explicit save, the page opens with the cursor in the first field that needs fixing."""
    first = next((name for name in form.fields if name in form.errors), None)
    if first:
        form.fields[first].widget.attrs["autofocus"] = True
