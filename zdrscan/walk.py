"""Walk a repository and hand each source file to the scanner for its language."""

import os
from pathlib import Path

from .findings import ScanResult, Unparsed
from .js_scan import scan_script
from .notebook import scan_notebook
from .python_scan import scan_python
from .text_scan import scan_text

SKIPPED_DIRS = frozenset({"node_modules", ".venv", "venv", "dist", "build", ".git", "__pycache__", ".tox",
                          ".mypy_cache", ".next", "site-packages"})
PYTHON = {".py", ".pyi"}
SCRIPT = {".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts"}
TEXT = {".go", ".rb", ".java", ".kt", ".kts", ".scala", ".php", ".cs", ".rs", ".swift", ".ex", ".exs", ".dart",
        ".lua", ".r", ".c", ".cc", ".cpp", ".h", ".m", ".pl", ".clj", ".sh", ".bash", ".zsh", ".ps1", ".fish"}
SHELL = {".sh", ".bash", ".zsh", ".ps1", ".fish"}
MAX_BYTES = 2_000_000
# Notebooks carry their outputs (images as base64); only the code cells are parsed.
MAX_NOTEBOOK_BYTES = 25_000_000
# A file without any of these cannot hold a finding, so it is not parsed at all (most of a repository).
MARKERS = (b"openai", b"OpenAI", b"/v1/", b"OPENAI", b"agents import", b"web_search", b"file_search",
           b"code_interpreter", b"image_generation", b"\"mcp\"", b"'mcp'")


def iter_sources(root, skipped_dirs=SKIPPED_DIRS):
    """Source files under root, sorted, vendored folders left out; yields (path, kind)."""
    root = Path(root)
    if root.is_file():
        yield root, _kind(root)
        return
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(name for name in dirnames if name not in skipped_dirs)
        for filename in sorted(filenames):
            path = Path(directory, filename)
            kind = _kind(path)
            if kind:
                yield path, kind


def _kind(path):
    suffix = path.suffix.lower()
    if suffix in PYTHON:
        return "python"
    if suffix in SCRIPT:
        return "script"
    if suffix in TEXT:
        return "text"
    if suffix == ".ipynb":
        return "notebook"
    return None


def scan_path(root, skipped_dirs=None):
    """Scan a file or a folder: every finding, and the files that could not be read or parsed."""
    root, skipped_dirs = Path(root), SKIPPED_DIRS if skipped_dirs is None else skipped_dirs
    base = root.parent if root.is_file() else root
    result = ScanResult(root=str(root))
    for path, kind in iter_sources(root, skipped_dirs):
        relpath = path.relative_to(base).as_posix()
        try:
            limit = MAX_NOTEBOOK_BYTES if kind == "notebook" else MAX_BYTES
            if path.stat().st_size > limit:
                result.unparsed.append(Unparsed(relpath, f"larger than {limit // 1_000_000} MB, not scanned"))
                continue
            raw = path.read_bytes()
        except OSError as error:
            result.unparsed.append(Unparsed(relpath, f"cannot read: {error.strerror or error}"))
            continue
        if not any(marker in raw for marker in MARKERS):
            result.files_skipped += 1
            continue
        result.files_scanned += 1
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            result.unparsed.append(Unparsed(relpath, "not UTF-8 text"))
            continue
        result.findings.extend(_scan_one(text, relpath, path.suffix.lower(), kind, result))
    if all(finding.kind == "tool" for finding in result.findings):  # no OpenAI call: another provider's tools
        result.findings = []
    result.findings.sort(key=lambda finding: (finding.file, finding.line, finding.column))
    result.unparsed.sort(key=lambda item: item.file)
    return result


def _scan_one(text, relpath, suffix, kind, result):
    if kind == "python":
        try:
            return scan_python(text, relpath)
        except (SyntaxError, ValueError, RecursionError) as error:
            where = f" at line {error.lineno}" if getattr(error, "lineno", None) else ""
            result.unparsed.append(Unparsed(relpath, f"Python syntax error{where}: {getattr(error, 'msg', error)}"))
            return []
    if kind == "notebook":
        try:
            findings, error = scan_notebook(text, relpath)
        except (ValueError, AttributeError, SyntaxError) as error:  # JSONDecodeError is a ValueError
            result.unparsed.append(Unparsed(relpath, f"not a readable notebook: {error}"))
            return []
        if error:
            result.unparsed.append(Unparsed(relpath, error))
        return findings
    if kind == "script":
        findings, error = scan_script(text, relpath, suffix)
        if error:
            result.unparsed.append(Unparsed(relpath, error))
        return findings
    return scan_text(text, relpath, shell_script=suffix in SHELL)
