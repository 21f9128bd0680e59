"""The contact log: entries with an optional attachment whose type is decided by its content,
served only as a download to members; bad input is a field error and nothing is saved."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.tracking.attachments import sniff
from apps.tracking.models import Attachment, ContactEntry, Tracking

from .uploads import EXE_BYTES, PDF_BYTES, PNG_BYTES, upload

EML = b"From: Jo <jo@openai.com>\r\nTo: dana@clinic.example\r\nSubject: Re: ZDR\r\n\r\nWe are reviewing it.\r\n"


def entry_data(**overrides):
    data = {"occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"), "direction": "in", "channel": "email",
            "counterpart_name": "Jo", "counterpart_email": "jo@openai.com", "summary": "They are reviewing it."}
    data.update(overrides)
    return data


def post_entry(client, zdr_request, **data):
    return client.post(reverse("tracking:contact_add", args=[zdr_request.pk]), entry_data(**data))


@pytest.mark.parametrize("head,expected", [
    (PDF_BYTES, "application/pdf"), (PNG_BYTES, "image/png"), (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
    (EML, "message/rfc822"), ("Notes from the call — café ☕\n".encode(), "text/plain"),
    (EXE_BYTES, None), (b"PK\x03\x04\x14\x00\x06\x00", None), (b"\x00\x01\x02", None),
])
def test_types_are_sniffed_from_the_content(head, expected):
    kind = sniff(head)
    assert (kind[0] if kind else None) == expected


def test_an_entry_with_an_attachment_is_logged_and_downloadable(client_for, submitted, alice, bob, media_root):
    client = client_for(bob)
    in_a_minute = (timezone.localtime() + timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M")  # after the submission
    response = post_entry(client, submitted, occurred_at=in_a_minute, attachment=upload("reply.eml", EML, "text/html"))
    assert response.status_code == 302
    entry = ContactEntry.objects.get()
    attachment = entry.attachment
    assert (attachment.content_type, attachment.extension, attachment.original_name) == ("message/rfc822", ".eml",
                                                                                         "reply.eml")
    assert "reply" not in attachment.file.name  # the stored name is generated
    assert attachment.file.path.startswith(str(media_root))

    download = client_for(alice).get(reverse("tracking:attachment", args=[submitted.pk, attachment.pk]))
    assert download["Content-Type"] == "message/rfc822"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == EML
    assert Tracking.objects.get(request=submitted).waiting_since == entry.occurred_at


@pytest.mark.parametrize("name,content,error", [
    ("approval.pdf", PNG_BYTES, "is named like a .pdf file, but its content is a PNG image"),
    ("approval.pdf", EXE_BYTES, "is not an allowed type by its content"),
    ("setup.exe", PDF_BYTES, "is named like a .exe file"),
    ("empty.txt", b"", "The submitted file is empty."),
])
def test_an_attachment_of_the_wrong_type_is_refused_and_nothing_saved(client_for, submitted, alice, media_root,
                                                                      name, content, error):
    response = post_entry(client_for(alice), submitted, attachment=upload(name, content, "application/pdf"))
    assert response.status_code == 200 and error in response.content.decode()
    assert not ContactEntry.objects.exists() and not Attachment.objects.exists()
    assert not any(p.is_file() for p in media_root.rglob("*"))


def test_an_oversize_attachment_gets_a_clear_error_and_nothing_is_saved(client_for, submitted, alice, settings,
                                                                       media_root):
    settings.TRACKING_ATTACHMENT_MAX_BYTES = 1024
    response = post_entry(client_for(alice), submitted, attachment=upload("big.pdf", PDF_BYTES + b"x" * 2000))
    assert "“big.pdf” is 2.0\xa0KB (2,065 bytes), over the 1.0\xa0KB limit (1,024 bytes)." in response.content.decode()
    assert not ContactEntry.objects.exists() and not any(p.is_file() for p in media_root.rglob("*"))


@pytest.mark.parametrize("field,value,error", [
    ("occurred_at", "yesterday-ish", "Enter a valid date/time."),
    ("occurred_at", "2099-01-01T10:00", "This is in the future"),
    ("occurred_at", "0001-01-01T10:00", "This is before 2000"),
    ("occurred_at", "1999-12-31T23:59", "This is before 2000"),
    ("direction", "sideways", "Select a valid choice"),
    ("channel", "pigeon", "Select a valid choice"),
    ("counterpart_email", "jo at openai", "Enter a valid email address."),
    ("summary", "", "This field is required."),
    ("summary", "x" * 4001, "Ensure this value has at most 4000 characters"),
])
def test_bad_entries_are_field_errors(client_for, submitted, alice, field, value, error):
    response = post_entry(client_for(alice), submitted, **{field: value})
    assert response.status_code == 200 and error in response.content.decode()
    assert not ContactEntry.objects.exists()


def test_viewers_and_reviewers_read_the_log_but_cannot_write(client_for, submitted, viewer):
    client = client_for(viewer)
    assert client.get(reverse("tracking:detail", args=[submitted.pk])).status_code == 200
    assert post_entry(client, submitted).status_code == 403
    assert not ContactEntry.objects.exists()


def test_an_internal_note_does_not_move_the_clock(client_for, submitted, alice):
    before = Tracking.objects.get(request=submitted).waiting_since
    post_entry(client_for(alice), submitted, direction="internal", channel="note", summary="Asked legal.")
    assert Tracking.objects.get(request=submitted).waiting_since == before


def test_an_attachment_one_byte_over_five_mib_says_both_sizes_exactly(client_for, submitted, alice, settings):
    settings.TRACKING_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
    big = PDF_BYTES + b"x" * (5 * 1024 * 1024 + 1 - len(PDF_BYTES))
    body = post_entry(client_for(alice), submitted, attachment=upload("big.pdf", big)).content.decode()
    assert "“big.pdf” is 5.0\xa0MB (5,242,881 bytes), over the 5.0\xa0MB limit (5,242,880 bytes)." in body
