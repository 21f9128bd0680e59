"""Python files, read with `ast`: which names hold an OpenAI client, and what they call.

A name is a client when the same file binds it to `OpenAI()` / `AsyncOpenAI()` / `AzureOpenAI()`
(directly, through `with ... as`, a factory function that returns one, or a parameter annotated with
the class), or when it is the `openai` module itself. Bindings are looked up per function scope, so a
`client = Anthropic()` in one function does not hide `client = OpenAI()` in another.
"""

import ast

from .agents_sdk import AgentsUse
from .endpoints import LEGACY_PYTHON, LEGACY_PYTHON_METHODS, resolve_chain
from .findings import CERTAIN, LIKELY, UNKNOWN, Finding, features_and_models, snippet_of
from .rawhttp import HTTP_CALLS, raw_finding

CLIENT_CLASSES = {"OpenAI", "AsyncOpenAI", "AzureOpenAI", "AsyncAzureOpenAI"}
CLIENT, FOREIGN, UNBOUND = "client", "foreign", "unbound"
# A chain through a receiver the file never binds counts only when it reads like the SDK's.
LEGACY_ROOTS = set(LEGACY_PYTHON) | {"Audio"}
DISTINCTIVE = {"chat", "responses", "embeddings", "moderations", "images", "audio", "beta", "vector_stores",
               "fine_tuning", "conversations", "realtime"}


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


