from django import forms

from .models import Decision, PacketSettings

COMMENT_MAX_LENGTH = 2000


class SignOffForm(forms.Form):
    decision = forms.ChoiceField(choices=Decision.choices, widget=forms.RadioSelect, label="Decision")
    comment = forms.CharField(
        label="Comment", required=False, max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What you checked, or what has to change. Required when you request changes.",
    )
    sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == Decision.CHANGES_REQUESTED and not (cleaned.get("comment") or "").strip():
            self.add_error("comment", "Say what has to change.")
        return cleaned


class PacketSettingsForm(forms.ModelForm):
    class Meta:
        model = PacketSettings
        fields = ["paper_size"]
        labels = {"paper_size": "Paper size of the packet PDF"}
        widgets = {"paper_size": forms.RadioSelect}


class CompareForm(forms.Form):
    """Two versions of one request, by number; the choices are that request's versions."""

    old = forms.TypedChoiceField(coerce=int, label="Older version")
    new = forms.TypedChoiceField(coerce=int, label="Newer version")

    def __init__(self, *args, numbers, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, f"v{n}") for n in numbers]
        self.fields["old"].choices = self.fields["new"].choices = choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("old") is not None and cleaned.get("old") == cleaned.get("new"):
            raise forms.ValidationError("Choose two different versions.")
        return cleaned
