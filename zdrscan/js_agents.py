"""The OpenAI Agents SDK for JavaScript (`@openai/agents`): `run(agent, input)` and `runner.run(...)`
call the Responses API with the hosted tools the file gives its agents; `new RealtimeSession(...)`
opens a Realtime session."""

from .findings import CERTAIN, features_and_models

TOOL_FEATURES = {"webSearchTool": "web_search_live", "fileSearchTool": "file_search",
                 "codeInterpreterTool": "hosted_containers", "hostedMcpTool": "remote_mcp",
                 "imageGenerationTool": "image_generation"}


def is_agents_module(source):
    return source.startswith("@openai/agents")


def agent_findings(script):
    """Findings for a ScriptFile whose `agent_names` maps local names to the SDK's exports."""
    names = script.agent_names
    if not names:
        return []

    def sdk_name(node):
        return names.get(node.text.decode("utf-8", "replace")) if node is not None else None

    hosted = {TOOL_FEATURES[sdk_name(call.child_by_field_name("function"))] for call in script.calls
              if sdk_name(call.child_by_field_name("function")) in TOOL_FEATURES}
    findings = [script.make_finding(node, "/v1/realtime", set(), CERTAIN, script.options(node)) for node in script.news
                if sdk_name(node.child_by_field_name("constructor")) == "RealtimeSession"]
    for call in script.calls:
        function = call.child_by_field_name("function")
        direct = sdk_name(function) == "run"
        on_runner = function is not None and function.type == "member_expression" \
            and function.child_by_field_name("property").text == b"run" \
            and script.kinds.get(function.child_by_field_name("object").text.decode()) == "runner"
        if direct or on_runner:
            arguments = call.child_by_field_name("arguments")
            given = script.value(arguments.named_children[1]) if len(arguments.named_children) > 1 else None
            features = hosted | features_and_models({"input": given})[0]
            findings.append(script.make_finding(call, "/v1/responses", features, CERTAIN, {}))
    return findings
