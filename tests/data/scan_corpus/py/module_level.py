"""Code from before the 1.0 SDK, and the module-level client that survived it."""

import openai
import openai as oai

openai.api_key = "sk-placeholder"


def modern(text):
    return openai.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": text}])


def legacy_chat(text):
    return openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=[{"role": "user", "content": text}])


def legacy_embedding(text):
    return oai.Embedding.create(model="text-embedding-ada-002", input=text)


def legacy_image(prompt):
    return openai.Image.create(prompt=prompt, n=1)


def legacy_transcribe(handle):
    return openai.Audio.transcribe("whisper-1", handle)


def legacy_completion(prompt):
    return openai.Completion.create(model="gpt-3.5-turbo-instruct", prompt=prompt)
# ruff: noqa
