"""What a JavaScript/TypeScript file's calls send, raw HTTP and WebSocket calls, request bodies built
in steps, and what the file exports to the tree's other modules. A mixin of ScriptFile."""

from .findings import CERTAIN, LIKELY, Finding, features_and_models, snippet_of
from .js_values import node_text, scope_range
from .modules import CLIENT_EXPORT, FACTORY_EXPORT, plain
from .rawhttp import HTTP_CALLS, raw_finding, url_model


class ScriptCalls:
    """Needs ScriptFile's `changes`, `kinds`, `factories`, `imported`, `values`, `sockets`, `lines`,
    `relpath`, `mentions_openai` and `value`."""

    def _record_push(self, call):
        """`tools.push({...})` and `Object.assign(body, {...})`: a request body built in steps."""
        function, arguments = call.child_by_field_name("function"), call.child_by_field_name("arguments")
        if function is None or function.type != "member_expression" or arguments is None:
            return
        owner, method = function.child_by_field_name("object"), node_text(function.child_by_field_name("property"))
        given = arguments.named_children
        if method == "push" and owner.type == "identifier":
            for item in given:
                self.changes.setdefault(node_text(owner), []).append((None, item, scope_range(call)))
        elif method == "push" and owner.type == "member_expression" \
                and owner.child_by_field_name("object").type == "identifier":  # body.messages.push({...})
            key = ("+", node_text(owner.child_by_field_name("property")))
            for item in given:
                self.changes.setdefault(node_text(owner.child_by_field_name("object")), []).append(
                    (key, item, scope_range(call)))
        elif node_text(function) == "Object.assign" and len(given) > 1 and given[0].type == "identifier":
            for item in given[1:]:
                self.changes.setdefault(node_text(given[0]), []).append((None, item, scope_range(call)))

    def exports(self):
        """Top-level clients, client factories and plain constants, for the modules importing them."""
        found = {name: CLIENT_EXPORT for name, kind in self.kinds.items()
                 if kind == "client" and "." not in name and name not in self.imported}
        found.update((name, FACTORY_EXPORT) for name in self.factories if name not in self.imported)
        for name, declared in self.values.items():
            top = [value for value, (start, _end) in declared if start == 0]
            if name not in found and top:
                value = self.value(top[-1])
                if plain(value):
                    found[name] = value
        return found

    def _socket_factory(self, call):
        """`OpenAIRealtimeWS.azure(client)` builds a socket like `new OpenAIRealtimeWS()` does."""
        function = call.child_by_field_name("function")
        if function is None or function.type != "member_expression":
            return None
        owner = node_text(function.child_by_field_name("object"))
        if owner in self.sockets:
            return self.make_finding(call, self.sockets[owner], set(), CERTAIN, self.options(call))
        return None

    def options(self, call):
        arguments = call.child_by_field_name("arguments")
        values = [self.value(child) for child in arguments.named_children] if arguments is not None else []
        # The SDK takes the body as the first object argument, or after an id (`runs.create(threadId, {...})`).
        return next((value for value in values if isinstance(value, dict)), {})

    def _raw_call(self, call, field="function"):
        function = call.child_by_field_name(field)
        if function is None:
            return None
        name = node_text(function).split(".")[-1]
        arguments = call.child_by_field_name("arguments")
        if name not in HTTP_CALLS or arguments is None or not arguments.named_children:
            return None
        values = [self.value(child) for child in arguments.named_children[:2]]
        if not isinstance(values[0], str):
            return None
        found = raw_finding(values[0], self.mentions_openai)
        if not found:
            return None
        payload = values[1] if len(values) > 1 and isinstance(values[1], dict) else {}
        if isinstance(payload.get("body"), dict):  # fetch(url, {body: JSON.stringify({...})})
            payload = payload["body"]
        elif isinstance(payload.get("data"), dict):
            payload = payload["data"]
        if url_model(values[0]) and "model" not in payload:
            payload = dict(payload, model=url_model(values[0]))
        return self.make_finding(call, found[0], found[1], LIKELY, payload)

    def make_finding(self, node, endpoint, implied, confidence, arguments):
        features, models = features_and_models(arguments)
        line = node.start_point[0] + 1
        return Finding(endpoint=endpoint, file=self.relpath, line=line, column=node.start_point[1] + 1,
                       features=sorted(features | implied), models=sorted(models),
                       snippet=snippet_of(self.lines, line), confidence=confidence)
