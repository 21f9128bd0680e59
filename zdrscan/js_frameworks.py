"""JavaScript frameworks over the OpenAI API: the Vercel AI SDK's OpenAI provider (`@ai-sdk/openai`)
and LangChain.js (`@langchain/openai`).

The AI SDK's provider functions each build a model bound to one endpoint (read from the provider's
source: `openai.chat` -> Chat Completions, `openai.embedding` -> Embeddings, ...), so the finding is
where the model is made, used by `generateText`, `streamText`, `embed` and friends. Calling the provider
itself, `openai("gpt-4o")`, is the Responses API since AI SDK 5 but Chat Completions before it, so that
one is `likely`: the file does not say which version is installed. `openai.image(...)` makes an image
model that `generateImage` sends to generations, or to edits when the prompt carries input images, so it
is `likely` too. Hosted tools (`openai.tools.webSearch()`) and `providerOptions.openai` (`store`,
`previousResponseId`, `conversation`) go on the file's Responses findings.
"""

from .findings import CERTAIN, LIKELY, tool_feature
from .frameworks import JS_CLASSES, describe, is_js_framework_module
from .js_values import node_text, string_value
from .rawhttp import foreign_base_url

AI_SDK_MODULE = "@ai-sdk/openai"
PROVIDER_METHODS = {
    "languageModel": ("/v1/responses", LIKELY),
    "responses": ("/v1/responses", CERTAIN),
    "chat": ("/v1/chat/completions", CERTAIN),
    "completion": ("/v1/completions", CERTAIN),
    "embedding": ("/v1/embeddings", CERTAIN),
    "embeddingModel": ("/v1/embeddings", CERTAIN),
    "textEmbedding": ("/v1/embeddings", CERTAIN),
    "textEmbeddingModel": ("/v1/embeddings", CERTAIN),
    "image": ("/v1/images/generations", LIKELY),
    "imageModel": ("/v1/images/generations", LIKELY),
    "transcription": ("/v1/audio/transcriptions", CERTAIN),
    "transcriptionModel": ("/v1/audio/transcriptions", CERTAIN),
    "speech": ("/v1/audio/speech", CERTAIN),
    "speechModel": ("/v1/audio/speech", CERTAIN),
    "files": ("/v1/files", CERTAIN),
    # Speech translation streams over a Realtime session (`/v1/realtime/translations`).
    "translation": ("/v1/realtime", CERTAIN),
    "speechTranslationModel": ("/v1/realtime", CERTAIN),
}
# The AI SDK's own message parts: a file (a PDF) or an image sent with the prompt.
AI_SDK_PARTS = {"file": "file_inputs", "image": "image_inputs"}
PROVIDER_TOOLS = {"webSearch": "web_search_live", "webSearchPreview": "web_search_live", "fileSearch": "file_search",
                  "codeInterpreter": "hosted_containers", "imageGeneration": "image_generation", "mcp": "remote_mcp"}
PROVIDER_OPTIONS = {"previousResponseId": "previous_response_id", "conversation": "conversation"}


def import_names(script, source, node):
    """Record what an import from the AI SDK or LangChain.js binds; True when it was one of them."""
    if source == AI_SDK_MODULE:
        for name, local in _specifiers(node):
            if name in ("openai", "createOpenAI"):
                script.framework_names[local] = name
        return True
    if is_js_framework_module(source):
        for name, local in _specifiers(node):
            if name in JS_CLASSES:
                script.framework_names[local] = name
        return True
    return False


def _specifiers(node):
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "import_specifier":
            name, alias = current.child_by_field_name("name"), current.child_by_field_name("alias")
            yield node_text(name), node_text(alias or name)
        stack.extend(current.children)


def framework_findings(script):
    names = script.framework_names
    if not names:
        return []
    providers = {local for local, name in names.items() if name == "openai"}
    for node in script.declared:  # const groq = createOpenAI({ baseURL: "https://api.groq.com/..." }) is not OpenAI
        value = node.child_by_field_name("value")
        target = node.child_by_field_name("name")
        if value is not None and target is not None and value.type == "call_expression" \
                and names.get(node_text(value.child_by_field_name("function"))) == "createOpenAI" \
                and not _foreign(script.options(value).get("baseURL")):
            providers.add(node_text(target))
    findings, provider_findings, placed, features, tool_calls = [], [], set(), set(), []
    for call in script.calls:
        function = call.child_by_field_name("function")
        endpoint, confidence = _provider_call(function, providers)
        if endpoint:
            arguments = call.child_by_field_name("arguments")
            model = script.value(arguments.named_children[0]) if arguments and arguments.named_children else None
            finding = script.make_finding(call, endpoint, set(), confidence,
                                          {"model": model} if isinstance(model, str) else {})
            # The project's package.json decides it (manifests.py): chat completions before AI SDK 5.
            finding.ai_sdk_default = function.type == "identifier" or node_text(
                function.child_by_field_name("property")) == "languageModel"
            request = _request_options(call)
            if request is not None and endpoint == "/v1/responses":  # generateText({ model: openai(...), ... })
                finding.features = sorted(set(finding.features) | _request_features(script, request, providers))
                placed.add(id(finding))
            provider_findings.append(finding)
        feature = _provider_tool(function, providers)
        if feature:
            features.add(feature)
            tool_calls.append((call, feature))
    features |= _provider_options(script, script.objects) if provider_findings or tool_calls else set()
    bound = _bound_tools(script)
    for node in script.news:
        name = names.get(node_text(node.child_by_field_name("constructor")))
        if name in JS_CLASSES:
            options = script.options(node)
            if JS_CLASSES[name] == "lc_chat" and bound.get(node.id):  # model.bindTools([{ type: "web_search" }])
                options = dict(options, built_in_tools=bound[node.id], useResponsesApi=True)
            configuration = options.get("configuration")
            if isinstance(configuration, dict) and _foreign(configuration.get("baseURL")):
                continue
            endpoint, confidence, extra, model = describe(JS_CLASSES[name], options)
            finding = script.make_finding(node, endpoint, extra, confidence, {"model": model} if model else {})
            findings.append(finding)
    # A model made apart from the request (`const model = openai("gpt-4.1")`) takes the file's tools.
    responses = [finding for finding in provider_findings
                 if finding.endpoint == "/v1/responses" and id(finding) not in placed]
    for finding in responses:
        finding.features = sorted(set(finding.features) | features)
    if not responses and not placed:  # the tools are declared for a model made in another file
        for call, feature in tool_calls:
            finding = script.make_finding(call, "/v1/responses", {feature}, LIKELY, {})
            finding.kind = "tool"
            findings.append(finding)
    return findings + provider_findings


