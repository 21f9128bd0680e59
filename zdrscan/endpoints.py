"""What the OpenAI SDKs' resource chains and raw `/v1/...` paths mean in the catalog's terms.

Both SDKs share one resource tree (Python spells it snake_case, Node camelCase; the scanners normalise
to snake_case before asking). Kept as tables so a new SDK resource is one line, not a branch.
"""

import re

# Resource path (after dropping `beta` and the raw/streaming-response wrappers) -> catalog endpoint.
# The longest matching prefix wins. Uploads produce File objects and containers exist only for the
# hosted code interpreter, so both are reported where the catalog rules them.
RESOURCES = {
    ("chat", "completions"): "/v1/chat/completions",
    ("responses",): "/v1/responses",
    ("conversations",): "/v1/conversations",
    ("conversations", "items"): "/v1/conversations/items",
    ("chatkit",): "/v1/chatkit/threads",
    ("assistants",): "/v1/assistants",
    ("threads",): "/v1/threads",
    ("threads", "messages"): "/v1/threads/messages",
    ("threads", "runs"): "/v1/threads/runs",
    ("threads", "runs", "steps"): "/v1/threads/runs/steps",
    ("vector_stores",): "/v1/vector_stores",
    ("embeddings",): "/v1/embeddings",
    ("audio", "transcriptions"): "/v1/audio/transcriptions",
    ("audio", "translations"): "/v1/audio/translations",
    ("audio", "speech"): "/v1/audio/speech",
    ("files",): "/v1/files",
    ("uploads",): "/v1/files",
    ("fine_tuning",): "/v1/fine_tuning/jobs",
    ("evals",): "/v1/evals",
    ("batches",): "/v1/batches",
    ("moderations",): "/v1/moderations",
    ("completions",): "/v1/completions",
    ("realtime",): "/v1/realtime",
    ("videos",): "/v1/videos",
    ("containers",): "/v1/responses",
}
# Resources whose method decides the endpoint.
METHODS = {
    ("images", "generate"): "/v1/images/generations",
    ("images", "edit"): "/v1/images/edits",
    ("images", "create_variation"): "/v1/images/variations",
    ("threads", "create_and_run"): "/v1/threads/runs",
    ("threads", "create_and_run_poll"): "/v1/threads/runs",
    ("threads", "create_and_run_stream"): "/v1/threads/runs",
}
# Features a resource implies whatever its arguments are.
IMPLIED_FEATURES = {
    ("containers",): {"hosted_containers"},
    ("images", "edit"): {"image_inputs"},
}
# Chain links that are not resources: they wrap or configure the call.
TRANSPARENT = {"beta", "with_raw_response", "with_streaming_response", "with_options"}

# The pre-1.0 Python SDK (`openai.ChatCompletion.create`) and the v3 Node SDK (`openai.createChatCompletion`).
LEGACY_PYTHON = {
    "ChatCompletion": "/v1/chat/completions",
    "Completion": "/v1/completions",
    "Embedding": "/v1/embeddings",
    "Moderation": "/v1/moderations",
    "File": "/v1/files",
    "FineTune": "/v1/fine_tuning/jobs",
    "FineTuningJob": "/v1/fine_tuning/jobs",
    "Image": "/v1/images/generations",
}
LEGACY_PYTHON_METHODS = {
    ("Image", "create_edit"): "/v1/images/edits",
    ("Image", "create_variation"): "/v1/images/variations",
    ("Audio", "transcribe"): "/v1/audio/transcriptions",
    ("Audio", "translate"): "/v1/audio/translations",
}
LEGACY_NODE = {
    "createChatCompletion": "/v1/chat/completions",
    "createCompletion": "/v1/completions",
    "createEmbedding": "/v1/embeddings",
    "createModeration": "/v1/moderations",
    "createImage": "/v1/images/generations",
    "createImageEdit": "/v1/images/edits",
    "createTranscription": "/v1/audio/transcriptions",
    "createTranslation": "/v1/audio/translations",
    "createFile": "/v1/files",
    "createFineTune": "/v1/fine_tuning/jobs",
}

