"""The CI gate: `--policy policy.json` exits 1 on anything the approved scope does not allow, and the
SARIF points at the offending lines."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from zdrscan.policy import PolicyError, policy_parse

ROOT = Path(__file__).resolve().parents[2]
SOURCE = """from openai import OpenAI
client = OpenAI()
client.responses.create(model="gpt-4.1", input="x")
client.responses.create(model="gpt-4.1", input="x", store=True, background=True)
client.batches.create(input_file_id="f", endpoint="/v1/responses", completion_window="24h")
"""
POLICY = {"control": "zdr", "catalog_version": "2026-09-22", "projects": ["proj_abc"],
          "allowed": {"endpoints": ["/v1/responses", "/v1/embeddings"], "features": ["store_true"]}}


def gate(tmp_path, policy, source=SOURCE):
    (tmp_path / "repo").mkdir(exist_ok=True)
    (tmp_path / "repo" / "app.py").write_text(source)
    (tmp_path / "policy.json").write_text(policy if isinstance(policy, str) else json.dumps(policy))
    return subprocess.run([sys.executable, "-m", "zdrscan", str(tmp_path / "repo"), "--policy",
                           str(tmp_path / "policy.json")], cwd=ROOT, capture_output=True, text=True, check=False)


def test_code_within_the_policy_passes(tmp_path):
    done = gate(tmp_path, POLICY, source=SOURCE.splitlines()[0] + "\nclient = OpenAI()\n"
                "client.responses.create(model='gpt-4.1', input='x', store=True)\n")
    assert done.returncode == 0
    assert [r["level"] for r in json.loads(done.stdout)["runs"][0]["results"]] == ["note"]


def test_an_endpoint_or_feature_outside_the_policy_fails_with_errors_on_its_lines(tmp_path):
    done = gate(tmp_path, POLICY)
    assert done.returncode == 1
    errors = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"], r["message"]["text"])
              for r in json.loads(done.stdout)["runs"][0]["results"] if r["level"] == "error"]
    assert errors == [
        ("feature-not-allowed", 4, "background_mode (on /v1/responses) is not in the features allowed under this "
                                   "ZDR policy."),
        ("endpoint-not-allowed", 5, "/v1/batches is not in the endpoints allowed under this ZDR policy."),
    ]
    assert "app.py:5: /v1/batches is not in the endpoints allowed" in done.stderr


@pytest.mark.parametrize(("policy", "message"), [
    ("{not json", "is not JSON: Expecting property name enclosed in double quotes at line 1"),
    ({"control": "eyes-off", "allowed": {"endpoints": [], "features": []}}, '"control" must be one of'),
    ({"control": "zdr", "allowed": {"endpoints": "/v1/responses", "features": []}},
     '"allowed.endpoints" must be a list of strings'),
    ({"control": "zdr", "allowed": {"endpoints": ["responses"], "features": []}}, "holds catalog paths such as"),
    ({"control": "zdr"}, '"allowed" must be an object'),
])
def test_a_bad_policy_exits_2_and_says_what_to_fix(tmp_path, policy, message):
    done = gate(tmp_path, policy)
    assert done.returncode == 2
    assert message in done.stderr
    assert done.stdout == ""


def test_policy_parse_keeps_the_projects_and_catalog_version():
    policy = policy_parse(POLICY)
    assert (policy.control, policy.catalog_version, policy.projects) == ("zdr", "2026-09-22", ("proj_abc",))
    with pytest.raises(PolicyError):
        policy_parse(["not", "an", "object"])
