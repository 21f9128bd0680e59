"""Plain values of JavaScript/TypeScript expressions, following the names a file declares: what a
call's options object holds when written as variables, spreads or template strings."""

from .findings import UNKNOWN
from .modules import plain

SCOPES = {"function_declaration", "method_definition", "arrow_function", "function_expression", "function"}


def node_text(node):
    return node.text.decode("utf-8", "replace")


def string_value(node):
    if node.type == "string":
        return "".join(node_text(child) for child in node.named_children)
    return None


def scope_range(node):
    """(start, end) bytes of the function around a declaration; the whole file at top level."""
    scope = node.parent
    while scope is not None and scope.type not in SCOPES:
        scope = scope.parent
    return (scope.start_byte, scope.end_byte) if scope is not None else (0, float("inf"))



def _changed(result, key, value):
    """A dict or list after one change: a property set, an object assigned in, an item pushed (onto a
    list the dict holds when the key is ("+", name))."""
    if isinstance(result, dict):
        if isinstance(key, tuple):  # ("+", "messages"): an item pushed onto a list the dict holds
            current = result.get(key[1])
            return {**result, key[1]: current + [value]} if isinstance(current, list) else result
        if key is not None:
            return {**result, key: value}
        return {**result, **value} if isinstance(value, dict) else result
    return result + [value]


class ScriptValues:
    """Needs `values` (name -> [(value node, scope range)]), `changes` (name -> [(key, node, scope
    range)]), `imported` (name -> value from another module) and `consumed` (object ids read)."""

    def value(self, node, depth=0):
        if node is None or depth > 8:
            return UNKNOWN
        kind = node.type
        if kind == "string":
            return string_value(node)
        if kind == "template_string":
            return "".join(node_text(child) if child.type == "string_fragment" else self._part(child, depth)
                           for child in node.named_children)
        if kind in ("true", "false"):
            return kind == "true"
        if kind in ("null", "undefined"):
            return None
        if kind == "number":
            return node_text(node)
        if kind == "object":
            return self._object(node, depth)
        if kind == "array":
            items = []
            for child in node.named_children:
                item = self.value(child.named_children[0] if child.type == "spread_element" else child, depth + 1)
                items.extend(item if child.type == "spread_element" and isinstance(item, list) else [item])
            return items
        if kind in ("identifier", "shorthand_property_identifier"):
            target = self._assigned(node)
            if target is None:  # a constant imported from another module of the tree
                found = self.imported.get(node_text(node), UNKNOWN)
                return found if plain(found) else UNKNOWN
            result = self.value(target, depth + 1)
            for key, change, (start, end) in self.changes.get(node_text(node), ()):
                if start <= node.start_byte <= end and isinstance(result, dict | list):
                    result = _changed(result, key, self.value(change, depth + 1))
            return result
        if kind in ("parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression",
                    "await_expression"):
            return self.value(node.named_children[0], depth + 1) if node.named_children else UNKNOWN
        if kind == "binary_expression" and node_text(node.child_by_field_name("operator")) == "+":
            left = self.value(node.child_by_field_name("left"), depth + 1)
            right = self.value(node.child_by_field_name("right"), depth + 1)
            return left + right if isinstance(left, str) and isinstance(right, str) else UNKNOWN
        if kind == "call_expression" and node_text(node.child_by_field_name("function")) == "JSON.stringify":
            arguments = node.child_by_field_name("arguments")
            return self.value(arguments.named_children[0], depth + 1) if arguments.named_children else UNKNOWN
        return UNKNOWN

    def _assigned(self, use):
        """The value a name had where it is used: the declaration in the innermost function around the
        use (two functions may both declare `params`), the last one before the use."""
        here = use.start_byte
        visible = [(end - start, value) for value, (start, end) in self.values.get(node_text(use), ())
                   if start <= here <= end]
        if not visible:
            return None
        narrowest = min(size for size, _ in visible)
        candidates = [value for size, value in visible if size == narrowest]
        before = [value for value in candidates if value.start_byte < here]
        return (before or candidates)[-1]

    def _part(self, substitution, depth):
        inner = self.value(substitution.named_children[0], depth + 1) if substitution.named_children else UNKNOWN
        return inner if isinstance(inner, str) else "{}"

    def _object(self, node, depth):
        self.consumed.add(node.id)
        result = {}
        for child in node.named_children:
            if child.type == "pair":
                key = child.child_by_field_name("key")
                name = string_value(key) if key.type == "string" else node_text(key)
                result[name] = self.value(child.child_by_field_name("value"), depth + 1)
            elif child.type == "shorthand_property_identifier":
                result[node_text(child)] = self.value(child, depth + 1)
            elif child.type == "spread_element" and child.named_children:
                inner = self.value(child.named_children[0], depth + 1)
                if isinstance(inner, dict):
                    result.update(inner)
        return result
