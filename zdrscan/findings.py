"""The scan's output, and the one place where call arguments become catalog feature keys.

Each language scanner turns a call's arguments into plain values (dict, list, str, bool, None, or
UNKNOWN where the code computes them), so the eligibility rules below are written once.
"""

from dataclasses import asdict, dataclass, field

from .endpoints import ARGUMENT_FEATURES, PART_FEATURES, TOOL_FEATURES, TRUE_FLAG_FEATURES, model_features


class _Unknown:
    def __repr__(self):
        return "UNKNOWN"


UNKNOWN = _Unknown()
CERTAIN, LIKELY = "certain", "likely"


@dataclass
class Finding:
    endpoint: str
    file: str
    line: int
    features: list
    models: list
    snippet: str
    confidence: str
    column: int = 1
    # "call", or "tool" for a hosted tool declared apart from any call the scan resolved (a helper that
    # builds `tools` for a call in another file); tools count only in a repository with OpenAI calls.
    kind: str = "call"

    def as_dict(self):
        return asdict(self)


@dataclass
class Unparsed:
    file: str
    error: str


@dataclass
class ScanResult:
    root: str
    findings: list = field(default_factory=list)
    unparsed: list = field(default_factory=list)
    files_scanned: int = 0
    files_skipped: int = 0


def features_and_models(arguments):
    """(features, models) that a call's keyword arguments (a dict of plain values) imply."""
    features, models = set(), set()
    for name, flag in TRUE_FLAG_FEATURES.items():
        if arguments.get(name) is True:
            features.add(flag)
    for name, feature in ARGUMENT_FEATURES.items():
        if name in arguments and arguments[name] not in (None, False, ""):
            features.add(feature)
    for tool in _items(arguments.get("tools")):
        if isinstance(tool, dict) and tool.get("type") in TOOL_FEATURES:
            features.add(TOOL_FEATURES[tool["type"]])
    for name, value in arguments.items():
        if name != "tools":
            features |= _content_parts(value, depth=0)
    model = arguments.get("model", arguments.get("engine"))  # the pre-1.0 SDK's `engine=` names the model
    for candidate in model if isinstance(model, list) else [model]:
        if isinstance(candidate, str) and candidate:
            models.add(candidate)
    return features | model_features(models), models


def _items(value):
    return value if isinstance(value, list) else []


def _content_parts(value, depth):
    """Image and file inputs anywhere in messages/input: `{"type": "input_image", ...}` and friends."""
    if depth > 12:
        return set()
    found = set()
    if isinstance(value, dict):
        if value.get("type") in PART_FEATURES:
            found.add(PART_FEATURES[value["type"]])
        for inner in value.values():
            found |= _content_parts(inner, depth + 1)
    elif isinstance(value, list):
        for inner in value:
            found |= _content_parts(inner, depth + 1)
    return found


def tool_feature(value):
    """The feature of a hosted-tool declaration (`{"type": "code_interpreter", ...}`), or None."""
    return TOOL_FEATURES.get(value.get("type")) if isinstance(value, dict) else None


def snippet_of(lines, line):
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return text if len(text) <= 160 else text[:157] + "..."
