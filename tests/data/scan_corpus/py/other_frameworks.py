"""Haystack, Semantic Kernel and Pydantic AI over OpenAI, side by side."""

from haystack.components.embedders import OpenAITextEmbedder
from haystack.components.generators.chat import OpenAIChatGenerator
from pydantic_ai import Agent
from pydantic_ai.models.openai import OpenAIChatModel, OpenAIResponsesModel
from pydantic_ai.providers.openai import OpenAIProvider
from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion, OpenAITextEmbedding

query_embedder = OpenAITextEmbedder(model="text-embedding-3-small")
generator = OpenAIChatGenerator(model="gpt-4o-mini", generation_kwargs={"temperature": 0})

chat_service = OpenAIChatCompletion(ai_model_id="gpt-4.1-mini", service_id="chat")
embedding_service = OpenAITextEmbedding(ai_model_id="text-embedding-3-large")

triage = Agent("openai:gpt-4.1-mini", system_prompt="Route the ticket.")
writer = Agent(OpenAIResponsesModel("gpt-5"), system_prompt="Draft the reply.")
local = Agent(OpenAIChatModel("llama3.2", provider=OpenAIProvider(base_url="http://localhost:11434/v1")))
critic = Agent("anthropic:claude-sonnet-4-5")
