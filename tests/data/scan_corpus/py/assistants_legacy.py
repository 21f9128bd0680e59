"""An older integration on the Assistants API, with a vector store for retrieval."""

from openai import OpenAI

client = OpenAI()


def build_assistant(paths):
    store = client.vector_stores.create(name="handbook")
    streams = [open(path, "rb") for path in paths]
    client.vector_stores.file_batches.upload_and_poll(vector_store_id=store.id, files=streams)
    return client.beta.assistants.create(
        name="HR helper",
        model="gpt-4o",
        tools=[{"type": "file_search"}, {"type": "code_interpreter"}],
        tool_resources={"file_search": {"vector_store_ids": [store.id]}},
    )


def ask(assistant_id, question):
    thread = client.beta.threads.create()
    client.beta.threads.messages.create(thread_id=thread.id, role="user", content=question)
    run = client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id=assistant_id)
    steps = client.beta.threads.runs.steps.list(thread_id=thread.id, run_id=run.id)
    messages = client.beta.threads.messages.list(thread_id=thread.id)
    return steps, messages


def one_shot(assistant_id, question):
    return client.beta.threads.create_and_run(
        assistant_id=assistant_id,
        thread={"messages": [{"role": "user", "content": question}]},
    )


def forget(assistant_id):
    client.beta.assistants.delete(assistant_id)
# ruff: noqa
