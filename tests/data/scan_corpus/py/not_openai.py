"""Calls that look like OpenAI's but are not: other providers, local OpenAI-compatible servers, docs."""

import anthropic
import requests
from groq import Groq
from openai import OpenAI

claude = anthropic.Anthropic()
groq = Groq()
local = OpenAI(base_url="http://localhost:8000/v1")  # a local vLLM server still speaks through the SDK


def ask_claude(text):
    return claude.messages.create(model="claude-sonnet-4-5", max_tokens=512, messages=[])


def ask_groq(text):
    return groq.chat.completions.create(model="llama-3.3-70b", messages=[{"role": "user", "content": text}])


def ask_ollama(text):
    return requests.post("http://localhost:11434/v1/chat/completions", json={"model": "llama3", "messages": []})


def models():
    return local.models.list()


def explain():
    """Call client.responses.create(model=..., store=True) or POST https://api.openai.com/v1/responses."""
    print("see https://api.openai.com/v1/files for the upload API")


class Repository:
    def __init__(self, db):
        self.db = db

    def save(self, record):
        return self.db.files.create(record)
# ruff: noqa
