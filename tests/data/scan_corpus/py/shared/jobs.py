"""Uses the shared client of the package; this module never names the SDK itself."""

from py.shared.llm import batch_client

from .llm import CHAT_MODEL, SEARCH_TOOLS, client


def summarize(text):
    return client.chat.completions.create(model=CHAT_MODEL, messages=[{"role": "user", "content": text}])


def look_up(question):
    return client.responses.create(model=CHAT_MODEL, input=question, tools=SEARCH_TOOLS)


def nightly(file_id):
    return batch_client().batches.create(input_file_id=file_id, endpoint="/v1/chat/completions",
                                         completion_window="24h")
