"""JavaScript and TypeScript files, read with tree-sitter.

Clients are the names bound in the same file to `new OpenAI()` (whatever the default import from
'openai' is called), `new AzureOpenAI()`, a factory that returns one, or a parameter / class field typed
as one. Node scoping is looser than Python's, so bindings are per file: a name bound to both an OpenAI
client and something else counts as a client.
"""

from functools import lru_cache

from .endpoints import LEGACY_NODE, SDK_VERBS, camel_to_snake, resolve_chain
from .findings import CERTAIN, LIKELY, tool_feature
from .js_agents import agent_findings, is_agents_module
from .js_calls import ScriptCalls
from .js_frameworks import framework_findings, import_names
from .js_values import SCOPES, ScriptValues, node_text, scope_range, string_value
from .modules import CLIENT_EXPORT, FACTORY_EXPORT
from .rawhttp import foreign_base_url

CLIENT_CLASSES = {"OpenAI", "AzureOpenAI"}
# Socket classes take a client (or build one) and speak to one endpoint.
SOCKET_CLASSES = {"OpenAIRealtimeWS": "/v1/realtime", "OpenAIRealtimeWebSocket": "/v1/realtime",
                  "ResponsesWS": "/v1/responses"}
LEGACY_CLASSES = {"OpenAIApi"}
DISTINCTIVE = {"chat", "responses", "embeddings", "moderations", "images", "audio", "beta", "vectorStores",
               "fineTuning", "conversations", "realtime"}


@lru_cache(maxsize=3)
def _parser(kind):
    from tree_sitter import Language, Parser

    if kind == "js":
        import tree_sitter_javascript as grammar

        return Parser(Language(grammar.language()))
    import tree_sitter_typescript as grammar

    return Parser(Language(grammar.language_tsx() if kind == "tsx" else grammar.language_typescript()))


def parser_kind(suffix):
    return {".ts": "ts", ".mts": "ts", ".cts": "ts", ".tsx": "tsx"}.get(suffix, "js")


