"""Retrieval with LlamaIndex over a Chroma collection embedded by OpenAI."""

import chromadb
from chromadb.utils.embedding_functions import OpenAIEmbeddingFunction
from llama_index.core import Settings, VectorStoreIndex
from llama_index.embeddings.openai import OpenAIEmbedding
from llama_index.llms.openai import OpenAI
from llama_index.llms.openai_responses import OpenAIResponses

Settings.llm = OpenAI(model="gpt-4o-mini", temperature=0.1)
Settings.embed_model = OpenAIEmbedding(model="text-embedding-3-small")

legacy = OpenAI(model="gpt-3.5-turbo-instruct")
searcher = OpenAIResponses(model="gpt-4.1", built_in_tools=[{"type": "file_search", "vector_store_ids": ["vs_kb"]}])

store = chromadb.PersistentClient(path="./chroma")
collection = store.get_or_create_collection("kb", embedding_function=OpenAIEmbeddingFunction(
    model_name="text-embedding-3-small"))


def build(documents):
    return VectorStoreIndex.from_documents(documents)


def ask(index, question):
    return index.as_query_engine().query(question)
