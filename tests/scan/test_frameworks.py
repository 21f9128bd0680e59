"""Frameworks over the OpenAI API (LangChain, LlamaIndex, the Vercel AI SDK), and names shared
between the modules of one repository."""

import json

from tests.scan.helpers import scan_source, summary
from zdrscan import scan_path


def test_langchain_chat_is_likely_chat_completions_until_an_option_only_responses_has(tmp_path):
    source = ("from langchain_openai import ChatOpenAI\n"
              "a = ChatOpenAI(model='gpt-4o')\n"
              "b = ChatOpenAI(model='gpt-5', use_responses_api=True)\n"
              "c = ChatOpenAI(model='gpt-4o', use_responses_api=False)\n"
              "d = ChatOpenAI(model='llama3', base_url='http://localhost:11434/v1')\n")
    assert summary(scan_source(tmp_path, "bot.py", source)) == [
        (2, "/v1/chat/completions", [], ["gpt-4o"], "likely"),
        (3, "/v1/responses", [], ["gpt-5"], "certain"),
        (4, "/v1/chat/completions", [], ["gpt-4o"], "certain"),
    ]


def test_llamaindex_openai_is_its_llm_not_the_sdk_client(tmp_path):
    source = ("from llama_index.llms.openai import OpenAI\n"
              "llm = OpenAI(model='gpt-3.5-turbo-instruct')\n"
              "llm.complete('hello')\n")
    assert summary(scan_source(tmp_path, "rag.py", source)) == [
        (2, "/v1/completions", [], ["gpt-3.5-turbo-instruct"], "certain")]


def test_ai_sdk_provider_calls_and_a_compatible_host_that_is_not_openai(tmp_path):
    source = ('import { createOpenAI, openai } from "@ai-sdk/openai";\n'
              'const groq = createOpenAI({ baseURL: "https://api.groq.com/openai/v1" });\n'
              'generateText({ model: openai("gpt-4.1"), tools: { s: openai.tools.fileSearch({}) } });\n'
              'embed({ model: openai.embedding("text-embedding-3-small"), value: "x" });\n'
              'generateText({ model: groq("llama-3.3-70b") });\n')
    assert summary(scan_source(tmp_path, "ai.ts", source)) == [
        (3, "/v1/responses", ["file_search"], ["gpt-4.1"], "likely"),
        (4, "/v1/embeddings", [], ["text-embedding-3-small"], "certain"),
    ]


def test_a_client_and_a_model_imported_from_another_module_are_resolved(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "llm.py").write_text('from openai import OpenAI\nclient = OpenAI()\nMODEL = "gpt-4.1"\n')
    source = "from .llm import MODEL, client\nclient.responses.create(model=MODEL, input='x', background=True)\n"
    result = scan_source(tmp_path, "app/jobs.py", source)
    assert summary(result) == [(2, "/v1/responses", ["background_mode"], ["gpt-4.1"], "certain")]


def test_a_client_exported_by_a_typescript_module_is_resolved_through_the_alias(tmp_path):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "openai.ts").write_text('import OpenAI from "openai";\nexport const ai = new OpenAI();\n')
    source = 'import { ai } from "@/lib/openai";\nai.files.create({ file, purpose: "batch" });\n'
    assert summary(scan_source(tmp_path, "app/route.ts", source)) == [(2, "/v1/files", [], [], "certain")]


def test_a_notebook_shell_cell_with_curl_is_a_raw_call_and_a_bang_inside_a_string_is_code(tmp_path):
    cells = [["%%bash\n", "curl https://api.openai.com/v1/batches -d '{\"endpoint\": \"/v1/responses\"}'\n"],
             ["from openai import OpenAI\n", "NOTE = '''x\n", " !! y'''\n",
              "OpenAI().moderations.create(input=NOTE)\n"]]
    (tmp_path / "n.ipynb").write_text(json.dumps({"cells": [
        {"cell_type": "code", "metadata": {}, "outputs": [], "source": cell} for cell in cells]}, indent=1))
    result = scan_path(tmp_path)
    assert [(f.endpoint, f.confidence) for f in result.findings] == [
        ("/v1/batches", "likely"), ("/v1/moderations", "certain")]
    assert result.unparsed == []


def test_the_projects_package_json_decides_what_calling_the_ai_sdk_provider_reaches(tmp_path):
    source = 'import { openai } from "@ai-sdk/openai";\nexport const model = openai("gpt-4o");\n'
    for folder, version in (("v4", "^1.3.22"), ("v5", "2.0.15")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "package.json").write_text(json.dumps({"dependencies": {"@ai-sdk/openai": version}}))
        (tmp_path / folder / "model.ts").write_text(source)
    (tmp_path / "model.ts").write_text(source)
    assert [(f.file, f.endpoint, f.confidence) for f in scan_path(tmp_path).findings] == [
        ("model.ts", "/v1/responses", "likely"),
        ("v4/model.ts", "/v1/chat/completions", "certain"),
        ("v5/model.ts", "/v1/responses", "certain"),
    ]
