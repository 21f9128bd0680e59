from functools import lru_cache
from typing import Optional

from openai import AsyncOpenAI, OpenAI


@lru_cache(maxsize=1)
def get_client():
    return OpenAI(max_retries=5)


def build_async() -> AsyncOpenAI:
    return AsyncOpenAI()


def classify(text):
    client = get_client()
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])


def inline(text):
    return get_client().responses.create(model="gpt-4.1-nano", input=text)


async def vector(text, client: Optional[AsyncOpenAI] = None):
    client = client or build_async()
    return await client.embeddings.create(model="text-embedding-3-small", input=text)


def direct(text):
    return OpenAI().moderations.create(input=text)
# ruff: noqa
