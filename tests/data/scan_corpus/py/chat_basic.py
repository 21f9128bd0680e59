"""A support bot: module-level client, a model constant, raw and streaming responses."""

from openai import OpenAI

MODEL = "gpt-4o-mini"
client = OpenAI()


def answer(question):
    completion = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": question}],
    )
    return completion.choices[0].message.content


def answer_streaming(question):
    stream = client.chat.completions.create(model="gpt-4.1", stream=True,
                                            messages=[{"role": "user", "content": question}])
    for chunk in stream:
        yield chunk.choices[0].delta.content or ""


def describe_picture(url):
    messages = [
        {"role": "user", "content": [
            {"type": "text", "text": "What is in this picture?"},
            {"type": "image_url", "image_url": {"url": url}},
        ]},
    ]
    raw = client.chat.completions.with_raw_response.create(model=MODEL, messages=messages)
    return raw.parse()


def read_invoice(file_id):
    return client.chat.completions.create(
        model="gpt-4o",
        store=True,
        messages=[{"role": "user", "content": [{"type": "file", "file": {"file_id": file_id}}]}],
    )


def structured(question, schema):
    return client.chat.completions.parse(model=MODEL, messages=[], response_format=schema)


def with_timeout(question):
    return client.with_options(timeout=5.0).chat.completions.create(model=MODEL, messages=[])
# ruff: noqa