def _bound_tools(script):
    """{id of a `new ChatOpenAI(...)`: the hosted tools bound to it with `.bindTools([...])`}."""
    bound = {}
    for call in script.calls:
        function, arguments = call.child_by_field_name("function"), call.child_by_field_name("arguments")
        if function is None or function.type != "member_expression" or arguments is None \
                or node_text(function.child_by_field_name("property")) != "bindTools" or not arguments.named_children:
            continue
        tools = script.value(arguments.named_children[0])
        hosted = [tool for tool in tools if tool_feature(tool)] if isinstance(tools, list) else []
        target = function.child_by_field_name("object")
        if target.type == "identifier":
            target = script._assigned(target)
        if hosted and target is not None and target.type == "new_expression":
            bound.setdefault(target.id, []).extend(hosted)
    return bound


def _provider_call(function, providers):
    if function is None:
        return None, None
    if function.type == "identifier" and node_text(function) in providers:
        return "/v1/responses", LIKELY
    if function.type == "member_expression":
        owner = function.child_by_field_name("object")
        method = node_text(function.child_by_field_name("property"))
        if owner.type == "identifier" and node_text(owner) in providers and method in PROVIDER_METHODS:
            return PROVIDER_METHODS[method]
    return None, None


def _provider_tool(function, providers):
    """`openai.tools.webSearch({...})` -> "web_search_live"."""
    if function is None or function.type != "member_expression":
        return None
    owner = function.child_by_field_name("object")
    if owner.type != "member_expression" or node_text(owner.child_by_field_name("property")) != "tools":
        return None
    if node_text(owner.child_by_field_name("object")) not in providers:
        return None
    return PROVIDER_TOOLS.get(node_text(function.child_by_field_name("property")))


def _request_options(call):
    """The options object of the request a model is made in (`{ model: openai("gpt-4.1"), tools }`)."""
    pair = call.parent
    if pair is not None and pair.type == "pair" and node_text(pair.child_by_field_name("key")) == "model":
        return pair.parent
    return None


def _request_features(script, request, providers):
    """Hosted tools and provider options given in the same request as the model."""
    features = set()
    stack = list(request.named_children)
    while stack:
        node = stack.pop()
        if node.type == "call_expression":
            feature = _provider_tool(node.child_by_field_name("function"), providers)
            if feature:
                features.add(feature)
        stack.extend(node.named_children)
    for pair in (child for child in request.named_children if child.type == "pair"):
        if node_text(pair.child_by_field_name("key")) in ("messages", "prompt"):
            features |= _parts(script.value(pair.child_by_field_name("value")))
    return features | _provider_options(script, [request])


def _parts(value, depth=0):
    """AI SDK content parts (`{ type: "file", data, mediaType }`) anywhere in the messages."""
    found = set()
    if depth > 8:
        return found
    if isinstance(value, dict):
        if value.get("type") in AI_SDK_PARTS:
            found.add(AI_SDK_PARTS[value["type"]])
        for inner in value.values():
            found |= _parts(inner, depth + 1)
    elif isinstance(value, list):
        for inner in value:
            found |= _parts(inner, depth + 1)
    return found


def _provider_options(script, objects):
    """Features in `providerOptions: { openai: { store: true, previousResponseId, conversation } }`."""
    features = set()
    for node in objects:
        for pair in (child for child in node.named_children if child.type == "pair"):
            key = pair.child_by_field_name("key")
            name = string_value(key) if key.type == "string" else node_text(key)
            if name != "providerOptions":
                continue
            options = script.value(pair.child_by_field_name("value"))
            openai = options.get("openai") if isinstance(options, dict) else None
            if not isinstance(openai, dict):
                continue
            if openai.get("store") is True:
                features.add("store_true")
            if openai.get("background") is True:
                features.add("background_mode")
            features |= {feature for key, feature in PROVIDER_OPTIONS.items()
                         if key in openai and openai[key] not in (None, False, "")}
    return features


def _foreign(url):
    return foreign_base_url(url)
