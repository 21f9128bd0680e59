"""Python files, read with `ast`: which names hold an OpenAI client, and what they call.

A name is a client when the same file binds it to `OpenAI()` / `AsyncOpenAI()` / `AzureOpenAI()`
(directly, through `with ... as`, a factory function that returns one, or a parameter annotated with
the class), or when it is the `openai` module itself. Bindings are looked up per function scope, so a
`client = Anthropic()` in one function does not hide `client = OpenAI()` in another.
"""

import ast

from .agents_sdk import AgentsUse
from .endpoints import (
    LEGACY_PYTHON,
    SDK_VERBS,
    camel_to_snake,
    resolve_chain,
    resolve_raw_path,
)
from .findings import CERTAIN, LIKELY
from .frameworks import PYTHON_MODULES, python_class_kind
from .modules import CLIENT_EXPORT, FACTORY_EXPORT, plain
from .python_calls import PythonCalls
from .python_values import PythonValues, dotted
from .rawhttp import foreign_base_url

CLIENT_CLASSES = {"OpenAI", "AsyncOpenAI", "AzureOpenAI", "AsyncAzureOpenAI",
                  # openai-guardrails' drop-in clients subclass the SDK's
                  "GuardrailsOpenAI", "GuardrailsAsyncOpenAI", "GuardrailsAzureOpenAI", "GuardrailsAsyncAzureOpenAI"}
# The SDK's own aliases, too generic to count unqualified (`httpx.Client`): `openai.Client()`.
MODULE_ALIASES = {"Client", "AsyncClient"}
CLIENT, FOREIGN, UNBOUND = "client", "foreign", "unbound"
LEGACY_ROOTS = set(LEGACY_PYTHON) | {"Audio"}
ENV_READERS = {"os.getenv", "getenv", "os.environ.get", "environ.get"}
UNTYPED = {"Any", "Optional", "Union", "object", "typing", "t", ""}
GENERIC_METHODS = {"get", "post", "put", "patch", "delete", "get_api_list"}
# A chain through a receiver the file never binds counts only when it reads like the SDK's.
DISTINCTIVE = {"chat", "responses", "embeddings", "moderations", "images", "audio", "beta", "vector_stores",
               "fine_tuning", "conversations", "realtime"}