class ScriptFile(ScriptCalls, ScriptValues):
    def __init__(self, root, text, relpath, imported=None):
        self.root, self.lines, self.relpath = root, text.splitlines(), relpath
        self.imported = imported or {}  # local name -> what another module of the tree exports (modules.py)
        self.imports = []  # (source, name, local name) of each named import from a path
        self.mentions_openai = "openai" in text.lower()
        self.classes, self.legacy = set(CLIENT_CLASSES), set(LEGACY_CLASSES)
        self.factories = {name for name, value in self.imported.items() if value is FACTORY_EXPORT}
        self.sockets = dict(SOCKET_CLASSES)
        self.agent_names = {}  # local name -> export of @openai/agents
        self.framework_names = {}  # local name -> export of @ai-sdk/openai or @langchain/openai
        self.consumed, self.objects = set(), []  # object literals read as arguments / all of them
        # name or this.<field> -> "client" / "legacy" / "foreign"
        self.kinds = {name: "client" for name, value in self.imported.items() if value is CLIENT_EXPORT}
        self.values = {}  # name -> [(value node, (start, end) of the function declaring it)]
        self.changes = {}  # name -> [(key or None, value node, scope range)]: `body.store = true`, `.push(...)`
        self.calls, self.news, self.declared = [], [], []

    def collect(self):
        stack = [self.root]
        while stack:
            node = stack.pop()
            kind = node.type
            if kind == "call_expression":
                self.calls.append(node)
            elif kind == "object":
                self.objects.append(node)
            elif kind == "new_expression":
                self.news.append(node)
            elif kind == "import_statement":
                self._import(node)
            elif kind in ("variable_declarator", "assignment_expression", "public_field_definition",
                          "field_definition", "required_parameter", "optional_parameter"):
                self.declared.append(node)
            elif kind in SCOPES and self._returns_client(node):
                name = node.child_by_field_name("name")
                if name is not None:
                    self.factories.add(node_text(name))
            stack.extend(reversed(node.children))
        for node in self.declared:
            self._declare(node)
        for node in self.calls:
            self._record_push(node)

    def _import(self, node):
        source = node.child_by_field_name("source")
        path = string_value(source) if source is not None else None
        if path and path.startswith((".", "@/", "~/")):
            self.imports += [(path, name, local) for name, local in _specifiers(node)]
            return
        if source is not None and is_agents_module(string_value(source) or ""):
            for spec in (s for s in _descendants(node) if s.type == "import_specifier"):
                name, alias = spec.child_by_field_name("name"), spec.child_by_field_name("alias")
                self.agent_names[node_text(alias or name)] = node_text(name)
            return
        if source is None or import_names(self, string_value(source) or "", node) \
                or not (string_value(source) or "").startswith("openai"):
            return
        for child in node.named_children:
            if child.type != "import_clause":
                continue
            for part in child.named_children:
                if part.type == "identifier":  # the default export is the OpenAI class
                    self.classes.add(node_text(part))
                elif part.type == "named_imports":
                    for spec in part.named_children:
                        name, alias = spec.child_by_field_name("name"), spec.child_by_field_name("alias")
                        if name is not None and node_text(name) in CLIENT_CLASSES:
                            self.classes.add(node_text(alias or name))
                        elif name is not None and node_text(name) in SOCKET_CLASSES:
                            self.sockets[node_text(alias or name)] = SOCKET_CLASSES[node_text(name)]

    def _returns_client(self, function):
        body = function.child_by_field_name("body")
        if body is None:
            return False
        if body.type != "statement_block":
            return self._ctor_kind(body) == "client"
        stack = list(body.children)
        while stack:
            node = stack.pop()
            if node.type == "return_statement" and node.named_children \
                    and self._ctor_kind(node.named_children[0]) == "client":
                return True
            if node.type not in SCOPES:
                stack.extend(node.children)
        return False

    def _ctor_kind(self, node):
        """"client" / "legacy" / "foreign" / None for what an expression evaluates to."""
        while node is not None and node.type in ("await_expression", "parenthesized_expression", "as_expression",
                                                 "non_null_expression", "satisfies_expression"):
            node = node.named_children[0] if node.named_children else None
        if node is None:
            return None
        if node.type in ("binary_expression", "ternary_expression"):
            kinds = {self._ctor_kind(child) for child in node.named_children}
            return "client" if "client" in kinds else ("foreign" if "foreign" in kinds else None)
        if node.type == "new_expression":
            name = node_text(node.child_by_field_name("constructor")).split(".")[-1]
            if self.agent_names.get(name) == "Runner":
                return "runner"
            if name in self.framework_names:  # LangChain's `OpenAI` is an LLM class, not the SDK's client
                return "foreign"
            if name in self.classes:  # first: `import OpenAIApi from "openai"` is today's class
                return "foreign" if self._foreign_server(node) else "client"
            return "legacy" if name in self.legacy else "foreign"
        if node.type == "call_expression":
            function = node.child_by_field_name("function")
            name = node_text(function).split(".")[-1] if function is not None else ""
            return "client" if name in self.factories else "foreign"
        return None

    def _foreign_server(self, new):
        """`new OpenAI({ provider: ... })` speaks to Bedrock, `baseURL: "http://localhost..."` to a local server."""
        options = self.options(new)
        variable = self._base_url_variable(new)
        if variable:  # baseURL: process.env.OPENROUTER_BASE_URL names its provider
            return "OPENAI" not in variable.upper() and "AZURE" not in variable.upper()
        url = options.get("baseURL")
        return "provider" in options or foreign_base_url(url)

    @staticmethod
    def _base_url_variable(new):
        """"X" when the options say `baseURL: process.env.X` (or `process.env["X"]`)."""
        arguments = new.child_by_field_name("arguments")
        objects = [child for child in arguments.named_children if child.type == "object"] if arguments else []
        for pair in (child for options in objects[:1] for child in options.named_children if child.type == "pair"):
            value = pair.child_by_field_name("value")
            if node_text(pair.child_by_field_name("key")) != "baseURL" or value is None:
                continue
            owner = value.child_by_field_name("object")
            if owner is not None and node_text(owner) == "process.env":
                name = value.child_by_field_name("property") or value.child_by_field_name("index")
                return (string_value(name) if name.type == "string" else node_text(name)) if name else None
        return None

    def _declare(self, node):
        if node.type in ("required_parameter", "optional_parameter"):
            target, value = node.child_by_field_name("pattern"), None
            kind = self._type_kind(node.child_by_field_name("type"))
        else:
            target = node.child_by_field_name("name") or node.child_by_field_name("left") \
                or node.child_by_field_name("property")
            value = node.child_by_field_name("value") or node.child_by_field_name("right")
            kind = self._ctor_kind(value) if value is not None else self._type_kind(node.child_by_field_name("type"))
        if target is None:
            return
        if target.type == "object_pattern" and value is not None and node_text(value).startswith("require("):
            if "openai" in node_text(value):  # const { OpenAI } = require('openai')
                names = {node_text(child) for child in target.named_children}
                self.classes.update(names & CLIENT_CLASSES)
            return
        name = node_text(target)
        if target.type == "member_expression" and value is not None \
                and target.child_by_field_name("object").type == "identifier":  # body.tools = [...]
            owner = node_text(target.child_by_field_name("object"))
            key = node_text(target.child_by_field_name("property"))
            self.changes.setdefault(owner, []).append((key, value, scope_range(node)))
        if node.type in ("public_field_definition", "field_definition") or name.startswith("this."):
            name = "this." + name.removeprefix("this.")
            if name.startswith("this.#"):
                name = "this." + name[6:]
        if value is not None and value.type == "call_expression" and node_text(value).startswith("require("):
            if "'openai'" in node_text(value) or '"openai"' in node_text(value):
                self.classes.add(name)  # const OpenAI = require('openai')
            return
        if value is not None and "." not in name:
            self.values.setdefault(name, []).append((value, scope_range(node)))
        names = [name]
        if node.type == "required_parameter" and any(c.type == "accessibility_modifier" for c in node.children):
            names.append("this." + name)  # constructor(private client: OpenAI) is also a field
        for name in names:
            if kind and self.kinds.get(name) != "client":
                self.kinds[name] = kind

    def _type_kind(self, annotation):
        if annotation is None:
            return None
        names = node_text(annotation).replace("|", " ").replace(":", " ").replace("<", " ").replace(">", " ").split()
        return "client" if any(name.split(".")[-1] in CLIENT_CLASSES for name in names) else "foreign"

    # ---- calls -----------------------------------------------------------------------------------

    def scan(self):
        self.collect()
        findings = []
        for node in self.news:
            name = node_text(node.child_by_field_name("constructor")).split(".")[-1]
            if name in self.sockets:
                findings.append(self.make_finding(node, self.sockets[name], set(), CERTAIN, self.options(node)))
            elif name == "WebSocket":  # new WebSocket("wss://api.openai.com/v1/realtime?model=...")
                finding = self._raw_call(node, "constructor")
                if finding:
                    findings.append(finding)
        for node in self.calls:
            finding = self._socket_factory(node) or self._sdk_call(node) or self._raw_call(node)
            if finding:
                findings.append(finding)
        findings += agent_findings(self) + framework_findings(self)
        for node in self.objects:
            if node.id not in self.consumed:
                feature = tool_feature(self.value(node))
                if feature:
                    finding = self.make_finding(node, "/v1/responses", {feature}, LIKELY, {})
                    finding.kind = "tool"
                    findings.append(finding)
        findings.sort(key=lambda finding: (finding.line, finding.column))
        return findings

    def _sdk_call(self, call):
        links, root = [], call.child_by_field_name("function")
        while root is not None:
            if root.type == "member_expression":
                links.insert(0, node_text(root.child_by_field_name("property")))
                root = root.child_by_field_name("object")
            elif root.type == "call_expression" and node_text(root.child_by_field_name("function")).endswith(
                    ".withOptions"):
                root = root.child_by_field_name("function").child_by_field_name("object")
            elif root.type in ("non_null_expression", "parenthesized_expression", "await_expression"):
                root = root.named_children[0] if root.named_children else None
            else:
                break
        if root is None or not links:
            return None
        if root.type == "this" or (root.type == "identifier" and node_text(root) == "self"):
            name, links = "this." + links[0].lstrip("#"), links[1:]
        elif root.type == "identifier":
            name = node_text(root)
        elif root.type == "new_expression" or root.type == "call_expression":
            name = None
        else:
            return None
        kind = self.kinds.get(name) if name else self._ctor_kind(root)
        if kind == "legacy" and len(links) == 1 and links[0] in LEGACY_NODE:
            return self.make_finding(call, LEGACY_NODE[links[0]], set(), CERTAIN, self.options(call))
        if kind == "client" or (kind is None and name and self._distinctive(links)):
            resolved = resolve_chain(links)
            if resolved:
                confidence = CERTAIN if kind == "client" else LIKELY
                return self.make_finding(call, resolved[0], resolved[1], confidence, self.options(call))
        return None

    def _distinctive(self, links):
        return self.mentions_openai and len(links) >= 2 and links[0] in DISTINCTIVE \
            and camel_to_snake(links[-1]) in SDK_VERBS

