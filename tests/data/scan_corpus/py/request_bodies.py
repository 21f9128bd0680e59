"""Request bodies built in steps before the call, and calls made through helpers."""

import asyncio
import functools

import pandas as pd
from openai import OpenAI

client = OpenAI()
BASE = {"model": "gpt-4.1", "store": True}


def research(question, previous_id=None, vector_store_id=None):
    params = dict(BASE, input=question)
    params["tools"] = [{"type": "web_search"}]
    if vector_store_id:
        params["tools"].append({"type": "file_search", "vector_store_ids": [vector_store_id]})
    if previous_id:
        params.update(previous_response_id=previous_id)
    return client.responses.create(**params)


def describe(image_url):
    content = [{"type": "input_text", "text": "Describe this."}]
    content.append({"type": "input_image", "image_url": image_url})
    request = {"model": "gpt-4o-mini", "input": [{"role": "user", "content": content}]}
    request |= {"background": True}
    return client.responses.create(**request)


def compare(prompt):
    answers = []
    for model in ["gpt-4o-mini", "gpt-4.1-nano"]:
        answers.append(client.chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}]))
    return answers


async def embed_later(texts):
    return await asyncio.to_thread(client.embeddings.create, model="text-embedding-3-small", input=texts)


moderate = functools.partial(client.moderations.create, model="omni-moderation-latest")


def similar(frame: pd.DataFrame, vector):
    # pandas, not the SDK: a column named embeddings
    return frame.embeddings.apply(lambda row: sum(a * b for a, b in zip(row, vector, strict=False)))