class PythonFile(PythonCalls, PythonValues):
    def __init__(self, tree, text, relpath, imported=None):
        self.tree, self.lines, self.relpath = tree, text.splitlines(), relpath
        self.imported = imported or {}  # local name -> what another module of the tree exports (modules.py)
        self.imports = []  # (module, level, name, local name) of each `from X import name`
        self.mentions_openai = "openai" in text.lower()
        self.modules, self.classes = set(), set(CLIENT_CLASSES)
        self.factories = {name for name, value in self.imported.items() if value is FACTORY_EXPORT}
        self.bindings = {}  # scope node -> {name: kind}
        self.members = {}  # self.<attr> -> kind
        self.values = {}  # scope node -> {name: [assigned value nodes]}
        self.changes = {}  # scope node -> {name: [(key or None, value node)]}: `params["tools"] = ...`, `.append`
        self.parent_scope = {}
        self.parameters = {}  # function scope -> its parameter names
        self.consumed = set()  # ids of the dict literals read as some call's arguments
        self.frameworks = {}  # local name -> framework class kind (LangChain, LlamaIndex), see frameworks.py
        self.framework_modules = {}  # local name -> framework module called through (`litellm.completion`)
        self._bound = None  # hosted tools bound to a framework's chat model, see PythonCalls._bound_tools

    # ---- pass 1: what the file binds -------------------------------------------------------------

    def collect(self):
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom):
                self.imports += [(node.module or "", node.level, alias.name, alias.asname or alias.name)
                                 for alias in node.names]
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name == "openai":
                        self.modules.add(alias.asname or "openai")
                    elif alias.name in PYTHON_MODULES:
                        self.framework_modules[alias.asname or alias.name] = alias.name
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "openai":
                for alias in node.names:
                    if alias.name in CLIENT_CLASSES | MODULE_ALIASES:
                        self.classes.add(alias.asname or alias.name)
            elif isinstance(node, ast.ImportFrom) and self._framework_import(node):
                pass
            elif isinstance(node, ast.ImportFrom):  # drop-in wrappers: `from langfuse.openai import openai`
                self.modules.update(alias.asname or alias.name for alias in node.names if alias.name == "openai")
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and self._returns_client(node):
                self.factories.add(node.name)
        self._scope(self.tree, None)

    def _framework_import(self, node):
        found = False
        for alias in node.names:
            kind = python_class_kind(node.module, alias.name)
            if alias.name == "init_chat_model" and (node.module or "").startswith("langchain"):
                kind = "init"
            if kind:
                self.frameworks[alias.asname or alias.name] = kind
                found = True
        return found

    def _returns_client(self, function):
        if function.returns is not None and self._is_client_type(function.returns):
            return True
        return any(isinstance(node, ast.Return) and node.value is not None and self._is_ctor(node.value)
                   for node in ast.walk(function))

    def _annotation_kind(self, annotation):
        """A parameter typed `OpenAI` is a client, one typed `Anthropic` is not; `Any` says nothing."""
        if annotation is None:
            return UNBOUND
        if self._is_client_type(annotation):
            return CLIENT
        names = {(dotted(node) or "").split(".")[-1] for node in ast.walk(annotation)
                 if isinstance(node, ast.Name | ast.Attribute)}
        return UNBOUND if names <= UNTYPED else FOREIGN

    def _is_client_type(self, annotation):
        if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            return annotation.value.split(".")[-1] in CLIENT_CLASSES
        return any((dotted(node) or "").split(".")[-1] in CLIENT_CLASSES for node in ast.walk(annotation))

    def _is_ctor(self, node):
        """Does evaluating `node` give a client: `OpenAI(...)`, `openai.AzureOpenAI(...)`, `x or OpenAI()`."""
        if isinstance(node, ast.Await):
            node = node.value
        if isinstance(node, ast.BoolOp):
            return any(self._is_ctor(value) for value in node.values)
        if isinstance(node, ast.IfExp):
            return self._is_ctor(node.body) or self._is_ctor(node.orelse)
        if not isinstance(node, ast.Call):
            return False
        name = dotted(node.func) or ""
        last = name.split(".")[-1]
        if name in self.frameworks:  # LlamaIndex's `OpenAI` is an LLM, not the SDK's client
            return False
        sdk_alias = last in MODULE_ALIASES and name.split(".")[0] in self.modules
        return (name in self.classes or last in CLIENT_CLASSES or last in self.factories or sdk_alias) \
            and not self.foreign_server(node)

    def _wraps_client(self, node, scope):
        """`instructor.from_openai(OpenAI())`, `wrap_openai(client)`: a wrapper keeps the SDK's calls."""
        if not isinstance(node, ast.Call):
            return False
        given = list(node.args) + [keyword.value for keyword in node.keywords]
        return any(self._is_ctor(arg) or (isinstance(arg, ast.Name) and self._lookup(arg.id, scope) == CLIENT)
                   for arg in given)

    def foreign_server(self, call):
        """A client built for another server: `OpenAI(base_url="http://localhost:11434/v1")` (a local
        OpenAI-compatible server) or `OpenAI(provider=bedrock(...))` (the SDK speaking to AWS)."""
        if any(k.arg == "provider" for k in call.keywords):
            return True
        node = next((k.value for k in call.keywords if k.arg == "base_url"), None)
        if isinstance(node, ast.Name):
            node = self._assigned(node.id, self.tree) or node
        variable = _environment_variable(node)
        if variable is not None:  # base_url=os.getenv("OPENROUTER_BASE_URL") names its provider
            return "OPENAI" not in variable.upper() and "AZURE" not in variable.upper()
        url = self.value(node, self.tree) if node is not None else None
        return foreign_base_url(url)

    def _kind_of_value(self, value, scope):
        if self._is_ctor(value) or self._wraps_client(value, scope):
            return CLIENT
        if isinstance(value, ast.Call | ast.Await):
            return FOREIGN
        if isinstance(value, ast.Name | ast.Attribute):
            return ("alias", dotted(value))
        return FOREIGN

    def _scope(self, scope, parent):
        self.parent_scope[scope] = parent
        names, values = self.bindings.setdefault(scope, {}), self.values.setdefault(scope, {})
        if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            arguments = scope.args
            for arg in arguments.posonlyargs + arguments.args + arguments.kwonlyargs:
                names[arg.arg] = self._annotation_kind(arg.annotation)
            # A parameter hides the module's name of the same name: its value is the caller's.
            self.parameters[scope] = {arg.arg for arg in arguments.posonlyargs + arguments.args
                                      + arguments.kwonlyargs + [arguments.vararg, arguments.kwarg] if arg}
        for node in self._own_nodes(scope):
            targets, value = (), None
            if isinstance(node, ast.Assign):
                targets, value = node.targets, node.value
            elif isinstance(node, ast.AnnAssign):
                targets, value = [node.target], node.value
                if value is None and self._is_client_type(node.annotation):
                    self._bind(names, node.target, CLIENT, scope)
                    continue
            elif isinstance(node, ast.NamedExpr):
                targets, value = [node.target], node.value
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                targets, value = [node.optional_vars], node.context_expr
            self._record_change(node, scope)
            if isinstance(node, ast.For | ast.AsyncFor) and isinstance(node.target, ast.Name) \
                    and isinstance(node.iter, ast.List | ast.Tuple):  # `for model in ["gpt-4o", "gpt-4.1"]:`
                values.setdefault(node.target.id, []).append(node.iter)
            for target in targets:
                if isinstance(target, ast.Name):
                    values.setdefault(target.id, []).append(value)
                if value is not None:
                    self._bind(names, target, self._kind_of_value(value, scope), scope)
        for node in self._own_nodes(scope, children=True):
            self._scope(node, scope)

    def _bind(self, names, target, kind, scope):
        if isinstance(target, ast.Name):
            if names.get(target.id) != CLIENT:  # any client binding in a scope wins over a reassignment
                names[target.id] = kind
        elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
            if self.members.get(target.attr) != CLIENT:
                self.members[target.attr] = kind if kind in (CLIENT, FOREIGN) else UNBOUND
        if isinstance(scope, ast.ClassDef) and isinstance(target, ast.Name) and kind == CLIENT:
            self.members[target.id] = CLIENT

    @staticmethod
    def _own_nodes(scope, children=False):
        """Nodes of this scope, not of the functions and classes nested in it (or only those)."""
        stack = list(reversed(list(ast.iter_child_nodes(scope))))
        while stack:  # in source order, so the last assignment of a name is the last one seen
            node = stack.pop()
            nested = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda)
            if nested:
                if children:
                    yield node
                continue
            if not children:
                yield node
            stack.extend(reversed(list(ast.iter_child_nodes(node))))

    # ---- pass 2: the calls -----------------------------------------------------------------------

    def scan(self):
        self.collect()
        self.agents = AgentsUse(self.tree)
        findings = []
        self._visit(self.tree, self.tree, findings)
        return findings + self._tool_declarations()

    def _visit(self, node, scope, findings):
        for child in ast.iter_child_nodes(node):
            inner = child if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda) \
                else scope
            if isinstance(child, ast.Call):
                voice = self._voice_pipeline(child, scope)
                finding = voice or self._agent_run(child, scope) or self._framework(child, scope) \
                    or self._sdk_call(_deferred(child), scope) or self._raw_call(child, scope)
                if finding:
                    findings.extend(finding if isinstance(finding, list) else [finding])
            self._visit(child, inner, findings)

    def _lookup(self, name, scope, follow=True):
        while scope is not None:
            if name in self.bindings.get(scope, {}):
                kind = self.bindings[scope][name]
                if isinstance(kind, tuple):  # `client = self.client` or `client = other`: follow it once
                    return self._alias_kind(kind[1], scope) if follow else None
                return kind
            scope = self.parent_scope.get(scope)
        if name in self.modules:
            return "module"
        return CLIENT if self.imported.get(name) is CLIENT_EXPORT else None

    def exports(self):
        """What another module importing from this one may use: its module-level clients, client
        factories and plain constants."""
        found = {name: CLIENT_EXPORT for name, kind in self.bindings.get(self.tree, {}).items() if kind == CLIENT}
        found.update((name, FACTORY_EXPORT) for name in self.factories if name not in self.imported)
        for name in self.values.get(self.tree, {}):
            if name not in found:
                value = self.value(ast.Name(id=name), self.tree)
                if plain(value):
                    found[name] = value
        return found

    def _alias_kind(self, name, scope):
        parts = (name or "").split(".")
        if len(parts) == 1 and parts[0]:
            return self._lookup(parts[0], scope, follow=False)
        if len(parts) == 2 and parts[0] in ("self", "cls"):
            return self.members.get(parts[1], UNBOUND)
        return None

    def _sdk_call(self, call, scope):
        links, root = [], call.func
        while True:
            if isinstance(root, ast.Attribute):
                links.insert(0, root.attr)
                root = root.value
            elif isinstance(root, ast.Call) and isinstance(root.func, ast.Attribute) \
                    and root.func.attr == "with_options":
                root = root.func.value
            else:
                break
        if not links:
            return None
        if isinstance(root, ast.Call):
            kind = CLIENT if self._is_ctor(root) else None
        elif isinstance(root, ast.Name):
            # `self.client.x.y()` arrives here as root `self` with links ["client", ...].
            if root.id in ("self", "cls"):
                kind, links = self.members.get(links[0], UNBOUND), links[1:]
            else:
                kind = self._lookup(root.id, scope)
        else:
            return None
        if kind == CLIENT and len(links) == 1 and links[0] in GENERIC_METHODS and call.args:
            path = self.value(call.args[0], scope)  # client.post("/realtime/calls/...") below the helpers
            resolved = resolve_raw_path("/v1" + path) if isinstance(path, str) and path.startswith("/") else None
        elif kind == "module" and links and links[0] in LEGACY_ROOTS:
            resolved = self._legacy(links)
        elif kind in (CLIENT, "module") or (kind in (UNBOUND, None) and self._distinctive(links)):
            resolved = resolve_chain(links)
        else:
            return None
        if resolved is None:
            return None
        endpoint, implied = resolved
        confidence = CERTAIN if kind in (CLIENT, "module") else LIKELY
        if len(links) == 1 and links[0] in GENERIC_METHODS:  # the JSON body is the `body=` argument
            body = next((self.value(k.value, scope) for k in call.keywords if k.arg == "body"), None)
            return self._finding(call, endpoint, implied, confidence, scope, body if isinstance(body, dict) else {})
        return self._finding(call, endpoint, implied, confidence, scope)

    def _distinctive(self, links):
        return self.mentions_openai and len(links) >= 2 and links[0] in DISTINCTIVE \
            and camel_to_snake(links[-1]) in SDK_VERBS

