from openai import OpenAI

client = OpenAI()


def start(topic):
    conversation = client.conversations.create(metadata={"topic": topic})
    client.conversations.items.create(
        conversation.id,
        items=[{"type": "message", "role": "user", "content": [{"type": "input_text", "text": topic}]}],
    )
    reply = client.responses.create(model="gpt-4.1", conversation=conversation.id, input="Go on")
    history = client.conversations.items.list(conversation.id)
    return reply, history
# ruff: noqa
