"""Python calling patterns seen in the SDK's examples, the cookbook and agent frameworks."""

from tests.scan.helpers import scan_source, summary


def test_a_module_level_client_and_a_model_constant(tmp_path):
    source = 'from openai import OpenAI\nMODEL = "gpt-4o"\nclient = OpenAI()\n' \
        'client.chat.completions.create(model=MODEL, messages=[])\n'
    result = scan_source(tmp_path, "app.py", source)
    assert summary(result) == [(4, "/v1/chat/completions", [], ["gpt-4o"], "certain")]


def test_any_variable_name_and_aliased_import(tmp_path):
    source = "from openai import AsyncOpenAI as Client\nllm = Client()\n" \
        "async def go():\n    await llm.embeddings.create(model='text-embedding-3-small', input='x')\n"
    result = scan_source(tmp_path, "app.py", source)
    assert summary(result) == [(4, "/v1/embeddings", [], ["text-embedding-3-small"], "certain")]


def test_images_generate_maps_to_generations_and_dalle_is_a_feature(tmp_path):
    source = "import openai\nc = openai.OpenAI()\n" \
        "c.images.generate(model='dall-e-3', prompt='p')\nc.images.edit(model='gpt-image-1', image=b)\n"
    result = scan_source(tmp_path, "img.py", source)
    assert summary(result) == [(3, "/v1/images/generations", ["dalle_models"], ["dall-e-3"], "certain"),
                               (4, "/v1/images/edits", ["image_inputs"], ["gpt-image-1"], "certain")]


def test_each_eligibility_argument_becomes_its_catalog_feature(tmp_path):
    source = """from openai import OpenAI
client = OpenAI()
client.responses.create(model="o3", store=True, background=True, previous_response_id=prev, conversation="c",
    tools=[{"type": "file_search"}, {"type": "code_interpreter"}, {"type": "web_search_preview"},
           {"type": "mcp", "server_url": "u"}, {"type": "image_generation"}],
    input=[{"role": "user", "content": [{"type": "input_image", "image_url": u},
                                        {"type": "input_file", "file_id": f}]}])
"""
    [finding] = scan_source(tmp_path, "r.py", source).findings
    assert finding.features == ["background_mode", "conversation", "file_inputs", "file_search", "hosted_containers",
                                "image_generation", "image_inputs", "previous_response_id", "remote_mcp",
                                "store_true", "web_search_live"]


def test_store_false_and_no_background_are_not_features(tmp_path):
    result = scan_source(tmp_path, "r.py", "from openai import OpenAI\nclient = OpenAI()\n"
                         "client.responses.create(model='gpt-4.1', store=False, background=False, input='x')\n")
    assert summary(result) == [(3, "/v1/responses", [], ["gpt-4.1"], "certain")]


def test_tools_and_messages_held_in_variables_are_followed(tmp_path):
    source = """from openai import OpenAI
client = OpenAI()
TOOLS = [{"type": "web_search"}]
def ask(url):
    messages = [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": url}}]}]
    return client.chat.completions.create(model="gpt-4o", messages=messages, tools=TOOLS)
"""
    assert summary(scan_source(tmp_path, "a.py", source)) == [
        (6, "/v1/chat/completions", ["image_inputs", "web_search_live"], ["gpt-4o"], "certain")]


def test_resource_chains_of_every_family(tmp_path):
    calls = {
        "client.beta.assistants.create(model='gpt-4o')": "/v1/assistants",
        "client.beta.threads.runs.create_and_poll(thread_id=t, assistant_id=a)": "/v1/threads/runs",
        "client.beta.threads.runs.steps.list(thread_id=t, run_id=r)": "/v1/threads/runs/steps",
        "client.beta.threads.messages.create(thread_id=t, role='user', content='x')": "/v1/threads/messages",
        "client.vector_stores.files.upload_and_poll(vector_store_id=v, file=f)": "/v1/vector_stores",
        "client.batches.create(input_file_id=f, endpoint='/v1/responses', completion_window='24h')": "/v1/batches",
        "client.files.create(file=f, purpose='batch')": "/v1/files",
        "client.uploads.create(bytes=1, filename='a', mime_type='t', purpose='batch')": "/v1/files",
        "client.fine_tuning.jobs.create(model='gpt-4o-mini', training_file=f)": "/v1/fine_tuning/jobs",
        "client.audio.speech.with_streaming_response.create(model='tts-1', voice='alloy', input='x')":
            "/v1/audio/speech",
        "client.audio.transcriptions.create(model='whisper-1', file=f)": "/v1/audio/transcriptions",
        "client.realtime.client_secrets.create()": "/v1/realtime",
        "client.conversations.items.create(c, items=[])": "/v1/conversations/items",
        "client.moderations.create(input='x')": "/v1/moderations",
        "client.evals.runs.create(e)": "/v1/evals",
        "client.completions.create(model='gpt-3.5-turbo-instruct', prompt='x')": "/v1/completions",
        "client.beta.chatkit.threads.list()": "/v1/chatkit/threads",
    }
    source = "from openai import OpenAI\nclient = OpenAI()\n" + "\n".join(calls) + "\n"
    assert [f.endpoint for f in scan_source(tmp_path, "all.py", source).findings] == list(calls.values())


