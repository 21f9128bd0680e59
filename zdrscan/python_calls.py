"""The calls a Python file makes through something other than an SDK client's resource chain: the
Agents SDK (runs, voice pipelines), frameworks (LangChain, LlamaIndex), raw HTTP, hosted tools declared
apart from any call; and the arguments every finding is read from. A mixin of PythonFile."""

import ast

from .endpoints import LEGACY_PYTHON, LEGACY_PYTHON_METHODS, model_features
from .findings import CERTAIN, LIKELY, Finding, features_and_models, snippet_of, tool_feature
from .frameworks import describe, init_chat_model_provider, model_string, python_class_kind, routed
from .python_values import dotted
from .rawhttp import HTTP_CALLS, raw_finding, url_model


class PythonCalls:
    """Needs PythonFile's `agents`, `frameworks`, `lines`, `relpath`, `consumed`, `value`, `_assigned`,
    `foreign_server` and `mentions_openai`."""

    def _tool_declarations(self):
        # The Agents SDK's tool classes wrap their config (`CodeInterpreterTool(tool_config={...})`),
        # which the Runner finding already counts.
        for call in ast.walk(self.tree):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in self.agents.names:
                self.consumed.update(id(node) for node in ast.walk(call) if isinstance(node, ast.Dict))
        found = []
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Dict) and id(node) not in self.consumed:
                feature = tool_feature(self.value(node, self.tree))
                if feature:
                    found.append(Finding(endpoint="/v1/responses", file=self.relpath, line=node.lineno,
                                         column=node.col_offset + 1, features=[feature], models=[],
                                         snippet=snippet_of(self.lines, node.lineno), confidence=LIKELY, kind="tool"))
        return found

    def _voice_pipeline(self, call, scope):
        """The Agents SDK's voice pipeline: its agent's turns (like a Runner call), text to speech, and
        speech to text, which is `likely` the transcriptions endpoint: a streamed input is transcribed
        over a Realtime session instead."""
        if not self.agents.is_voice_pipeline(call):
            return None
        agent = self.agents.voice_agent(call)
        run = ast.Call(func=call.func, args=[agent] if agent is not None else [], keywords=[],
                       lineno=call.lineno, col_offset=call.col_offset)
        turns = self._agent_run(run, scope, force=True)
        where = {"file": self.relpath, "line": call.lineno, "column": call.col_offset + 1,
                 "snippet": snippet_of(self.lines, call.lineno)}
        return [Finding(endpoint="/v1/audio/transcriptions", features=[], models=[], confidence=LIKELY, **where),
                *([turns] if turns else []),
                Finding(endpoint="/v1/audio/speech", features=[], models=[], confidence=CERTAIN, **where)]

    def _agent_run(self, call, scope, force=False):
        if self.agents.is_realtime(call):
            return Finding(endpoint="/v1/realtime", file=self.relpath, line=call.lineno, column=call.col_offset + 1,
                           features=[], models=[], snippet=snippet_of(self.lines, call.lineno), confidence=CERTAIN)
        if not (force or self.agents.is_run(call)):
            return None
        described = self.agents.describe(call, lambda name: self._assigned(name, scope),
                                         lambda node: self.value(node, scope), self.foreign_server)
        if described is None:
            return None
        endpoint, features, models, given = described
        features = features | features_and_models({"input": given})[0]
        return Finding(endpoint=endpoint, file=self.relpath, line=call.lineno, column=call.col_offset + 1,
                       features=sorted(features), models=sorted(models),
                       snippet=snippet_of(self.lines, call.lineno), confidence=CERTAIN)

    def _framework(self, call, scope):
        """`ChatOpenAI(model="gpt-4o")`, `OpenAIEmbeddings()`, `init_chat_model("openai:gpt-4o")`."""
        if isinstance(call.func, ast.Name):
            kind = self.frameworks.get(call.func.id)
        elif isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name) \
                and call.func.value.id in self.framework_modules:  # litellm.completion(...), dspy.LM(...)
            kind = python_class_kind(self.framework_modules[call.func.value.id], call.func.attr)
        else:
            kind = None
        if kind is None or self._framework_foreign(call):
            return None
        options = {k.arg: self.value(k.value, scope) for k in call.keywords if k.arg}
        first = self.value(call.args[0], scope) if call.args else None
        if kind == "model_string":  # Agent("openai:gpt-4o"); an Agent given a model object has its finding there
            named = model_string(first if first is not None else options.get("model"))
            if named is None:
                return None
            return Finding(endpoint=named[0], file=self.relpath, line=call.lineno, column=call.col_offset + 1,
                           features=[], models=[named[1]], snippet=snippet_of(self.lines, call.lineno),
                           confidence=CERTAIN)
        if isinstance(first, str) and not any(key in options for key in ("model", "model_name", "ai_model_id")):
            options["model"] = first  # OpenAIChatModel("gpt-4o"), OpenAI("gpt-4o")
        if kind.startswith("routed_"):
            named = routed(kind, options)
            if named is None:
                return None
            options = {**options, "model": named[1]}
            features, models = features_and_models(options)
            return Finding(endpoint=named[0], file=self.relpath, line=call.lineno, column=call.col_offset + 1,
                           features=sorted(features), models=sorted(models),
                           snippet=snippet_of(self.lines, call.lineno), confidence=CERTAIN)
        if kind == "init":
            model, openai = init_chat_model_provider(
                self.value(call.args[0], scope) if call.args else options.get("model"), options.get("model_provider"))
            if not openai:
                return None
            kind, options = "lc_chat", dict(options, model=model)
        bound = self._bound_tools().get(id(call))
        if kind == "lc_chat" and bound:  # llm.bind_tools([{"type": "web_search"}]): LangChain switches API
            options = dict(options, built_in_tools=bound, use_responses_api=True)
        endpoint, confidence, features, model = describe(kind, options)
        models = [model] if model else []
        return Finding(endpoint=endpoint, file=self.relpath, line=call.lineno, column=call.col_offset + 1,
                       features=sorted(features | model_features(models)), models=models,
                       snippet=snippet_of(self.lines, call.lineno), confidence=confidence)

    def _bound_tools(self):
        """{id of a chat model's construction: the hosted tools bound to it} for `llm.bind_tools([...])`
        and `ChatOpenAI(...).bind_tools([...])`; built once per file."""
        if self._bound is None:
            self._bound = {}
            for node in ast.walk(self.tree):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "bind_tools" and node.args):
                    continue
                tools = self.value(node.args[0], self.tree)
                hosted = [tool for tool in tools if tool_feature(tool)] if isinstance(tools, list) else []
                target = node.func.value
                if isinstance(target, ast.Name):
                    target = next((values[-1] for values in (scope.get(target.id) for scope in self.values.values())
                                   if values and isinstance(values[-1], ast.Call)), None)
                if hosted and isinstance(target, ast.Call):
                    self._bound.setdefault(id(target), []).extend(hosted)
        return self._bound

    def _framework_foreign(self, call):
        """`ChatOpenAI(base_url="http://localhost:11434/v1")`: the class speaking to another server."""
        for keyword in call.keywords:
            if keyword.arg == "provider":  # Pydantic AI: provider="ollama" or OpenAIProvider(base_url=...)
                if isinstance(keyword.value, ast.Constant):
                    return not str(keyword.value.value).startswith(("openai", "azure"))
                if isinstance(keyword.value, ast.Call):
                    return self.foreign_server(keyword.value)
            if keyword.arg in ("base_url", "openai_api_base", "api_base"):
                return self.foreign_server(ast.Call(func=call.func, args=[], keywords=[
                    ast.keyword(arg="base_url", value=keyword.value)]))
        return False

    @staticmethod
    def _legacy(links):
        if len(links) < 2:
            return None
        key = (links[0], links[1])
        if key in LEGACY_PYTHON_METHODS:
            return LEGACY_PYTHON_METHODS[key], set()
        if links[0] in LEGACY_PYTHON:
            return LEGACY_PYTHON[links[0]], set()
        return None

    def _finding(self, call, endpoint, implied, confidence, scope, arguments=None):
        arguments = self._arguments(call, scope) if arguments is None else arguments
        features, models = features_and_models(arguments)
        return Finding(endpoint=endpoint, file=self.relpath, line=call.lineno, column=call.col_offset + 1,
                       features=sorted(features | implied), models=sorted(models),
                       snippet=snippet_of(self.lines, call.lineno), confidence=confidence)

    def _arguments(self, call, scope):
        arguments = {}
        for keyword in call.keywords:
            value = self.value(keyword.value, scope)
            if keyword.arg is None:
                if isinstance(value, dict):
                    arguments.update(value)
            else:
                arguments[keyword.arg] = value
        # Node-style single dict argument (`create({...})`) also appears in Python wrappers.
        if not arguments and call.args:
            first = self.value(call.args[0], scope)
            if isinstance(first, dict):
                arguments = first
        return arguments

    def _raw_call(self, call, scope):
        name = dotted(call.func) or ""
        last = name.split(".")[-1]
        strings = []
        if last in HTTP_CALLS:
            candidates = list(call.args[:2]) + [k.value for k in call.keywords if k.arg == "url"]
            strings = [self.value(node, scope) for node in candidates]
        elif last in ("run", "Popen", "check_output", "check_call", "call") and call.args:
            command = self.value(call.args[0], scope)
            if isinstance(command, list) and command and command[0] == "curl":
                strings = command
            elif isinstance(command, str) and command.startswith("curl "):
                strings = [command]
        for text in strings:
            if isinstance(text, str):
                payload = next((self.value(k.value, scope) for k in call.keywords if k.arg in ("json", "data")), None)
                arguments = payload if isinstance(payload, dict) else {}
                found = raw_finding(text, self.mentions_openai)
                if found:
                    endpoint, implied = found
                    if url_model(text) and "model" not in arguments:
                        arguments = dict(arguments, model=url_model(text))
                    return self._finding(call, endpoint, implied, LIKELY, scope, arguments=arguments)
        return None
