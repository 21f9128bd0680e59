"""The export file: a zip with data.json (the manifest and every row) and files/<storage name>
for every stored file the rows name. Reading one checks it completely before anything is written:
a zip, our format and version, the counts, and the SHA-256 of every file."""

import datetime
import hashlib
import json
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder

from .scope import CATALOG_VERSION, ORGANIZATION_PATHS, USER, file_fields

FORMAT = "zdrportal.organization-export"
FORMAT_VERSION = 1
DATA_NAME = "data.json"
FILES_PREFIX = "files/"
CATALOG_ROWS = {"endpoints": "catalog.endpointentry", "features": "catalog.featureentry"}


class ImportRefused(Exception):
    """The import cannot go ahead; the message says why, for the person running it."""


class InvalidExport(ImportRefused):
    """The file is not a complete, intact organization export of this format."""


class ExactJSONEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder cuts datetimes to milliseconds; an export keeps every microsecond."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def sha256_of(chunks):
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


def safe_storage_name(name):
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


@dataclass
class Export:
    """An opened, checked export: its data.json and the zip to read the files from."""

    data: dict
    archive: zipfile.ZipFile

    @property
    def slug(self):
        return self.data["organization"]["slug"]

    def rows(self, label):
        return self.data["rows"][label]

    def file_bytes(self, name):
        return self.archive.read(FILES_PREFIX + name)


@contextmanager
def export_opened(source):
    """Open and check an export (a path or a binary file); raises InvalidExport saying what is wrong."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as error:
        raise InvalidExport(f"{_name(source)} is not a zip file ({error}).") from error
    with archive:
        data = _data(archive, source)
        try:
            _check_shape(data)
            _check_files(data, archive)
        except (KeyError, TypeError, AttributeError) as error:
            raise InvalidExport(f"{DATA_NAME} is malformed ({type(error).__name__}: {error}).") from error
        yield Export(data, archive)


def _name(source):
    return str(getattr(source, "name", source))


def _data(archive, source):
    try:
        data = json.loads(archive.read(DATA_NAME))
    except KeyError as error:
        raise InvalidExport(f"{_name(source)} has no {DATA_NAME}: it is not an organization export.") from error
    except (ValueError, zipfile.BadZipFile) as error:
        raise InvalidExport(f"{DATA_NAME} cannot be read ({error}).") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidExport(f"{DATA_NAME} is not an organization export of ZDR Portal.")
    if data.get("format_version") != FORMAT_VERSION:
        raise InvalidExport(f"The export has format version {data.get('format_version')!r}; "
                            f"this portal reads version {FORMAT_VERSION}.")
    return data


def _check_shape(data):
    rows = data.get("rows")
    if not isinstance(rows, dict) or set(rows) != set(ORGANIZATION_PATHS):
        raise InvalidExport("The export does not hold the models this portal expects; "
                            "it was made by a different version of the portal.")
    catalog = data.get("catalog_versions", [])
    found = {label: len(records) for label, records in rows.items()}
    found[USER] = len(data.get("users", []))
    found[CATALOG_VERSION] = len(catalog)
    for key, label in CATALOG_ROWS.items():
        found[label] = sum(len(version.get(key, [])) for version in catalog)
    if data.get("counts") != found:
        raise InvalidExport("The counts in data.json do not match its rows: the file is incomplete or was edited.")
    organizations = rows["accounts.organization"]
    if len(organizations) != 1 or organizations[0]["fields"].get("slug") != data["organization"].get("slug"):
        raise InvalidExport("The export must hold exactly the one organization its manifest names.")


def _check_files(data, archive):
    files, missing = data.get("files", {}), set(data.get("missing_files", []))
    for name, expected in files.items():
        if not safe_storage_name(name):
            raise InvalidExport(f"The file name {name!r} is not a plain storage name.")
        try:
            with archive.open(FILES_PREFIX + name) as member:
                actual = sha256_of(iter(lambda member=member: member.read(1 << 16), b""))
        except KeyError as error:
            raise InvalidExport(f"The file {name} is listed but missing from the zip.") from error
        except zipfile.BadZipFile as error:
            raise InvalidExport(f"The file {name} is damaged in the zip ({error}).") from error
        if actual != expected:
            raise InvalidExport(f"The file {name} does not match its SHA-256 checksum: it was changed or damaged.")
    for label in ORGANIZATION_PATHS:
        for field in file_fields(apps.get_model(label)):
            for record in data["rows"][label]:
                name = record["fields"].get(field.name)
                if name and name not in files and name not in missing:
                    raise InvalidExport(
                        f"{label} #{record.get('pk')} names the file {name}, which is not in the export.")
