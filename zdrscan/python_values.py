"""Plain values of Python expressions, following the names a file assigns: what a call's arguments
hold when they are written as variables or constants (`tools=TOOLS`, `model=MODEL`, `**params`)."""

import ast

from .findings import UNKNOWN
from .modules import plain


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


class PythonValues:
    """Needs `values` (scope -> name -> assigned nodes), `changes` (scope -> name -> [(key, node)]),
    `imported` (name -> value from another module), `parent_scope`, `parameters` (scope -> names) and
    `consumed` (dict ids read)."""


    def value(self, node, scope, depth=0):
        """A plain value for an expression, following names assigned in the same file."""
        if depth > 8 or node is None:
            return UNKNOWN
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Dict):
            self.consumed.add(id(node))
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
            base = self.value(node.args[0], scope, depth + 1) if node.args and dotted(node.func) == "dict" else {}
            base = dict(base) if isinstance(base, dict) else {}  # dict(BASE, input=...) copies BASE
            for keyword in node.keywords:
                inner = self.value(keyword.value, scope, depth + 1)
                if keyword.arg:
                    base[keyword.arg] = inner
                elif isinstance(inner, dict):
                    base.update(inner)
            return base
        if isinstance(node, ast.Name):
            owner = self._assigning_scope(node.id, scope)
            if owner is None:  # a constant imported from another module of the tree
                found = self.imported.get(node.id, UNKNOWN)
                return found if plain(found) else UNKNOWN
            result = self.value(self._assigned(node.id, owner, getattr(node, "lineno", None)), owner, depth + 1)
            for key, change in self.changes.get(owner, {}).get(node.id, []):
                result = self._changed(result, key, self.value(change, owner, depth + 1))
            return result
        return UNKNOWN

    def _record_change(self, node, scope):
        """A request body built in steps: `params["store"] = True`, `params.update(...)`, `tools.append(...)`,
        `tools += [...]`; read back when the name's value is asked for (see PythonValues.value)."""
        changes = self.changes.setdefault(scope, {})
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) \
                        and isinstance(target.slice, ast.Constant) and isinstance(target.slice.value, str):
                    changes.setdefault(target.value.id, []).append((target.slice.value, node.value))
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) \
                and isinstance(node.op, ast.Add | ast.BitOr):  # `tools += [...]`, `params |= {...}`
            changes.setdefault(node.target.id, []).append((None, node.value))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in (
                "append", "extend") and isinstance(node.func.value, ast.Subscript) \
                and isinstance(node.func.value.value, ast.Name) and isinstance(node.func.value.slice, ast.Constant):
            # params["tools"].append({...}): the item's list grows
            item = node.args[0] if node.args else None
            if item is not None:
                changes.setdefault(node.func.value.value.id, []).append(
                    (("+", node.func.value.slice.value), ast.List(elts=[item]) if node.func.attr == "append" else item))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.attr in ("update", "append", "extend"):
            name = node.func.value.id
            if node.func.attr == "update" and node.keywords:
                changes.setdefault(name, []).append((None, ast.Dict(
                    keys=[ast.Constant(k.arg) if k.arg else None for k in node.keywords],
                    values=[k.value for k in node.keywords])))
            for arg in node.args[:1]:
                changes.setdefault(name, []).append((None, ast.List(elts=[arg]) if node.func.attr == "append" else arg))

    @staticmethod
    def _changed(result, key, value):
        """A dict or list after one change: an item set, a dict merged, items appended (to an item of a
        dict when the key is ("+", item))."""
        if isinstance(result, dict) and isinstance(key, tuple):
            current = result.get(key[1])
            return {**result, key[1]: current + value} if isinstance(current, list) and isinstance(value, list) \
                else result
        if isinstance(result, dict) and key is not None:
            return {**result, key: value}
        if isinstance(result, dict) and isinstance(value, dict):
            return {**result, **value}
        if isinstance(result, list) and isinstance(value, list):
            return result + value
        return result

    def _assigning_scope(self, name, scope):
        while scope is not None:
            if any(v is not None for v in self.values.get(scope, {}).get(name, [])):
                return scope
            if name in self.parameters.get(scope, ()):
                return None
            scope = self.parent_scope.get(scope)
        return None

    def _assigned(self, name, scope, before=None):
        """The node last assigned to a name in the nearest scope assigning it: the last one above line
        `before` when there is one (a notebook reuses `model` from cell to cell)."""
        while scope is not None:
            candidates = [v for v in self.values.get(scope, {}).get(name, []) if v is not None]
            if candidates:
                above = [v for v in candidates if before is not None and getattr(v, "lineno", before) < before]
                return (above or candidates)[-1]
            if name in self.parameters.get(scope, ()):
                return None
            scope = self.parent_scope.get(scope)
        return None
