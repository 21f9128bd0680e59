"""Forms for tracking. Every field has a label, text is bounded, and uploads are checked by content
here, so a bad file is a field error and nothing is saved."""

import re
from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone

from apps.workspace.forms import ProjectIdsField

from . import selectors
from .attachments import ALLOWED_LABEL, check_upload
from .models import Approval, ContactChannel, Direction, FollowUpPolicy, GrantedControl
from .workflow import CHANNELS, STATUSES, reply_moves, suggested_move

EARLIEST_YEAR = 2000  # no contact about OpenAI's data controls predates it: an earlier date is a typo

TEXT_LIMIT = 4000
FILE_HELP = f"Optional. {ALLOWED_LABEL}; checked by content."


def _text(label, required=True, rows=3, help_text=""):
    return forms.CharField(label=label, required=required, max_length=TEXT_LIMIT, help_text=help_text,
                           widget=forms.Textarea(attrs={"rows": rows}))


class UploadField(forms.FileField):
    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            check_upload(upload)
        return upload


def _version_label(version):
    # The version's own facts, the ones to compare with the file that was sent.
    draft = " · DRAFT" if version.is_draft else ""
    return f"v{version.number}{draft} · {version.page_count} pages · SHA-256 {version.sha256[:12]}…"


class TransitionForm(forms.Form):
    """The fields a move requires. "Mark ready to send" offers only signed-off versions; "Record as
    submitted" offers signed-off, non-draft versions, and any other ready version only with a reason."""

    def __init__(self, *args, move, zdr_request=None, initial_version=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.move = move
        if "signed_off_version" in move.requires:
            signed = selectors.signed_off_versions(zdr_request)
            self.fields["packet_version"] = self._versions(
                signed, "Packet version signed off",
                "Only versions a reviewer signed off are listed. Sign one off on the packet page first.",
            )
            newest = signed.first()
            if newest is not None:
                self.initial.setdefault("packet_version", newest.pk)
        if "packet_version" in move.requires:
            sendable = selectors.sendable_versions(zdr_request)
            self.fields["packet_version"] = self._versions(
                sendable, "Packet version sent", "Signed off and not a draft.", required=False,
            )
            others = selectors.ready_packet_versions(zdr_request).exclude(pk__in=sendable.values("pk"))
            self.fields["other_version"] = self._versions(
                others, "Or another version", "A draft, or a version nobody signed off: say why below.",
                required=False, empty="None",
            )
            self.fields["override_reason"] = _text("Why you sent that version", required=False, rows=2)
            if initial_version is not None and sendable.filter(pk=initial_version.pk).exists():
                self.initial.setdefault("packet_version", initial_version.pk)
            elif sendable.count() == 1:
                self.initial.setdefault("packet_version", sendable.get().pk)
        if "channel" in move.requires:
            self.fields["channel"] = forms.ChoiceField(label="Sent by", choices=[("", "Choose the channel")] + CHANNELS)
        needs_note = "note" in move.requires
        self.fields["note"] = _text("Note" if needs_note else "Note (optional)", required=needs_note)

    @staticmethod
    def _versions(queryset, label, help_text, required=True, empty="Choose a version"):
        field = forms.ModelChoiceField(
            label=label, queryset=queryset, empty_label=empty, required=required, help_text=help_text,
            error_messages={"required": "Choose the packet version. Render and sign off one first if none is listed."},
        )
        field.label_from_instance = _version_label
        return field

    def clean(self):
        data = super().clean()
        if "other_version" not in self.fields:
            return data
        chosen, other = data.get("packet_version"), data.pop("other_version", None)
        reason = (data.get("override_reason") or "").strip()
        if chosen and other:
            self.add_error("other_version", "Choose one version: a signed-off one, or another with a reason.")
        elif other and not reason:
            self.add_error("override_reason", f"v{other.number} is not a signed-off final version: say why you sent "
                                              "it. The reason is kept in the history.")
        elif not chosen and not other and not self.has_error("packet_version") and not self.has_error("other_version"):
            self.add_error("packet_version", "Choose the packet version you sent.")
        data["packet_version"] = chosen or other
        if chosen:
            data["override_reason"] = ""
        return data


class ContactEntryForm(forms.Form):
    occurred_at = forms.DateTimeField(label="When", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
                                      input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"])
    direction = forms.ChoiceField(label="Direction", choices=Direction.choices)
    channel = forms.ChoiceField(label="Channel", choices=ContactChannel.choices)
    counterpart_name = forms.CharField(label="Counterpart", max_length=200, required=False,
                                       help_text="Who you spoke or wrote to, or who wrote to you.")
    counterpart_email = forms.EmailField(label="Counterpart email", required=False)
    summary = _text("Summary", rows=4)
    attachment = UploadField(label="Attachment", required=False, help_text=FILE_HELP)

    def __init__(self, *args, status=None, control="", **kwargs):
        """With `status`, a message received from OpenAI can move the status in the same form: the
        choice defaults to the answer that usually comes next, so logging it is one step, not two."""
        super().__init__(*args, **kwargs)
        replies = reply_moves(status) if status else []
        if replies:
            suggested = suggested_move(status, control)
            self.fields["move"] = forms.ChoiceField(
                label="Move the status to", required=False,
                choices=[("", "Leave the status as it is")] + [
                    (m.key, f"{m.label} → {STATUSES[m.target].label}") for m in replies],
                initial=suggested if suggested in {m.key for m in replies} else "",
                help_text="Only for a message received from OpenAI; the summary becomes the status change's note.",
            )

    def clean_occurred_at(self):
        value = self.cleaned_data["occurred_at"]
        if value > timezone.now() + timedelta(minutes=5):
            raise ValidationError("This is in the future; log contacts once they happened.")
        if value.year < EARLIEST_YEAR:
            raise ValidationError(f"This is before {EARLIEST_YEAR}: check the year.")
        return value


class ApprovalForm(forms.Form):
    control = forms.ChoiceField(label="Control granted", choices=GrantedControl.choices)
    effective_date = forms.DateField(label="Effective date", widget=forms.DateInput(attrs={"type": "date"}))
    scope = forms.ChoiceField(label="Scope", choices=Approval.Scope.choices, widget=forms.RadioSelect)
    project_ids = ProjectIdsField(label="Projects", required=False, max_length=2000,
                                  help_text="For a project-scoped approval: the project IDs, separated by commas.")
    message = _text("OpenAI's message or amendment", required=False, rows=5,
                    help_text="Paste the approval email or the amendment's wording.")
    evidence = UploadField(label="Evidence file", required=False, help_text=FILE_HELP)

    def clean(self):
        data = super().clean()
        if data.get("scope") == Approval.Scope.PROJECTS and not data.get("project_ids"):
            self.add_error("project_ids", "List the approved projects, or choose the whole organization.")
        if not (data.get("message") or "").strip() and not data.get("evidence") and "evidence" not in self.errors:
            self.add_error("message", "Keep the evidence: paste OpenAI's message or attach it.")
        if data.get("effective_date") and data["effective_date"] > timezone.localdate() + timedelta(days=366):
            self.add_error("effective_date", "That is more than a year ahead; check the date.")
        return data


class AdminKeyForm(forms.Form):
    admin_key = forms.CharField(
        label="Admin key", max_length=300, strip=True,
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "spellcheck": "false"}, render_value=False),
        help_text="Used for this one check and then forgotten: never stored, logged or queued.",
    )

    def clean_admin_key(self):
        key = self.cleaned_data["admin_key"]
        if re.search(r"[\s\x00-\x1f\x7f]", key):
            raise ValidationError("An admin key has no spaces or line breaks; paste it again.")
        if not key.isascii():
            raise ValidationError("An admin key is plain letters, digits and dashes (sk-admin-…); paste it again.")
        return key


