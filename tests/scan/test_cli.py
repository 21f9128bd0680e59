"""`python -m zdrscan` and `manage.py scan_code`: formats, exit codes, messages."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]
SOURCE = "from openai import OpenAI\nclient = OpenAI()\nclient.batches.create(input_file_id='f')\n"


def run(*args):
    return subprocess.run([sys.executable, "-m", "zdrscan", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, check=False)


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "jobs.py").write_text(SOURCE)
    (tmp_path / "broken.py").write_text("import openai\ndef (:\n")
    return tmp_path


def test_json_is_a_list_of_findings_and_unparsed_files_go_to_stderr(repo):
    done = run(repo, "--format", "json")
    assert done.returncode == 0
    assert json.loads(done.stdout) == [{
        "endpoint": "/v1/batches", "file": "jobs.py", "line": 3, "features": [], "models": [],
        "snippet": "client.batches.create(input_file_id='f')", "confidence": "certain", "column": 1,
        "kind": "call"}]
    assert "not parsed: broken.py: Python syntax error at line 2" in done.stderr


def test_text_report_names_each_call_and_the_endpoints(repo):
    done = run(repo)
    assert done.returncode == 0
    assert "jobs.py:3: /v1/batches (certain)" in done.stdout
    assert "1 finding(s) on 1 endpoint(s)" in done.stdout
    assert "not parsed: broken.py" in done.stdout


def test_a_missing_path_exits_2_with_a_clear_message(tmp_path):
    done = run(tmp_path / "nope")
    assert done.returncode == 2
    assert done.stderr.strip() == f"zdrscan: no such file or folder: {tmp_path / 'nope'}"


def test_output_file(repo, tmp_path):
    target = tmp_path / "out.sarif"
    assert run(repo, "--format", "sarif", "--output", target).returncode == 0
    assert json.loads(target.read_text())["version"] == "2.1.0"


def test_management_command_prints_the_same_json(repo, capsys):
    call_command("scan_code", str(repo), "--format", "json")
    assert [f["endpoint"] for f in json.loads(capsys.readouterr().out)] == ["/v1/batches"]


def test_management_command_fails_on_a_policy_violation(repo, tmp_path):
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"control": "zdr", "allowed": {"endpoints": ["/v1/responses"], "features": []}}))
    with pytest.raises(CommandError) as raised:
        call_command("scan_code", str(repo), "--policy", str(policy), "--output", str(tmp_path / "r.sarif"))
    assert raised.value.returncode == 1
    assert "policy does not allow" in str(raised.value)
