"""SARIF 2.1.0 output validates against the schema (tests/data/sarif-2.1.0-rtm.5.json, vendored from
the npm package @microsoft/jest-sarif, MIT) that GitHub code scanning implements."""

import json
from pathlib import Path

import jsonschema

from zdrscan import scan_path
from zdrscan.policy import policy_parse, policy_violations
from zdrscan.sarif import sarif_log

DATA = Path(__file__).resolve().parents[1] / "data"
SCHEMA = json.loads((DATA / "sarif-2.1.0-rtm.5.json").read_text())


def test_the_corpus_scan_with_policy_errors_and_unparsed_files_is_valid_sarif(tmp_path):
    result = scan_path(DATA / "scan_corpus")
    policy = policy_parse({"control": "mam", "allowed": {"endpoints": ["/v1/responses"], "features": []}})
    log = sarif_log(result, policy_violations(policy, result.findings))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    assert {r["level"] for r in run["results"]} == {"note", "error"}
    assert run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"].startswith("js/broken.js: ")


def test_each_result_points_at_the_file_and_line_of_the_call(tmp_path):
    (tmp_path / "a.py").write_text("import openai\n\nopenai.embeddings.create(model='m', input='x')\n")
    log = sarif_log(scan_path(tmp_path))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    [result] = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "a.py", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 3, "startColumn": 1,
                   "snippet": {"text": "openai.embeddings.create(model='m', input='x')"}},
    }
    assert result["properties"]["endpoint"] == "/v1/embeddings"


def test_an_invalid_log_is_rejected_by_the_schema():
    broken = sarif_log(scan_path(DATA / "scan_corpus" / "py" / "media.py"))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert list(jsonschema.Draft4Validator(SCHEMA).iter_errors(broken))
