"""What the scanner reads: vendored folders are skipped, unparseable files are listed, never fatal."""

import subprocess
import sys
from pathlib import Path

from tests.scan.helpers import scan_source
from zdrscan import scan_path

CALL = "from openai import OpenAI\nOpenAI().files.list()\n"
ROOT = Path(__file__).resolve().parents[2]


def test_vendored_folders_are_skipped_by_default(tmp_path):
    for folder in ("node_modules/openai", ".venv/lib", "venv", "dist", "build", ".git", "src"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "x.py").write_text(CALL)
    assert [f.file for f in scan_path(tmp_path).findings] == ["src/x.py"]
    assert len(scan_path(tmp_path, skipped_dirs=frozenset()).findings) == 7


def test_a_python_syntax_error_is_listed_and_the_other_files_still_scanned(tmp_path):
    (tmp_path / "bad.py").write_text("from openai import OpenAI\ndef broken(:\n    pass\n")
    result = scan_source(tmp_path, "good.py", CALL)
    assert [f.file for f in result.findings] == ["good.py"]
    assert [(item.file, item.error) for item in result.unparsed] == [
        ("bad.py", "Python syntax error at line 2: invalid syntax")]


def test_broken_javascript_is_listed_with_what_parsed_still_scanned(tmp_path):
    source = 'import OpenAI from "openai";\nconst c = new OpenAI();\nc.files.list();\nfunction (( {\n'
    result = scan_source(tmp_path, "half.js", source)
    assert [(f.line, f.endpoint) for f in result.findings] == [(3, "/v1/files")]
    assert [item.file for item in result.unparsed] == ["half.js"]
    assert "syntax error near line 4" in result.unparsed[0].error


def test_binary_and_non_utf8_files_are_listed(tmp_path):
    (tmp_path / "latin.py").write_bytes(b"# openai caf\xe9\nx = 1\n")
    result = scan_path(tmp_path)
    assert [(item.file, item.error) for item in result.unparsed] == [("latin.py", "not UTF-8 text")]


def test_a_single_file_can_be_scanned(tmp_path):
    (tmp_path / "one.py").write_text(CALL)
    assert [(f.file, f.line) for f in scan_path(tmp_path / "one.py").findings] == [("one.py", 2)]


def test_the_library_never_imports_django():
    code = ("import sys, zdrscan, zdrscan.cli, zdrscan.sarif, zdrscan.policy, zdrscan.accuracy;"
            "zdrscan.scan_path('tests/data/scan_corpus');"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
