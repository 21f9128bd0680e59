"""An endpoint's limitations, in one shape whatever the data file wrote.

A catalog file gives a limitation as its text, or as `{"text", "features"}` when it is about
features (background mode, remote MCP, ...): such a limitation concerns only a usage that uses one
of them. Files and frozen packets from before the link hold plain strings, which always apply.
Pure, so the engine and the packet can use it without a database.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Limitation:
    text: str
    features: tuple[str, ...] = ()

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
    return Limitation(item["text"], tuple(item.get("features") or ()))
