"""Agent and LLM frameworks that wrap the OpenAI SDK (LangChain, LlamaIndex, Haystack, Semantic
Kernel, Pydantic AI, Chroma's embedding function), in both languages.

Each framework class is constructed once and invoked anywhere (`chain = prompt | llm`), so the finding
is the construction: the class and its options decide the endpoint, the options the model. What the
class alone determines is `certain`; where the framework picks the endpoint at run time from things
the construction does not show, the default is reported as `likely`:

- LangChain's `ChatOpenAI` sends Chat Completions unless `use_responses_api=True`, or an option only the
  Responses API has (`reasoning`, `output_version="responses/v1"`, `use_previous_response_id`, ...), or
  built-in tools bound later (`bind_tools([{"type": "web_search"}])`, found as a tool declaration).
- LlamaIndex's `OpenAI` uses Chat Completions for chat models and the legacy Completions for the
  instruct ones; without a model literal the default (a chat model) is likely.
"""

from .findings import features_and_models

CHAT, RESPONSES, EMBEDDINGS, COMPLETIONS = "/v1/chat/completions", "/v1/responses", "/v1/embeddings", \
    "/v1/completions"
IMAGES = "/v1/images/generations"

# (module prefix, class) -> kind; the module is matched on its first dotted parts.
PYTHON_CLASSES = {
    ("langchain_openai", "ChatOpenAI"): "lc_chat",
    ("langchain_openai", "AzureChatOpenAI"): "lc_chat",
    ("langchain_openai", "OpenAIEmbeddings"): "embeddings",
    ("langchain_openai", "AzureOpenAIEmbeddings"): "embeddings",
    ("langchain_openai", "OpenAI"): "completions",
    ("langchain_openai", "AzureOpenAI"): "completions",
    ("langchain_community", "ChatOpenAI"): "lc_chat",
    ("langchain_community", "AzureChatOpenAI"): "lc_chat",
    ("langchain_community", "OpenAIEmbeddings"): "embeddings",
    ("langchain_community", "OpenAI"): "completions",
    ("langchain_community", "DallEAPIWrapper"): "images",
    ("langchain", "ChatOpenAI"): "lc_chat",
    ("langchain", "AzureChatOpenAI"): "lc_chat",
    ("langchain", "OpenAIEmbeddings"): "embeddings",
    ("langchain", "OpenAI"): "completions",
    ("llama_index", "OpenAI"): "li_llm",
    ("llama_index", "AzureOpenAI"): "li_llm",
    ("llama_index", "OpenAIMultiModal"): "chat",
    ("llama_index", "OpenAIResponses"): "responses",
    ("llama_index", "OpenAIEmbedding"): "embeddings",
    ("llama_index", "AzureOpenAIEmbedding"): "embeddings",
    # Chroma embeds documents and queries with it whenever a collection is written or queried.
    ("chromadb", "OpenAIEmbeddingFunction"): "embeddings",
    # Haystack's components: its OpenAIGenerator speaks Chat Completions too.
    ("haystack", "OpenAIGenerator"): "chat",
    ("haystack", "OpenAIChatGenerator"): "chat",
    ("haystack", "AzureOpenAIGenerator"): "chat",
    ("haystack", "AzureOpenAIChatGenerator"): "chat",
    ("haystack", "OpenAIResponsesChatGenerator"): "responses",
    ("haystack", "OpenAITextEmbedder"): "embeddings",
    ("haystack", "OpenAIDocumentEmbedder"): "embeddings",
    ("haystack", "AzureOpenAITextEmbedder"): "embeddings",
    ("haystack", "AzureOpenAIDocumentEmbedder"): "embeddings",
    ("haystack", "DALLEImageGenerator"): "images",
    # Semantic Kernel's OpenAI services.
    ("semantic_kernel", "OpenAIChatCompletion"): "chat",
    ("semantic_kernel", "AzureChatCompletion"): "chat",
    ("semantic_kernel", "OpenAITextCompletion"): "completions",
    ("semantic_kernel", "OpenAITextEmbedding"): "embeddings",
    ("semantic_kernel", "AzureTextEmbedding"): "embeddings",
    ("semantic_kernel", "OpenAITextToImage"): "images",
    ("semantic_kernel", "OpenAIAudioToText"): "transcriptions",
    ("semantic_kernel", "OpenAITextToAudio"): "speech",
    # Pydantic AI: OpenAIModel is the old name of OpenAIChatModel; `Agent("openai:gpt-4o")` names one.
    ("pydantic_ai", "OpenAIModel"): "chat",
    ("pydantic_ai", "OpenAIChatModel"): "chat",
    ("pydantic_ai", "OpenAIResponsesModel"): "responses",
    ("pydantic_ai", "Agent"): "model_string",
    # LiteLLM and the frameworks on top of it send OpenAI's models to OpenAI (see routed()).
    ("litellm", "completion"): "routed_chat",
    ("litellm", "acompletion"): "routed_chat",
    ("litellm", "embedding"): "routed_embeddings",
    ("litellm", "aembedding"): "routed_embeddings",
    ("litellm", "responses"): "routed_responses",
    ("litellm", "aresponses"): "routed_responses",
    ("litellm", "image_generation"): "routed_images",
    ("litellm", "transcription"): "routed_transcriptions",
    ("litellm", "speech"): "routed_speech",
    ("dspy", "LM"): "routed_chat",
    ("crewai", "LLM"): "routed_chat",
}
# `import litellm` / `import dspy`: their functions and classes called through the module.
PYTHON_MODULES = {"litellm", "dspy"}
# Bare model names LiteLLM routes to OpenAI; "openai/<model>" always goes there, "<other>/<model>" never.
OPENAI_MODEL_NAMES = ("gpt-", "o1", "o3", "o4", "chatgpt", "text-embedding-", "dall-e", "whisper", "tts-",
                      "gpt-image", "omni-moderation", "davinci", "babbage", "codex-")
