import os

import openai
from openai import AzureOpenAI

azure = AzureOpenAI(
    api_version="2024-10-21",
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
)


def embed(text):
    return azure.embeddings.create(model="text-embedding-3-large", input=text)


def chat(text):
    client = openai.AzureOpenAI(api_version="2024-10-21")
    return client.chat.completions.create(model="my-gpt4o-deployment", messages=[{"role": "user", "content": text}])
# ruff: noqa