def _specifiers(node):
    """(name, local name) of each `import { name as local }`."""
    for spec in (s for s in _descendants(node) if s.type == "import_specifier"):
        name, alias = spec.child_by_field_name("name"), spec.child_by_field_name("alias")
        yield node_text(name), node_text(alias or name)


def _descendants(node):
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(current.children)


def scan_script(text, relpath, suffix):
    """(findings, error) for one JS/TS source; tree-sitter always gives a tree, so syntax errors are
    reported alongside whatever parsed."""
    file, error = read_script(text, relpath, suffix)
    return file.findings, error


def read_script(text, relpath, suffix, imported=None):
    """(the scanned ScriptFile: its `findings`, `imports`, `exports()`; a syntax error or None)."""
    tree = _parser(parser_kind(suffix)).parse(text.encode("utf-8"))
    error = None
    if tree.root_node.has_error:
        line = _first_error_line(tree.root_node)
        error = f"syntax error near line {line}; the rest of the file was scanned"
    file = ScriptFile(tree.root_node, text, relpath, imported)
    file.findings = file.scan()
    return file, error


def _first_error_line(node):
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "ERROR" or current.is_missing:
            return current.start_point[0] + 1
        stack.extend(reversed([child for child in current.children if child.has_error or child.is_missing]))
    return node.start_point[0] + 1
