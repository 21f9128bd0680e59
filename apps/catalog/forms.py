from django import forms
from django.utils.dateformat import format as date_format

from .models import Eligibility
from .paste import MAX_PASTE_BYTES

ELIGIBILITY_FILTER = [("", "All endpoints"), *Eligibility.choices]


class CatalogFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100, label="Search",
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": "e.g. batches, store, audio"}))
    eligibility = forms.ChoiceField(required=False, choices=ELIGIBILITY_FILTER, label="ZDR eligibility")
    family = forms.ChoiceField(required=False, label="Family")

    def __init__(self, *args, families, **kwargs):
        kwargs.setdefault("auto_id", "catalog-%s")  # stable ids: the htmx triggers name them
        super().__init__(*args, **kwargs)
        self.fields["family"].choices = [("", "All families"), *[(f, f.replace("_", " ")) for f in families]]

    def filters(self):
        """The valid criteria; an invalid one (a stale link, say) filters nothing and shows its error."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) or "" for name in self.fields}


class VersionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, version):
        return f"{date_format(version.as_of, 'j M Y')} · {version.title}"


class VersionDiffForm(forms.Form):
    """Two versions of one provider's catalog. `from` is a keyword, so the fields are added by name."""

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        messages = {"invalid_choice": "Choose a version from the list; that one does not exist.",
                    "required": "Choose a version to compare {}."}
        for name, label, word in (("from", "From", "from"), ("to", "To", "with")):
            self.fields[name] = VersionChoiceField(
                queryset=versions, label=label, empty_label=None,
                error_messages={**messages, "required": messages["required"].format(word)},
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("from") is not None and cleaned.get("from") == cleaned.get("to"):
            raise forms.ValidationError("These are the same version. Choose two different versions to compare.")
        return cleaned


class PasteForm(forms.Form):
    """The provider's table as pasted. Size and emptiness are checked here; what the table says is
    the service's business, so a refused paste comes back with the text as it was."""

    as_of = forms.DateField(
        label="As of", widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The date the provider's page gives for this version of the table (its “last updated” date).",
    )
    text = forms.CharField(
        label="The provider's table", strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false", "class": "font-monospace"}),
        help_text="Paste the page's HTML (the whole page or just its <table>), a Markdown table, or the table "
                  "copied from the page. At most 1 MB.",
        error_messages={"required": "The paste is empty. Paste the endpoint table from the provider's page."},
    )

    def clean_text(self):
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError(self.fields["text"].error_messages["required"])
        if len(text.encode("utf-8")) > MAX_PASTE_BYTES:
            raise forms.ValidationError(
                f"The paste is {len(text.encode('utf-8')) / 1_000_000:.1f} MB; at most 1 MB is read. "
                "Paste only the endpoint table, not the whole page."
            )
        return text
