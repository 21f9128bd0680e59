"""One gateway for several providers, through LiteLLM."""

from litellm import acompletion, completion, embedding

SUMMARY_MODEL = "gpt-4.1-mini"


def summarize(text):
    return completion(model=SUMMARY_MODEL, messages=[{"role": "user", "content": text}])


async def classify(text):
    return await acompletion(model="anthropic/claude-3-5-haiku-latest", messages=[{"role": "user", "content": text}])


def vectors(texts):
    return embedding(model="text-embedding-3-small", input=texts)


def on_prem(text):
    return completion(model="gpt-4o", api_base="http://inference.internal:8000/v1", messages=[])
