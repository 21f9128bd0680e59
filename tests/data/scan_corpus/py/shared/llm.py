from openai import OpenAI

client = OpenAI(timeout=30)
CHAT_MODEL = "gpt-4.1-mini"
SEARCH_TOOLS = [{"type": "web_search"}]


def batch_client():
    return OpenAI(max_retries=0)