class ChecklistTickForm(forms.Form):
    done = forms.BooleanField(label="Done", required=False)
    note = forms.CharField(label="Note", required=False, max_length=1000)


class SnoozeForm(forms.Form):
    days = forms.IntegerField(label="Snooze for (days)", min_value=1, max_value=30, initial=2)


class PolicyForm(forms.ModelForm):
    holidays = forms.CharField(
        label="Holidays", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One date per line (YYYY-MM-DD). Follow-ups never fall due on these days or on weekends.",
    )

    class Meta:
        model = FollowUpPolicy
        fields = ["first_after_business_days", "repeat_every_days", "escalate_after", "escalation_name",
                  "escalation_email", "holidays", "reverify_every_days"]

    BOUNDS = {"first_after_business_days": (1, 30), "repeat_every_days": (1, 60), "escalate_after": (1, 10),
              "reverify_every_days": (7, 365)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (low, high) in self.BOUNDS.items():
            self.fields[name].validators += [MinValueValidator(low), MaxValueValidator(high)]
            self.fields[name].widget.attrs.update(min=low, max=high)
        if self.instance and isinstance(self.instance.holidays, list):
            self.initial["holidays"] = "\n".join(self.instance.holidays)

    def clean_holidays(self):
        days = []
        for line in self.cleaned_data["holidays"].splitlines():
            if line.strip():
                try:
                    days.append(date.fromisoformat(line.strip()).isoformat())
                except ValueError:
                    raise ValidationError(f"“{line.strip()[:20]}” is not a date like 2026-12-25.") from None
        return sorted(set(days))
