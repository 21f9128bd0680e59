"""Reading and validating a catalog data file. Errors name the line and the field at fault."""

import json
from functools import cache
from pathlib import Path

from django.conf import settings
from json_source_map import calculate as source_map
from jsonschema import Draft202012Validator


class CatalogFileError(ValueError):
    """A data file that cannot be imported; the message says where and why."""


@cache
def _validator():
    schema = json.loads((Path(settings.BASE_DIR) / "data" / "catalog" / "schema.json").read_text())
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _pointer(path):
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path) if path else ""


def _line_of(text, path):
    positions = source_map(text)
    pointer = _pointer(path)
    while pointer not in positions and pointer:  # a missing key: point at its parent object
        pointer = pointer.rsplit("/", 1)[0]
    return positions.get(pointer or "", positions[""]).value_start.line + 1


def _field_name(path):
    return ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in path).replace(".[", "[") or "(top level)"


def _check_references(document):
    """What the schema cannot say: unique keys, features that name existing endpoints,
    limitations linked to features the file describes, and controls that include ZDR and MAM."""
    paths = [e["path"] for e in document["endpoints"]]
    for index, path in enumerate(paths):
        if path in paths[:index]:
            yield ["endpoints", index, "path"], f"duplicate endpoint path {path!r}"
    keys = [f["key"] for f in document["features"]]
    for index, feature in enumerate(document["features"]):
        if feature["key"] in keys[:index]:
            yield ["features", index, "key"], f"duplicate feature key {feature['key']!r}"
        for n, path in enumerate(feature["endpoints"]):
            if path not in paths:
                yield ["features", index, "endpoints", n], f"unknown endpoint {path!r}"
    for index, endpoint in enumerate(document["endpoints"]):
        for n, item in enumerate(endpoint["limitations"]):
            for m, key in enumerate(item.get("features", []) if isinstance(item, dict) else []):
                if key not in keys:
                    yield ["endpoints", index, "limitations", n, "features", m], f"unknown feature {key!r}"
    controls = [c["key"] for c in document.get("controls", [])]
    for index, key in enumerate(controls):
        if key in controls[:index]:
            yield ["controls", index, "key"], f"duplicate control key {key!r}"
    missing = [key for key in ("zdr", "mam") if controls and key not in controls]
    if missing:
        yield ["controls"], f"the controls must include {' and '.join(missing)}: requests are checked under them"


def read_catalog_file(path):
    """Parse and validate `path`; return the document or raise CatalogFileError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogFileError(f"{path}: cannot read the file ({exc}).") from exc
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogFileError(f"{path}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg}).") from exc
    error = next(iter(sorted(_validator().iter_errors(document), key=lambda e: list(e.absolute_path))), None)
    if error is not None:
        where = list(error.absolute_path)
        raise CatalogFileError(f"{path}, line {_line_of(text, where)}, field {_field_name(where)}: {error.message}.")
    for where, message in _check_references(document):
        raise CatalogFileError(f"{path}, line {_line_of(text, where)}, field {_field_name(where)}: {message}.")
    return document


def check_document(document):
    """Validate a document built in memory (a pasted draft) as a file would be; raise
    CatalogFileError naming the first field at fault."""
    error = next(iter(sorted(_validator().iter_errors(document), key=lambda e: list(e.absolute_path))), None)
    if error is not None:
        raise CatalogFileError(f"field {_field_name(list(error.absolute_path))}: {error.message}.")
    for where, message in _check_references(document):
        raise CatalogFileError(f"field {_field_name(where)}: {message}.")


def schema_families():
    """The endpoint families the schema allows (empty if the schema stops listing them)."""
    endpoint = _validator().schema.get("$defs", {}).get("endpoint", {})
    return set(endpoint.get("properties", {}).get("family", {}).get("enum", []))
