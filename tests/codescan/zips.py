"""Zips built in memory for the code-scan tests."""

import io
import stat
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

CLIENT = "from openai import OpenAI\nclient = OpenAI()\n"
BATCH = CLIENT + 'client.batches.create(input_file_id="file-1", endpoint="/v1/responses", completion_window="24h")\n'
RESPONSES = CLIENT + 'client.responses.create(model="gpt-4.1", input="hi", store=True, background=True)\n'
COMMIT = "3f2a9c1b7d4e5f60718293a4b5c6d7e8f9012345"


def zip_bytes(files, *, links=()):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
        for name, target in links:
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return buffer.getvalue()


def repository(name="notes-service"):
    return {f"{name}/.git/HEAD": "ref: refs/heads/main\n", f"{name}/.git/refs/heads/main": COMMIT + "\n",
            f"{name}/app/batch.py": BATCH, f"{name}/app/answer.py": RESPONSES,
            f"{name}/node_modules/openai/index.py": BATCH, f"{name}/README.md": "no code"}


def upload(content, name="notes-service.zip"):
    return SimpleUploadedFile(name, content, content_type="application/zip")