class PythonFile:
    def __init__(self, tree, text, relpath):
        self.tree, self.lines, self.relpath = tree, text.splitlines(), relpath
        self.mentions_openai = "openai" in text.lower()
        self.modules, self.classes, self.factories = set(), set(CLIENT_CLASSES), set()
        self.bindings = {}  # scope node -> {name: kind}
        self.members = {}  # self.<attr> -> kind
        self.values = {}  # scope node -> {name: [assigned value nodes]}
        self.parent_scope = {}

    # ---- pass 1: what the file binds -------------------------------------------------------------

    def collect(self):
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name == "openai":
                        self.modules.add(alias.asname or "openai")
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "openai":
                for alias in node.names:
                    if alias.name in CLIENT_CLASSES:
                        self.classes.add(alias.asname or alias.name)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and self._returns_client(node):
                self.factories.add(node.name)
        self._scope(self.tree, None)

    def _returns_client(self, function):
        if function.returns is not None and self._is_client_type(function.returns):
            return True
        return any(isinstance(node, ast.Return) and node.value is not None and self._is_ctor(node.value)
                   for node in ast.walk(function))

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
        return name in self.classes or last in CLIENT_CLASSES or last in self.factories

    def _kind_of_value(self, value):
        if self._is_ctor(value):
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
                if arg.annotation is not None:
                    names[arg.arg] = CLIENT if self._is_client_type(arg.annotation) else FOREIGN
                else:
                    names[arg.arg] = UNBOUND
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
            for target in targets:
                if isinstance(target, ast.Name):
                    values.setdefault(target.id, []).append(value)
                if value is not None:
                    self._bind(names, target, self._kind_of_value(value), scope)
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
        stack = list(ast.iter_child_nodes(scope))
        while stack:
            node = stack.pop()
            nested = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda)
            if nested:
                if children:
                    yield node
                continue
            if not children:
                yield node
            stack.extend(ast.iter_child_nodes(node))

    # ---- pass 2: the calls -----------------------------------------------------------------------

    def scan(self):
        self.collect()
        self.agents = AgentsUse(self.tree)
        findings = []
        self._visit(self.tree, self.tree, findings)
        return findings

    def _visit(self, node, scope, findings):
        for child in ast.iter_child_nodes(node):
            inner = child if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda) \
                else scope
            if isinstance(child, ast.Call):
                finding = self._agent_run(child, scope) or self._sdk_call(child, scope) or self._raw_call(child, scope)
                if finding:
                    findings.append(finding)
            self._visit(child, inner, findings)

    def _lookup(self, name, scope, follow=True):
        while scope is not None:
            if name in self.bindings.get(scope, {}):
                kind = self.bindings[scope][name]
                if isinstance(kind, tuple):  # `client = self.client` or `client = other`: follow it once
                    return self._alias_kind(kind[1], scope) if follow else None
                return kind
            scope = self.parent_scope.get(scope)
        return "module" if name in self.modules else None

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
        if kind == "module" and links and links[0] in LEGACY_ROOTS:
            resolved = self._legacy(links)
        elif kind in (CLIENT, "module") or (kind in (UNBOUND, None) and self._distinctive(links)):
            resolved = resolve_chain(links)
        else:
            return None
        if resolved is None:
            return None
        endpoint, implied = resolved
        confidence = CERTAIN if kind in (CLIENT, "module") else LIKELY
        return self._finding(call, endpoint, implied, confidence, scope)

    def _agent_run(self, call, scope):
        if not self.agents.is_run(call):
            return None
        endpoint, features, models = self.agents.describe(call, lambda name: self._assigned(name, scope))
        return Finding(endpoint=endpoint, file=self.relpath, line=call.lineno, column=call.col_offset + 1,
                       features=sorted(features), models=sorted(models),
                       snippet=snippet_of(self.lines, call.lineno), confidence=CERTAIN)

    def _distinctive(self, links):
        return self.mentions_openai and len(links) >= 2 and links[0] in DISTINCTIVE

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

    # ---- values ----------------------------------------------------------------------------------

    def value(self, node, scope, depth=0):
        """A plain value for an expression, following names assigned in the same file."""
        if depth > 8 or node is None:
            return UNKNOWN
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Dict):
            result = {}
            for key, item in zip(node.keys, node.values, strict=True):
                if key is None:
                    inner = self.value(item, scope, depth + 1)
                    if isinstance(inner, dict):
                        result.update(inner)
                elif isinstance(key, ast.Constant) and isinstance(key.value, str):
                    result[key.value] = self.value(item, scope, depth + 1)
            return result
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            return [self.value(item, scope, depth + 1) for item in node.elts]
        if isinstance(node, ast.Starred):
            return self.value(node.value, scope, depth + 1)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.value(node.left, scope, depth + 1), self.value(node.right, scope, depth + 1)
            if isinstance(left, list) and isinstance(right, list):
                return left + right
            if isinstance(left, str) and isinstance(right, str):
                return left + right
            return UNKNOWN
        if isinstance(node, ast.JoinedStr):
            parts = (self.value(v.value if isinstance(v, ast.FormattedValue) else v, scope, depth + 1)
                     for v in node.values)
            return "".join(part if isinstance(part, str) else "{}" for part in parts)
        if isinstance(node, ast.IfExp):
            body = self.value(node.body, scope, depth + 1)
            return body if body is not UNKNOWN else self.value(node.orelse, scope, depth + 1)
        if isinstance(node, ast.Call) and (dotted(node.func) == "dict" or any(k.arg == "type" for k in node.keywords)):
            return {k.arg: self.value(k.value, scope, depth + 1) for k in node.keywords if k.arg}
        if isinstance(node, ast.Name):
            assigned = self._assigned(node.id, scope)
            return self.value(assigned, scope, depth + 1) if assigned is not None else UNKNOWN
        return UNKNOWN

    def _assigned(self, name, scope):
        while scope is not None:
            candidates = [v for v in self.values.get(scope, {}).get(name, []) if v is not None]
            if candidates:
                return candidates[-1]
            scope = self.parent_scope.get(scope)
        return None

    # ---- raw HTTP --------------------------------------------------------------------------------

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
                    return self._finding(call, endpoint, implied, LIKELY, scope, arguments=arguments)
        return None


def scan_python(text, relpath):
    """Findings in one Python source; raises SyntaxError when it does not parse."""
    tree = ast.parse(text, filename=relpath)
    return PythonFile(tree, text, relpath).scan()
