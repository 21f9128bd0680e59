"""Walk a repository and hand each source file to the scanner for its language."""

import os
import posixpath
from pathlib import Path

from .findings import ScanResult, Unparsed
from .js_scan import read_script
from .manifests import ai_sdk_major, settle_provider_defaults
from .modules import ModuleIndex, python_module, script_module
from .notebook import scan_notebook
from .python_scan import read_python
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
           b"code_interpreter", b"image_generation", b"\"mcp\"", b"'mcp'",
           # SDK calls on a client imported from another module, in a file that never names OpenAI
           b"chat.completions.", b"responses.create", b"responses.parse", b"responses.stream", b"embeddings.create",
           b"images.generate", b"audio.transcriptions.", b"audio.speech.", b"vector_stores.", b"vectorStores.",
           b"files.create", b"batches.create", b"fine_tuning.", b"fineTuning.",
           # frameworks that may name no provider at all: `completion(model="gpt-4o")`
           b"litellm", b"dspy", b"crewai", b"init_chat_model")


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
    if path.name == "package.json":
        return "manifest"
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
    by_file, tree = {}, _Tree()
    majors = {}  # folder -> major version of @ai-sdk/openai its package.json names
    for path, kind in iter_sources(root, skipped_dirs):
        relpath = path.relative_to(base).as_posix()
        if kind == "manifest":
            major = _manifest_major(path)
            if major is not None:
                majors[posixpath.dirname(relpath)] = major
            continue
        text = _read(path, relpath, kind, result)
        if text is not None:
            by_file[relpath] = _scan_one(text, relpath, path, kind, result, tree)
    for relpath, path, _suffix, kind, imported in tree.importers():  # read again with the imported names
        again = ScanResult(root=str(root))  # its problems were listed on the first reading
        text = _read(path, relpath, kind, again)
        if text is not None:
            by_file[relpath] = _scan_one(text, relpath, path, kind, again, imported=imported)
    result.findings = [finding for findings in by_file.values() for finding in findings]
    settle_provider_defaults(result.findings, majors)
    if all(finding.kind == "tool" for finding in result.findings):  # no OpenAI call: another provider's tools
        result.findings = []
    result.findings.sort(key=lambda finding: (finding.file, finding.line, finding.column))
    result.unparsed.sort(key=lambda item: item.file)
    return result


def _manifest_major(path):
    try:
        return ai_sdk_major(path.read_text(encoding="utf-8")) if path.stat().st_size < MAX_BYTES else None
    except (OSError, UnicodeDecodeError):
        return None


def _read(path, relpath, kind, result):
    """The file's text, or None when it is too large, unreadable, not UTF-8 or cannot hold a finding."""
    try:
        limit = MAX_NOTEBOOK_BYTES if kind == "notebook" else MAX_BYTES
        if path.stat().st_size > limit:
            result.unparsed.append(Unparsed(relpath, f"larger than {limit // 1_000_000} MB, not scanned"))
            return None
        raw = path.read_bytes()
    except OSError as error:
        result.unparsed.append(Unparsed(relpath, f"cannot read: {error.strerror or error}"))
        return None
    if not any(marker in raw for marker in MARKERS):
        result.files_skipped += 1
        return None
    result.files_scanned += 1
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        result.unparsed.append(Unparsed(relpath, "not UTF-8 text"))
        return None


class _Tree:
    """What the tree's modules export to each other, and the files importing from them (modules.py)."""

    def __init__(self):
        self.python, self.script = ModuleIndex("."), ModuleIndex("/")
        self.pending = []  # (relpath, path, suffix, kind, imports)

    def add(self, path, relpath, kind, exports, imports):
        if exports:
            (self.script if kind == "script" else self.python).add(
                (script_module if kind == "script" else python_module)(relpath), exports)
        if imports:
            self.pending.append((relpath, path, path.suffix.lower(), kind, imports))

    def importers(self):
        """(relpath, path, suffix, kind, {local name: export}) of each file importing an export."""
        for relpath, path, suffix, kind, imports in self.pending:
            if kind == "script":
                imported = self.script.script_imports(relpath, imports)
            else:
                imported = self.python.python_imports(relpath, imports)
            if imported:
                yield relpath, path, suffix, kind, imported


def _scan_one(text, relpath, path, kind, result, tree=None, imported=None):
    """Findings in one file; `tree` (first reading) records its exports and imports, `imported` (second
    reading) gives it the names it imports from the tree."""
    suffix = path.suffix.lower()
    if kind == "python":
        try:
            file = read_python(text, relpath, imported)
        except (SyntaxError, ValueError, RecursionError) as error:
            where = f" at line {error.lineno}" if getattr(error, "lineno", None) else ""
            result.unparsed.append(Unparsed(relpath, f"Python syntax error{where}: {getattr(error, 'msg', error)}"))
            return []
        if tree is not None:
            tree.add(path, relpath, kind, file.exports(), file.imports)
        return file.findings
    if kind == "notebook":
        imports = []
        try:
            findings, error = scan_notebook(text, relpath, imported, imports)
        except (ValueError, AttributeError, SyntaxError) as error:  # JSONDecodeError is a ValueError
            result.unparsed.append(Unparsed(relpath, f"not a readable notebook: {error}"))
            return []
        if error:
            result.unparsed.append(Unparsed(relpath, error))
        if tree is not None:
            tree.add(path, relpath, kind, None, imports)
        return findings
    if kind == "script":
        file, error = read_script(text, relpath, suffix, imported)
        if error:
            result.unparsed.append(Unparsed(relpath, error))
        if tree is not None:
            tree.add(path, relpath, kind, file.exports(), file.imports)
        return file.findings
    return scan_text(text, relpath, shell_script=suffix in SHELL)
