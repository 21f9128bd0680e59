"""An organization's export archive as bytes, its data.json, and tampered copies of it."""

import io
import json
import zipfile

from apps.orgdata.services import organization_export

CHARLIE_SECRET = "Charlie's confidential routing engine"


def export_bytes(organization):
    buffer = io.BytesIO()
    organization_export(organization=organization, into=buffer)
    return buffer.getvalue()


def data_of(archive_bytes):
    with zipfile.ZipFile(io.BytesIO(archive_bytes)) as archive:
        return json.loads(archive.read("data.json"))


def rewritten(archive_bytes, *, data=None, files=None, drop=()):
    """A copy of the export with data.json changed by `data(dict)`, files replaced by `files`
    ({storage name: bytes}) and members in `drop` left out."""
    source = zipfile.ZipFile(io.BytesIO(archive_bytes))
    buffer = io.BytesIO()
    with source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            content = source.read(info.filename)
            if info.filename == "data.json" and data is not None:
                document = json.loads(content)
                data(document)
                content = json.dumps(document).encode()
            name = info.filename.removeprefix("files/")
            if files and name in files:
                content = files[name]
            target.writestr(info.filename, content)
    return buffer.getvalue()