JS_MODULES = ("@langchain/openai", "langchain/chat_models/openai", "langchain/embeddings/openai",
              "langchain/llms/openai", "@langchain/community/chat_models/openai")
JS_CLASSES = {"ChatOpenAI": "lc_chat", "AzureChatOpenAI": "lc_chat", "ChatOpenAIResponses": "responses",
              "ChatOpenAICompletions": "chat", "OpenAIEmbeddings": "embeddings", "AzureOpenAIEmbeddings": "embeddings",
              "OpenAI": "completions", "AzureOpenAI": "completions", "DallEAPIWrapper": "images"}
FIXED = {"chat": CHAT, "responses": RESPONSES, "embeddings": EMBEDDINGS, "completions": COMPLETIONS,
         "images": IMAGES, "transcriptions": "/v1/audio/transcriptions", "speech": "/v1/audio/speech"}
# Pydantic AI's model strings: the prefix names the provider and, for OpenAI, the API.
MODEL_STRING_PREFIXES = {"openai:": CHAT, "openai-chat:": CHAT, "openai-responses:": RESPONSES}
# ChatOpenAI options that only the Responses API takes, so setting one switches LangChain to it.
RESPONSES_ONLY = {"reasoning", "include", "truncation", "use_previous_response_id", "context_management",
                  "useResponsesApi", "zdrEnabled"}
MODEL_KEYS = ("model", "model_name", "modelName", "deployment_name", "azure_deployment", "azureOpenAIApiDeploymentName",
              "engine", "ai_model_id")
LEGACY_MODEL_PREFIXES = ("gpt-3.5-turbo-instruct", "davinci", "babbage", "text-davinci", "text-ada", "text-curie")
# init_chat_model("gpt-4o") infers the OpenAI provider from these prefixes.
OPENAI_MODEL_PREFIXES = ("gpt-3", "gpt-4", "gpt-5", "o1", "o3", "o4", "chatgpt")


def python_class_kind(module, name):
    module = (module or "").split(".")[0]
    return PYTHON_CLASSES.get((module, name))


def is_js_framework_module(source):
    return source in JS_MODULES


def describe(kind, options):
    """(endpoint, confidence, features, model) for a framework construction with options (a dict of
    plain values: keyword arguments in Python, the options object in JavaScript)."""
    model = next((options[key] for key in MODEL_KEYS if isinstance(options.get(key), str)), None)
    # LlamaIndex's OpenAIResponses takes hosted tools as `built_in_tools=[{"type": "web_search"}]`.
    features = features_and_models({"store": options.get("store"), "tools": options.get("built_in_tools")})[0]
    if options.get("use_previous_response_id") is True:
        features.add("previous_response_id")
    if kind in FIXED:
        return FIXED[kind], "certain", features, model
    if kind == "lc_chat":
        explicit = options.get("use_responses_api", options.get("useResponsesApi"))
        if explicit is True or options.get("output_version") == "responses/v1" \
                or any(options.get(key) not in (None, False) for key in RESPONSES_ONLY):
            return RESPONSES, "certain", features, model
        return CHAT, "certain" if explicit is False else "likely", features, model
    # LlamaIndex OpenAI: the model decides between the chat and the legacy completions endpoint.
    if isinstance(model, str):
        return (COMPLETIONS if model.startswith(LEGACY_MODEL_PREFIXES) else CHAT), "certain", features, model
    return CHAT, "likely", features, model


def routed(kind, options):
    """(endpoint, model) for a LiteLLM-style call whose model is OpenAI's, None when it is another's or
    unknown. DSPy's `LM(..., model_type="responses")` uses the Responses API."""
    model = options.get("model")
    if not isinstance(model, str):
        return None
    if model.startswith("openai/"):
        model = model[len("openai/"):]
    elif "/" in model or not model.startswith(OPENAI_MODEL_NAMES):
        return None
    what = kind.removeprefix("routed_")
    if what == "chat" and options.get("model_type") == "responses":
        what = "responses"
    return FIXED[what], model


def model_string(value):
    """(endpoint, model) for Pydantic AI's `Agent("openai:gpt-4o")`, or None for another provider."""
    if not isinstance(value, str):
        return None
    prefix = next((prefix for prefix in MODEL_STRING_PREFIXES if value.startswith(prefix)), None)
    return (MODEL_STRING_PREFIXES[prefix], value[len(prefix):]) if prefix else None


def init_chat_model_provider(model, provider):
    """Does `init_chat_model(model, model_provider=provider)` pick OpenAI? (model, True/False)."""
    if isinstance(provider, str):
        return model, provider == "openai"
    if not isinstance(model, str):
        return model, False
    if ":" in model:
        prefix, _, rest = model.partition(":")
        return rest, prefix == "openai"
    return model, model.startswith(OPENAI_MODEL_PREFIXES)
