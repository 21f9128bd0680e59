"""Raw HTTP calls naming `/v1/...` paths are `likely` findings, in any language."""

from tests.scan.helpers import scan_source, summary


def test_python_requests_with_a_json_body(tmp_path):
    source = """import requests
BASE = "https://api.openai.com/v1"
requests.post(f"{BASE}/responses", json={"model": "gpt-4.1", "store": True, "input": "x"}, timeout=9)
requests.get(BASE + "/threads/thread_abc/runs/run_1/steps", timeout=9)
"""
    assert summary(scan_source(tmp_path, "raw.py", source)) == [
        (3, "/v1/responses", ["store_true"], ["gpt-4.1"], "likely"),
        (4, "/v1/threads/runs/steps", [], [], "likely"),
    ]


def test_fetch_and_axios_in_javascript(tmp_path):
    source = """const url = "https://api.openai.com/v1/images/generations";
await fetch(url, { method: "POST", body: JSON.stringify({ model: "dall-e-3", prompt }) });
await axios.post("https://api.openai.com/v1/audio/speech", { model: "tts-1", input: "x" });
"""
    assert summary(scan_source(tmp_path, "raw.js", source)) == [
        (2, "/v1/images/generations", ["dalle_models"], ["dall-e-3"], "likely"),
        (3, "/v1/audio/speech", [], ["tts-1"], "likely"),
    ]


def test_curl_in_shell_and_urls_in_go(tmp_path):
    (tmp_path / "go").mkdir()
    (tmp_path / "go" / "c.go").write_text('package c\nconst u = "https://api.openai.com/v1/batches"\n')
    result = scan_source(tmp_path, "up.sh", "# curl https://api.openai.com/v1/responses\n"
                         "curl https://api.openai.com/v1/files -F purpose=batch\n")
    assert [(f.file, f.line, f.endpoint, f.confidence) for f in result.findings] == [
        ("go/c.go", 2, "/v1/batches", "likely"), ("up.sh", 2, "/v1/files", "likely")]


def test_other_hosts_and_bare_paths_without_openai_are_not_findings(tmp_path):
    source = """import requests
requests.post("http://localhost:8000/v1/chat/completions", json={}, timeout=3)
requests.get("/v1/files", timeout=3)
"""
    assert scan_source(tmp_path, "local.py", source).findings == []


def test_hosted_tools_built_apart_from_the_call_are_likely_tool_findings(tmp_path):
    (tmp_path / "tools.ts").write_text('export function tools() {\n  return [{ type: "code_interpreter" }];\n}\n')
    (tmp_path / "helpers.py").write_text('SEARCH = {"type": "web_search_preview"}\n')
    result = scan_source(tmp_path, "app.py", "from openai import OpenAI\nfrom helpers import SEARCH\n"
                         "OpenAI().responses.create(model='gpt-4.1', tools=[SEARCH], input='x')\n")
    # The imported constant also reaches the call: the tool is on both.
    assert [(f.file, f.line, f.features, f.confidence, f.kind) for f in result.findings] == [
        ("app.py", 3, ["web_search_live"], "certain", "call"),
        ("helpers.py", 1, ["web_search_live"], "likely", "tool"),
        ("tools.ts", 2, ["hosted_containers"], "likely", "tool"),
    ]


def test_tool_declarations_alone_are_another_providers(tmp_path):
    source = 'from mistralai import Mistral\ntools = [{"type": "web_search"}, {"type": "code_interpreter"}]\n'
    assert scan_source(tmp_path, "mistral.py", source).findings == []
