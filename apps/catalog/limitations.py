"""An endpoint's limitations, in one shape whatever the data file wrote.

A catalog file gives a limitation as its text, or as `{"text", "features", "provenance"}`: with
features (background mode, remote MCP, ...) it concerns only a usage that uses one of them; with a
provenance it cites its own source. Files and frozen packets from before the link hold plain
strings, which always apply and cite their row's source.
Pure, so the engine and the packet can use it without a database.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Limitation:
    text: str
    features: tuple[str, ...] = ()
    provenance: dict | None = field(default=None, compare=False, hash=False)  # its own, in version 2 files

    def applies_to(self, used_features):
        return not self.features or any(key in used_features for key in self.features)


def limitations_of(row):
    """The row's limitations (a catalog endpoint row, as a dict) as Limitation values, in order."""
    return tuple(_one(item) for item in (row or {}).get("limitations") or ())


def texts(items):
    """The texts of raw limitation items (strings or objects), for pages and search."""
    return [_one(item).text for item in items or ()]


def _one(item):
    if isinstance(item, str):
        return Limitation(item)
    return Limitation(item["text"], tuple(item.get("features") or ()), item.get("provenance") or None)
