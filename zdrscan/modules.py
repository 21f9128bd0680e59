"""Names one module of the scanned tree imports from another: a shared client (`from app.llm import
client`, `import { openai } from "@/lib/openai"`), a client factory, or a constant (`MODEL`, `TOOLS`).

The walk reads every file once and keeps, per module, only what it exports that way (a few small
values); a file that imports such a name is read again with them, so the cost is one more parse for
those files only. Module names are matched on their dotted (Python) or path (JS) tail, since the scanned
folder is rarely the import root (`src/app/llm.py` is imported as `app.llm`).
"""

import posixpath


class _Export:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


CLIENT_EXPORT, FACTORY_EXPORT = _Export("client"), _Export("client factory")
SCRIPT_SUFFIXES = (".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs")
MAX_EXPORTED_ITEMS = 50


def plain(value):
    """Is a constant small and plain enough to carry to another module?"""
    if isinstance(value, str | bool | int | float):
        return True
    if isinstance(value, list | dict):
        return len(value) <= MAX_EXPORTED_ITEMS
    return False


def python_module(relpath):
    """`src/app/llm.py` -> "src.app.llm", `src/app/__init__.py` -> "src.app"."""
    parts = relpath[: -len(posixpath.splitext(relpath)[1]) or None].split("/")
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def script_module(relpath):
    """`src/lib/openai.ts` -> "src/lib/openai", `src/lib/index.ts` -> "src/lib"."""
    stem = posixpath.splitext(relpath)[0]
    return posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem


class ModuleIndex:
    """Exports of the tree's modules, found by the import that names them."""

    def __init__(self, separator):
        self.separator, self.exports, self.by_tail = separator, {}, {}

    def add(self, module, exports):
        if exports:
            self.exports[module] = exports
            self.by_tail.setdefault(module.rsplit(self.separator, 1)[-1], []).append(module)

    def find(self, target):
        if target in self.exports:
            return self.exports[target]
        tail = target.rsplit(self.separator, 1)[-1]
        matches = [m for m in self.by_tail.get(tail, ()) if m.endswith(self.separator + target)]
        return self.exports[matches[0]] if len(matches) == 1 else None

    def python_imports(self, relpath, imports):
        """{local name: export} for a Python file's `from X import name` lines."""
        package, table = relpath.split("/")[:-1], {}
        for module, level, name, local in imports:
            if level:
                if level - 1 > len(package):
                    continue
                base = package[: len(package) - (level - 1)]
                target = ".".join(base + ([module] if module else []))
            else:
                target = module
            exports = self.find(target) if target else None
            if exports and name in exports:
                table[local] = exports[name]
        return table

    def script_imports(self, relpath, imports):
        """{local name: export} for a JS/TS file's `import { name } from "./x"` lines."""
        table = {}
        for source, name, local in imports:
            if source.startswith("."):
                target = posixpath.normpath(posixpath.join(posixpath.dirname(relpath), source))
            elif source.startswith(("@/", "~/")):  # the usual tsconfig alias for the source root
                target = source[2:]
            else:
                continue
            if target.endswith(SCRIPT_SUFFIXES):
                target = posixpath.splitext(target)[0]
            exports = self.find(target)
            if exports and name in exports:
                table[local] = exports[name]
        return table
