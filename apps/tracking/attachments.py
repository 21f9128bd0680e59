"""Attachments: the type is decided by the first bytes of the content, never by the name or the
browser's Content-Type, and the file is stored under a generated name."""

import hashlib
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from .models import Attachment

# (magic prefix, MIME type, extension); checked in order.
SIGNATURES = [
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
]
DESCRIPTIONS = {"application/pdf": "a PDF", "image/png": "a PNG image", "image/jpeg": "a JPEG image",
                "text/plain": "plain text", "message/rfc822": "an email"}
ALLOWED_LABEL = "PDF, PNG, JPEG, plain text or a saved email (.eml)"
# A name's extension must agree with the content: a “.pdf” that is a PNG (or a program) is refused.
EXTENSIONS = {
    ".pdf": {"application/pdf"}, ".png": {"image/png"}, ".jpg": {"image/jpeg"}, ".jpeg": {"image/jpeg"},
    ".txt": {"text/plain", "message/rfc822"}, ".text": {"text/plain"}, ".log": {"text/plain"},
    ".md": {"text/plain"}, ".eml": {"message/rfc822", "text/plain"},
}
TEXT_SAMPLE = 64 * 1024
EMAIL_HEADERS = (b"from:", b"to:", b"subject:", b"date:", b"received:", b"return-path:", b"message-id:",
                 b"mime-version:", b"delivered-to:")


def _is_text(sample):
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A sample cut in the middle of a character is still text.
        if error.start < len(sample) - 3:
            return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls <= len(sample) // 100


def sniff(head):
    """(MIME type, extension) of the content that starts with `head`, or None if not allowed."""
    for magic, mime, extension in SIGNATURES:
        if head.startswith(magic):
            return mime, extension
    if head and _is_text(head):
        first_line = head.lstrip().split(b"\n", 1)[0].lower()
        if first_line.startswith(EMAIL_HEADERS):
            return "message/rfc822", ".eml"
        return "text/plain", ".txt"
    return None


def check_upload(upload):
    """The sniffed (MIME type, extension) of an uploaded file, or a ValidationError saying why not."""
    limit = settings.TRACKING_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        # Both sizes in bytes too: rounded, 5 MiB + 1 byte and the 5 MiB limit both read "5.0 MB".
        raise ValidationError(
            f"“{upload.name[:80]}” is {filesizeformat(upload.size)} ({upload.size:,} bytes), "
            f"over the {filesizeformat(limit)} limit ({limit:,} bytes)."
        )
    if upload.size == 0:
        raise ValidationError(f"“{upload.name[:80]}” is empty.")
    upload.seek(0)
    head = upload.read(TEXT_SAMPLE)
    upload.seek(0)
    kind = sniff(head)
    if kind is None:
        raise ValidationError(f"“{upload.name[:80]}” is not an allowed type by its content; allowed: {ALLOWED_LABEL}.")
    extension = PurePath(upload.name).suffix.lower()
    if extension and kind[0] not in EXTENSIONS.get(extension, ()):
        raise ValidationError(f"“{upload.name[:80]}” is named like a {extension} file, but its content is "
                              f"{DESCRIPTIONS[kind[0]]}. "
                              f"Allowed: {ALLOWED_LABEL}.")
    return kind


def attachment_store(*, zdr_request, upload, user):
    """Store a checked upload. Call inside the caller's transaction; `discard` removes the file
    again if that transaction fails."""
    mime, extension = check_upload(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    attachment = Attachment(
        request=zdr_request, original_name=upload.name[:200], content_type=mime, extension=extension,
        size=upload.size, sha256=digest.hexdigest(), uploaded_by=user,
    )
    attachment.file.save("upload", upload, save=False)
    attachment.save()
    return attachment


def discard(attachment):
    if attachment is not None and attachment.file:
        attachment.file.delete(save=False)
