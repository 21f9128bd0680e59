"""The OpenAI Agents SDK (`from agents import Agent, Runner`): each `Runner.run*` call sends the
agent's turns to the Responses API (or Chat Completions when the file switches the default API or the
agent's model is an `OpenAIChatCompletionsModel`), with the agent's hosted tools.

An agent whose model is another provider's (`LitellmModel(...)`, `"litellm/..."`, a custom
`model_provider`) is not an OpenAI call.
"""

import ast

AGENT_MODULES = {"agents"}
RUN_METHODS = {"run", "run_sync", "run_streamed"}
TOOL_FEATURES = {"WebSearchTool": "web_search_live", "FileSearchTool": "file_search",
                 "CodeInterpreterTool": "hosted_containers", "HostedMCPTool": "remote_mcp",
                 "ImageGenerationTool": "image_generation"}
RUN_FEATURES = {"previous_response_id": "previous_response_id", "conversation_id": "conversation"}
OPENAI_MODELS = {"OpenAIChatCompletionsModel", "OpenAIResponsesModel"}
FOREIGN_PREFIXES = ("litellm/", "any-llm/")


class AgentsUse:
    """What a file imports from the Agents SDK, and the agents it defines."""

    def __init__(self, tree):
        self.names = {}  # local name -> SDK name (Runner, Agent, WebSearchTool, ...)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in AGENT_MODULES:
                for alias in node.names:
                    self.names[alias.asname or alias.name] = alias.name
        calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)] if self.names else []
        self.chat_default = any(
            self._is_sdk_call(node, "set_default_openai_api") and node.args
            and isinstance(node.args[0], ast.Constant) and node.args[0].value == "chat_completions" for node in calls)
        self.agents = [node for node in calls if self._is_sdk_call(node, "Agent")]

    def _is_sdk_call(self, node, name):
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and self.names.get(node.func.id) == name

    def is_run(self, call):
        func = call.func
        return bool(self.names) and isinstance(func, ast.Attribute) and func.attr in RUN_METHODS \
            and isinstance(func.value, ast.Name) and self.names.get(func.value.id) == "Runner"

    def is_voice_pipeline(self, call):
        """`VoicePipeline(workflow=SingleAgentVoiceWorkflow(agent))`: speech to text, the agent's turns,
        text to speech, with OpenAI's models unless the pipeline is given other ones."""
        return self._is_sdk_call(call, "VoicePipeline") and not any(
            k.arg in ("stt_model", "tts_model") and not isinstance(k.value, ast.Constant) for k in call.keywords)

    def voice_agent(self, pipeline):
        """The agent a voice pipeline's single-agent workflow runs, or None."""
        workflow = next((k.value for k in pipeline.keywords if k.arg == "workflow"),
                        pipeline.args[0] if pipeline.args else None)
        if self._is_sdk_call(workflow, "SingleAgentVoiceWorkflow") and workflow.args:
            return workflow.args[0]
        return None

    def is_realtime(self, call):
        """`RealtimeRunner(agent)` opens a Realtime session for a voice agent."""
        return self._is_sdk_call(call, "RealtimeRunner")

    def describe(self, call, assigned, value, foreign_server):
        """(endpoint, features, models) for a Runner call, or None when it reaches another provider.

        `assigned(name)` finds the node a name was last assigned; `value(node)` its plain value;
        `foreign_server(call)` tells a client built for another server.
        """
        keywords = {keyword.arg: keyword.value for keyword in call.keywords if keyword.arg}
        run_config = keywords.get("run_config")
        if isinstance(run_config, ast.Name):
            run_config = assigned(run_config.id)
        provider = next((k.value for k in getattr(run_config, "keywords", []) if k.arg == "model_provider"), None)
        if provider is not None and not self._is_sdk_call(provider, "OpenAIProvider"):
            return None
        target = call.args[0] if call.args else keywords.get("starting_agent")
        if isinstance(target, ast.Name):
            target = assigned(target.id)
        agents = [target] if self._is_sdk_call(target, "Agent") else self.agents
        features = {feature for name, feature in RUN_FEATURES.items() if name in keywords}
        models, chat, openai_agents = set(), self.chat_default, 0
        for agent in agents:
            described = self._agent(agent, assigned, value, foreign_server)
            if described is None:
                continue
            openai_agents += 1
            features |= described[0]
            models |= described[1]
            chat = chat or described[2]
        if agents and not openai_agents:
            return None
        given = call.args[1] if len(call.args) > 1 else keywords.get("input")
        return ("/v1/chat/completions" if chat else "/v1/responses"), features, models, value(given)

    def _agent(self, agent, assigned, value, foreign_server):
        """(hosted-tool features, models, uses chat completions) for one Agent(...), None if not OpenAI."""
        features, models, chat = set(), set(), False
        for keyword in agent.keywords:
            node = keyword.value
            if keyword.arg == "tools" and isinstance(node, ast.List):
                # A tool built apart (`mcp = HostedMCPTool(...)`, then `tools=[mcp]`) counts as well.
                items = [assigned(item.id) if isinstance(item, ast.Name) else item for item in node.elts]
                features |= {TOOL_FEATURES[self.names[item.func.id]] for item in items
                             if isinstance(item, ast.Call) and isinstance(item.func, ast.Name)
                             and self.names.get(item.func.id) in TOOL_FEATURES}
            elif keyword.arg == "model":
                if isinstance(node, ast.Name) and assigned(node.id) is not None:
                    node = assigned(node.id)
                if isinstance(node, ast.Call):
                    name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                    if self.names.get(name) not in OPENAI_MODELS:
                        return None
                    chat = self.names.get(name) == "OpenAIChatCompletionsModel"
                    client = next((k.value for k in node.keywords if k.arg == "openai_client"), None)
                    if isinstance(client, ast.Name):
                        client = assigned(client.id)
                    if isinstance(client, ast.Call) and foreign_server(client):
                        return None
                    node = next((k.value for k in node.keywords if k.arg == "model"), None)
                model = value(node) if node is not None else None
                if isinstance(model, str):
                    if model.startswith(FOREIGN_PREFIXES):
                        return None
                    models.add(model)
        return features, models, chat
