"""Clients passed in by a framework, never constructed in this file."""

import openai  # noqa: F401  (the type is documented, not imported by name)


def summarize(client, text):
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])


class Pipeline:
    def __init__(self, llm):
        self.llm = llm

    def run(self, text):
        return self.llm.responses.create(model="gpt-4.1", input=text, tools=[{"type": "web_search"}])

    def vectors(self, texts):
        return self.llm.embeddings.create(model="text-embedding-3-large", input=texts)
# ruff: noqa
