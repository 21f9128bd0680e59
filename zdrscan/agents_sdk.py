"""The OpenAI Agents SDK (`from agents import Agent, Runner`): each `Runner.run*` call sends the
agent's turns to the Responses API (or Chat Completions when the file switches the default API or the
agent's model is an `OpenAIChatCompletionsModel`), with the agent's hosted tools."""

import ast

AGENT_MODULES = {"agents"}
RUN_METHODS = {"run", "run_sync", "run_streamed"}
TOOL_FEATURES = {"WebSearchTool": "web_search_live", "FileSearchTool": "file_search",
                 "CodeInterpreterTool": "hosted_containers", "HostedMCPTool": "remote_mcp",
                 "ImageGenerationTool": "image_generation"}


class AgentsUse:
    """What a file imports from the Agents SDK, and the agents it defines."""

    def __init__(self, tree):
        self.names = {}  # local name -> SDK name (Runner, Agent, WebSearchTool, ...)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in AGENT_MODULES:
                for alias in node.names:
                    self.names[alias.asname or alias.name] = alias.name
        self.chat_default = any(
            isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and self.names.get(node.func.id) == "set_default_openai_api"
            and node.args and isinstance(node.args[0], ast.Constant) and node.args[0].value == "chat_completions"
            for node in ast.walk(tree)) if self.names else False
        self.agents = [node for node in ast.walk(tree) if self._is_sdk_call(node, "Agent")] if self.names else []

    def _is_sdk_call(self, node, name):
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and self.names.get(node.func.id) == name

    def is_run(self, call):
        func = call.func
        return bool(self.names) and isinstance(func, ast.Attribute) and func.attr in RUN_METHODS \
            and isinstance(func.value, ast.Name) and self.names.get(func.value.id) == "Runner"

    def describe(self, call, assigned):
        """(endpoint, features, models) for a Runner call; `assigned(name)` finds a name's value node."""
        target = call.args[0] if call.args else next(
            (keyword.value for keyword in call.keywords if keyword.arg == "starting_agent"), None)
        if isinstance(target, ast.Name):
            target = assigned(target.id)
        agents = [target] if self._is_sdk_call(target, "Agent") else self.agents
        features, models, chat = set(), set(), self.chat_default
        for agent in agents:
            for keyword in agent.keywords:
                if keyword.arg == "tools" and isinstance(keyword.value, ast.List):
                    features |= {TOOL_FEATURES[self.names[item.func.id]] for item in keyword.value.elts
                                 if isinstance(item, ast.Call) and isinstance(item.func, ast.Name)
                                 and self.names.get(item.func.id) in TOOL_FEATURES}
                elif keyword.arg == "model" and isinstance(keyword.value, ast.Constant) \
                        and isinstance(keyword.value.value, str):
                    models.add(keyword.value.value)
                elif keyword.arg == "model" and self._is_sdk_call(keyword.value, "OpenAIChatCompletionsModel"):
                    chat = True
        endpoint = "/v1/chat/completions" if chat else "/v1/responses"
        return endpoint, features, models
