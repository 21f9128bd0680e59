import os

from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
REASONING_MODEL = "o4-mini"

TOOLS = [
    {"type": "file_search", "vector_store_ids": ["vs_123"]},
    {"type": "code_interpreter", "container": {"type": "auto"}},
]


def research(topic):
    return client.responses.create(
        model="gpt-4.1",
        tools=[{"type": "web_search_preview"}],
        input=f"Research {topic}",
    )


def analyse(question):
    return client.responses.create(model=REASONING_MODEL, tools=TOOLS, input=question, store=False)


def follow_up(previous, text):
    return client.responses.create(model="gpt-4.1", previous_response_id=previous.id, input=text)


def long_job(prompt):
    job = client.responses.create(model="o3", input=prompt, background=True, store=True)
    return client.responses.retrieve(job.id)


def in_conversation(conversation_id, text):
    return client.responses.create(model="gpt-4.1", conversation=conversation_id, input=text)


def with_remote_tools(text):
    tools = [
        {"type": "mcp", "server_label": "deepwiki", "server_url": "https://mcp.deepwiki.com/mcp",
         "require_approval": "never"},
        {"type": "image_generation"},
        {"type": "web_search"},
    ]
    return client.responses.create(model="gpt-4.1", tools=tools, input=text)


def look_at(image_url, file_id):
    return client.responses.create(
        model="gpt-4.1-mini",
        input=[{
            "role": "user",
            "content": [
                {"type": "input_text", "text": "Compare these"},
                {"type": "input_image", "image_url": image_url},
                {"type": "input_file", "file_id": file_id},
            ],
        }],
    )


def stream_answer(text):
    with client.responses.stream(model="gpt-4.1", input=text) as stream:
        for event in stream:
            print(event)


def parse_answer(text, schema):
    params = {"model": "gpt-4.1", "input": text, "store": True}
    return client.responses.parse(text_format=schema, **params)


def cleanup(response_id):
    client.responses.delete(response_id)
# ruff: noqa
