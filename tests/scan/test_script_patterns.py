"""JavaScript and TypeScript calling patterns, read with tree-sitter."""

from tests.scan.helpers import scan_source, summary


def test_default_import_under_any_name_and_a_model_constant(tmp_path):
    source = """import OpenAIApi from "openai";
const MODEL = "gpt-4o-mini";
const ai = new OpenAIApi();
export const go = () => ai.chat.completions.create({ model: MODEL, messages: [] });
"""
    assert summary(scan_source(tmp_path, "a.mjs", source)) == [
        (4, "/v1/chat/completions", [], ["gpt-4o-mini"], "certain")]


def test_camel_case_resources_map_to_catalog_paths(tmp_path):
    source = """const OpenAI = require("openai");
const client = new OpenAI();
client.vectorStores.fileBatches.uploadAndPoll(id, { files });
client.fineTuning.jobs.create({ model: "gpt-4o-mini", training_file: f });
client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: a });
client.images.generate({ model: "dall-e-2", prompt: "p" });
"""
    assert summary(scan_source(tmp_path, "a.cjs", source)) == [
        (3, "/v1/vector_stores", [], [], "certain"),
        (4, "/v1/fine_tuning/jobs", [], ["gpt-4o-mini"], "certain"),
        (5, "/v1/threads/runs", [], [], "certain"),
        (6, "/v1/images/generations", ["dalle_models"], ["dall-e-2"], "certain"),
    ]


def test_typescript_fields_parameters_and_spread_tools(tmp_path):
    source = """import { OpenAI } from "openai";
const tools = [{ type: "file_search", vector_store_ids: ["vs"] }];
class Bot {
  private client = new OpenAI();
  constructor(private readonly backup: OpenAI) {}
  ask(input: string) {
    return this.client.responses.create({ model: "gpt-4.1", input, store: true, tools: [...tools] });
  }
  again(id: string) {
    return this.backup.responses.create({ model: "gpt-4.1", previous_response_id: id, background: true });
  }
}
function direct(c: OpenAI) { return c.moderations.create({ input: "x" }); }
"""
    assert summary(scan_source(tmp_path, "bot.ts", source)) == [
        (7, "/v1/responses", ["file_search", "store_true"], ["gpt-4.1"], "certain"),
        (10, "/v1/responses", ["background_mode", "previous_response_id"], ["gpt-4.1"], "certain"),
        (13, "/v1/moderations", [], [], "certain"),
    ]


def test_image_and_file_parts_in_tsx(tmp_path):
    source = """import OpenAI from "openai";
const openai = new OpenAI();
export async function Page({ url }: { url: string }) {
  const r = await openai.responses.create({ model: "gpt-4.1", input: [{ role: "user", content: [
    { type: "input_image", image_url: url }, { type: "input_file", file_id: "f" }] }] });
  return <p>{r.output_text}</p>;
}
"""
    assert summary(scan_source(tmp_path, "page.tsx", source)) == [
        (4, "/v1/responses", ["file_inputs", "image_inputs"], ["gpt-4.1"], "certain")]


def test_azure_client_legacy_v3_and_realtime_sockets(tmp_path):
    source = """import { AzureOpenAI } from "openai";
import { OpenAIRealtimeWS } from "openai/realtime/ws";
const { OpenAIApi } = require("openai");
const azure = new AzureOpenAI({ apiVersion: "2024-10-21" });
azure.audio.translations.create({ model: "whisper-1", file });
new OpenAIApi(config).createEmbedding({ model: "text-embedding-ada-002", input: "x" });
const rt = new OpenAIRealtimeWS({ model: "gpt-realtime" });
const rt2 = await OpenAIRealtimeWS.azure(azure);
"""
    assert [(f.line, f.endpoint) for f in scan_source(tmp_path, "mix.ts", source).findings] == [
        (5, "/v1/audio/translations"), (6, "/v1/embeddings"), (7, "/v1/realtime"), (8, "/v1/realtime")]


def test_other_providers_sdks_and_servers_are_not_findings(tmp_path):
    source = """import Groq from "groq-sdk";
import OpenAI from "openai";
const groq = new Groq();
groq.chat.completions.create({ model: "llama", messages: [] });
const router = new OpenAI({ baseURL: process.env.OPENROUTER_BASE_URL, apiKey: key });
router.chat.completions.create({ model: "x", messages: [] });
const local = new OpenAI({ baseURL: "http://localhost:11434/v1" });
local.embeddings.create({ model: "nomic", input: "x" });
"""
    assert scan_source(tmp_path, "g.js", source).findings == []


def test_a_name_declared_in_two_functions_takes_the_value_of_the_function_calling(tmp_path):
    source = """import OpenAI from "openai";
const openai = new OpenAI();
async function main() {
  const params = { model: "gpt-4", messages: [] };
  return openai.chat.completions.create(params);
}
function other() {
  const params = { model: "gpt-3.5-turbo", messages: [] };
  return params;
}
"""
    assert summary(scan_source(tmp_path, "two.ts", source)) == [(5, "/v1/chat/completions", [], ["gpt-4"], "certain")]


def test_agents_sdk_for_javascript(tmp_path):
    source = """import { Agent, run as runAgent, codeInterpreterTool } from "@openai/agents";
import { RealtimeSession } from "@openai/agents-realtime";
const agent = new Agent({ name: "a", tools: [codeInterpreterTool()] });
await runAgent(agent, [{ role: "user", content: [{ type: "input_image", image: url }] }]);
const session = new RealtimeSession(agent, { model: "gpt-realtime-mini" });
"""
    assert summary(scan_source(tmp_path, "agent.mjs", source)) == [
        (4, "/v1/responses", ["hosted_containers", "image_inputs"], [], "certain"),
        (5, "/v1/realtime", [], ["gpt-realtime-mini"], "certain"),
    ]
