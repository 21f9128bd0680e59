"""A support bot on LangChain: the chat model is built once and invoked through chains."""

import os

from langchain.chat_models import init_chat_model
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import AzureChatOpenAI, ChatOpenAI, OpenAIEmbeddings

PROMPT = ChatPromptTemplate.from_messages([("system", "You answer tickets."), ("user", "{ticket}")])

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
chain = PROMPT | llm

researcher = ChatOpenAI(model="gpt-5", use_responses_api=True, use_previous_response_id=True)
embedder = OpenAIEmbeddings(model="text-embedding-3-large")
azure = AzureChatOpenAI(azure_deployment="support-gpt4o", api_version="2024-10-21")

# A local Ollama server that speaks the OpenAI protocol: not OpenAI.
local = ChatOpenAI(model="llama3.1", base_url="http://localhost:11434/v1", api_key="ollama")
router = init_chat_model("openai:gpt-4.1-mini", temperature=0)
summarizer = init_chat_model("claude-3-5-haiku-latest", model_provider="anthropic")


def answer(ticket: str) -> str:
    return chain.invoke({"ticket": ticket}).content


def index(documents: list[str]) -> list[list[float]]:
    return embedder.embed_documents(documents)


def route(ticket: str) -> str:
    key = os.environ.get("ROUTER_HINT", "")
    return router.invoke(f"{key} {ticket}").content


# Binding a hosted tool makes LangChain send this model's turns to the Responses API.
web_llm = ChatOpenAI(model="gpt-4.1-mini")
web_agent = web_llm.bind_tools([{"type": "web_search_preview"}])