# Tool types and content-part types -> catalog feature keys.
TOOL_FEATURES = {
    "file_search": "file_search",
    "code_interpreter": "hosted_containers",
    "web_search": "web_search_live",
    "web_search_preview": "web_search_live",
    "web_search_2025_08_26": "web_search_live",
    "web_search_preview_2025_03_11": "web_search_live",
    "mcp": "remote_mcp",
    "image_generation": "image_generation",
}
PART_FEATURES = {
    "input_image": "image_inputs",
    "image_url": "image_inputs",
    "input_file": "file_inputs",
    "file": "file_inputs",
}
# Keyword arguments whose mere presence (not None / false) is a feature.
ARGUMENT_FEATURES = {"previous_response_id": "previous_response_id", "conversation": "conversation"}
TRUE_FLAG_FEATURES = {"store": "store_true", "background": "background_mode"}


# The SDKs' method names (snake_cased). A chain on a receiver the file never binds counts only when it
# ends in one: `df.embeddings.apply(...)` is pandas, `client.embeddings.create(...)` reads like the SDK.
SDK_VERBS = {"create", "parse", "stream", "retrieve", "list", "delete", "update", "cancel", "generate", "edit",
             "create_variation", "upload", "upload_and_poll", "create_and_poll", "poll", "create_and_run",
             "create_and_run_poll", "create_and_run_stream", "submit_tool_outputs", "submit_tool_outputs_and_poll",
             "submit_tool_outputs_stream", "compact", "connect", "content", "retrieve_content", "download", "pause",
             "resume", "complete", "validate", "run", "remix", "run_tools", "create_and_stream", "wait_for_processing",
             "input_tokens", "accept", "reject", "hangup", "refer", "search"}


def camel_to_snake(name):
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def resolve_chain(links):
    """(endpoint, implied features) for the attribute links after the client, the method last; None if unknown.

    `["beta", "threads", "runs", "create"]` -> ("/v1/threads/runs", set()).
    """
    links = tuple(camel_to_snake(link) for link in links if link not in TRANSPARENT)
    links = tuple(link for link in links if link not in TRANSPARENT)  # Node's withRawResponse, snake-cased
    if len(links) < 2:
        return None
    resource, method = links[:-1], links[-1]
    if resource + (method,) in METHODS:
        key = resource + (method,)
        return METHODS[key], set(IMPLIED_FEATURES.get(key, ()))
    for size in range(len(resource), 0, -1):
        if resource[:size] in RESOURCES:
            return RESOURCES[resource[:size]], set(IMPLIED_FEATURES.get(resource[:size], ()))
    return None


def model_features(models):
    return {"dalle_models"} if any(model.lower().startswith("dall-e") for model in models) else set()


# ---- raw HTTP paths --------------------------------------------------------------------------------

_CATALOG_WORDS = {word for path in set(RESOURCES.values()) | set(METHODS.values()) for word in path.split("/")[2:]}
_CATALOG_WORDS |= {"generations", "edits", "variations", "jobs", "uploads", "containers", "chatkit"}
_RAW_ALIASES = {"/v1/uploads": "/v1/files", "/v1/containers": "/v1/responses",
                "/v1/fine_tuning": "/v1/fine_tuning/jobs", "/v1/chatkit": "/v1/chatkit/threads",
                "/v1/images": None, "/v1/audio": None, "/v1/chat": None}
_KNOWN_RAW = set(RESOURCES.values()) | set(METHODS.values())
RAW_PATH = re.compile(r"/v1/([a-z_]+(?:/[^\s\"'`?#)]*)?)")


def resolve_raw_path(text):
    """(endpoint, implied features) for the first OpenAI `/v1/...` path in a string, or None.

    Identifiers in the path (`/v1/threads/thread_abc/runs`, `{id}`, `${id}`) are skipped, so only the
    resource words decide the endpoint.
    """
    match = RAW_PATH.search(text)
    if not match:
        return None
    segments = match.group(1).split("/")
    if segments[0] not in _CATALOG_WORDS:  # `/v1/organization/usage/completions` is the Usage API
        return None
    words = [word for word in segments if word in _CATALOG_WORDS]
    if not words:
        return None
    for size in range(len(words), 0, -1):
        path = "/v1/" + "/".join(words[:size])
        if path in _RAW_ALIASES:
            if _RAW_ALIASES[path] is None:
                continue
            features = {"hosted_containers"} if path == "/v1/containers" else set()
            return _RAW_ALIASES[path], features
        if path in _KNOWN_RAW:
            return path, {"image_inputs"} if path == "/v1/images/edits" else set()
    return None