def test_with_block_factory_parameter_and_self_attribute_clients(tmp_path):
    source = """from openai import AsyncOpenAI, OpenAI
def make() -> OpenAI:
    return OpenAI()
def a():
    with OpenAI() as c:
        c.moderations.create(input="x")
def b(c: "AsyncOpenAI"):
    return c.files.list()
class S:
    def __init__(self):
        self._llm = make()
    def run(self):
        return self._llm.batches.list()
"""
    assert [(f.line, f.endpoint, f.confidence) for f in scan_source(tmp_path, "s.py", source).findings] == [
        (6, "/v1/moderations", "certain"), (8, "/v1/files", "certain"), (13, "/v1/batches", "certain")]


def test_wrapped_clients_and_drop_in_modules(tmp_path):
    source = """import instructor
from langsmith.wrappers import wrap_openai
from langfuse.openai import openai
from openai import OpenAI
raw = OpenAI()
structured = instructor.from_openai(client=raw, mode=instructor.Mode.TOOLS)
traced = wrap_openai(OpenAI())
structured.chat.completions.create(model="gpt-4o", response_model=User, messages=[])
traced.embeddings.create(model="text-embedding-3-small", input="x")
openai.responses.create(model="gpt-4.1", input="x")
"""
    assert [(f.line, f.endpoint, f.confidence) for f in scan_source(tmp_path, "w.py", source).findings] == [
        (8, "/v1/chat/completions", "certain"), (9, "/v1/embeddings", "certain"), (10, "/v1/responses", "certain")]


def test_legacy_module_calls(tmp_path):
    source = "import openai\nopenai.ChatCompletion.create(model='gpt-4', messages=[])\n" \
        "openai.Audio.transcribe('w', f)\n"
    assert [f.endpoint for f in scan_source(tmp_path, "old.py", source).findings] == [
        "/v1/chat/completions", "/v1/audio/transcriptions"]


def test_an_injected_client_is_likely_not_certain(tmp_path):
    source = "import openai\ndef run(client):\n    return client.responses.create(model='gpt-4.1', input='x')\n"
    assert summary(scan_source(tmp_path, "inj.py", source)) == [(3, "/v1/responses", [], ["gpt-4.1"], "likely")]


def test_a_parameter_typed_any_is_an_unknown_receiver_and_one_typed_another_sdk_is_not_openai(tmp_path):
    source = """from typing import Any, Optional
import openai
from mistralai import Mistral
def a(client: Optional[Any]):
    return client.responses.create(model="gpt-4.1", input="x")
def b(client: Mistral):
    return client.chat.completions.create(model="mistral-large", messages=[])
"""
    assert [(f.line, f.confidence) for f in scan_source(tmp_path, "t.py", source).findings] == [(5, "likely")]


def test_a_base_url_read_from_another_providers_variable_is_not_openai(tmp_path):
    source = """import os
from openai import OpenAI
BASE = os.getenv("OPENROUTER_BASE_URL")
router = OpenAI(base_url=BASE)
proxy = OpenAI(base_url=os.environ["OPENAI_BASE_URL"])
router.chat.completions.create(model="x", messages=[])
proxy.chat.completions.create(model="gpt-4o", messages=[])
"""
    assert [f.line for f in scan_source(tmp_path, "r.py", source).findings] == [7]


def test_look_alike_clients_of_other_providers_are_not_findings(tmp_path):
    source = """import openai
from groq import Groq
import anthropic
groq = Groq()
claude = anthropic.Anthropic()
groq.chat.completions.create(model="llama", messages=[])
claude.messages.create(model="claude", messages=[])
def helper(db):
    db.files.create(x)
"""
    assert scan_source(tmp_path, "other.py", source).findings == []


def test_scopes_keep_a_client_name_apart_from_another_providers(tmp_path):
    source = """import anthropic
from openai import OpenAI
def one():
    client = anthropic.Anthropic()
    return client.messages.create(model="claude")
def two():
    client = OpenAI()
    return client.embeddings.create(model="text-embedding-3-small", input="x")
"""
    assert [f.line for f in scan_source(tmp_path, "mix.py", source).findings] == [8]


def test_agents_sdk_runner_uses_responses_with_the_agents_hosted_tools(tmp_path):
    source = """from agents import Agent, Runner, WebSearchTool, HostedMCPTool
helper = Agent(name="h", model="gpt-4.1", tools=[WebSearchTool(), HostedMCPTool(tool_config={})])
Runner.run_sync(helper, "hi")
"""
    assert summary(scan_source(tmp_path, "agent.py", source)) == [
        (3, "/v1/responses", ["remote_mcp", "web_search_live"], ["gpt-4.1"], "certain")]
