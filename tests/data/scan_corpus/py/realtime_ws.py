import json
import os

import websockets

URL = "wss://api.openai.com/v1/realtime?model=gpt-realtime"
USAGE = "https://api.openai.com/v1/organization/usage/completions"


async def session(audio_chunks):
    headers = {"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"}
    async with websockets.connect(URL, additional_headers=headers) as socket:
        for chunk in audio_chunks:
            await socket.send(json.dumps({"type": "input_audio_buffer.append", "audio": chunk}))


def usage_report(http):
    # The Usage API: organization reporting, not a model endpoint.
    return http.get(USAGE, params={"bucket_width": "1d"})