DEFERRING = {"asyncio.to_thread", "to_thread", "functools.partial", "partial"}


def _deferred(call):
    """`asyncio.to_thread(client.responses.create, model=...)` calls the method it is given: read it as
    `client.responses.create(model=...)` on the same line."""
    if dotted(call.func) in DEFERRING and call.args and isinstance(call.args[0], ast.Attribute):
        return ast.Call(func=call.args[0], args=call.args[1:], keywords=call.keywords, lineno=call.lineno,
                        col_offset=call.col_offset)
    return call


def _environment_variable(node):
    """"X" for `os.getenv("X")`, `os.environ.get("X", ...)`, `os.environ["X"]` (or the first of an `or`)."""
    if isinstance(node, ast.BoolOp):
        node = node.values[0]
    if isinstance(node, ast.Call) and dotted(node.func) in ENV_READERS and node.args \
            and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
        return node.args[0].value
    if isinstance(node, ast.Subscript) and dotted(node.value) in ("os.environ", "environ") \
            and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
        return node.slice.value
    return None


def scan_python(text, relpath):
    """Findings in one Python source; raises SyntaxError when it does not parse."""
    return read_python(text, relpath).findings


def read_python(text, relpath, imported=None):
    """The scanned PythonFile (its `findings`, `imports`, `exports()`); raises SyntaxError."""
    file = PythonFile(ast.parse(text, filename=relpath), text, relpath, imported)
    file.findings = file.scan()
    return file
