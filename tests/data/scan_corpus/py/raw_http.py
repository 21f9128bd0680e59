"""A thin wrapper that skips the SDK and posts JSON itself."""

import json
import os
import subprocess
import urllib.request

import httpx
import requests

OPENAI_BASE = "https://api.openai.com/v1"
HEADERS = {"Authorization": f"Bearer {os.environ.get('OPENAI_API_KEY', '')}"}
EMBEDDINGS_URL = "https://api.openai.com/v1/embeddings"


def chat(text):
    response = requests.post(
        "https://api.openai.com/v1/chat/completions",
        headers=HEADERS,
        json={"model": "gpt-4o", "messages": [{"role": "user", "content": text}]},
        timeout=30,
    )
    return response.json()


async def respond(text):
    async with httpx.AsyncClient() as http:
        response = await http.post(f"{OPENAI_BASE}/responses", headers=HEADERS,
                                   json={"model": "gpt-4.1", "input": text, "store": True})
        return response.json()


def embed(text):
    return requests.post(EMBEDDINGS_URL, headers=HEADERS, json={"input": text, "model": "text-embedding-3-small"})


def list_batches():
    request = urllib.request.Request(OPENAI_BASE + "/batches", headers=HEADERS)
    return json.load(urllib.request.urlopen(request))  # noqa: S310


def run_thread(thread_id):
    return requests.get(f"https://api.openai.com/v1/threads/{thread_id}/runs", headers=HEADERS)


def upload(path):
    subprocess.run(["curl", "https://api.openai.com/v1/files", "-F", "purpose=batch", "-F", f"file=@{path}"],
                   check=True)
# ruff: noqa
