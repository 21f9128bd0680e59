"""Scan a snippet written to a temporary file, the way a repository would hold it."""

from zdrscan import scan_path


def scan_source(tmp_path, name, source):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source)
    return scan_path(tmp_path)


def summary(result):
    """(line, endpoint, features, models, confidence) per finding, the part a reader checks."""
    return [(f.line, f.endpoint, f.features, f.models, f.confidence) for f in result.findings]
