from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat


class ArchiveUploadForm(forms.Form):
    archive = forms.FileField(label="Zip of a repository (or of several)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["archive"].help_text = (
            f"At most {filesizeformat(settings.CODE_SCAN_MAX_UPLOAD_BYTES)}. Python, JavaScript and TypeScript "
            "calls are read with real parsers, raw /v1/… paths in any language. The zip is deleted after the "
            "scan; only the findings are kept.")
        self.fields["archive"].widget.attrs["accept"] = ".zip,application/zip"
