from openai import AsyncOpenAI


class Summarizer:
    def __init__(self, api_key):
        self._client = AsyncOpenAI(api_key=api_key)
        self.model = "gpt-4o"

    async def summarize(self, text):
        response = await self._client.chat.completions.create(
            model="gpt-4o",
            messages=[{"role": "system", "content": "Summarize."}, {"role": "user", "content": text}],
        )
        return response.choices[0].message.content

    async def embed(self, texts):
        result = await self._client.embeddings.create(model="text-embedding-3-small", input=texts)
        return [item.embedding for item in result.data]


async def moderate(text):
    async with AsyncOpenAI() as client:
        return await client.moderations.create(model="omni-moderation-latest", input=text)
# ruff: noqa
