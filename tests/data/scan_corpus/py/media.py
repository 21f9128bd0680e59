from openai import OpenAI

openai_client = OpenAI()
IMAGE_MODEL = "dall-e-3"


def poster(prompt):
    return openai_client.images.generate(model=IMAGE_MODEL, prompt=prompt, size="1024x1024")


def poster_v2(prompt):
    return openai_client.images.generate(model="gpt-image-1", prompt=prompt)


def retouch(image, prompt):
    return openai_client.images.edit(model="gpt-image-1", image=image, prompt=prompt)


def read_aloud(text, target):
    with openai_client.audio.speech.with_streaming_response.create(
        model="gpt-4o-mini-tts", voice="alloy", input=text
    ) as response:
        response.stream_to_file(target)


def transcribe(path):
    with open(path, "rb") as audio:
        return openai_client.audio.transcriptions.create(model="whisper-1", file=audio)


def translate(path):
    with open(path, "rb") as audio:
        return openai_client.audio.translations.create(model="whisper-1", file=audio)


def screen(text):
    return openai_client.moderations.create(input=text)


def clip(prompt):
    return openai_client.videos.create(model="sora-2", prompt=prompt)


async def talk(async_client):
    async with async_client.realtime.connect(model="gpt-realtime") as connection:
        await connection.session.update(session={"type": "realtime"})
        await connection.response.create()
# ruff: noqa
