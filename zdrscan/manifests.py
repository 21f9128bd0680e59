"""package.json: the major version of the Vercel AI SDK's OpenAI provider a JavaScript project
depends on. It decides what calling the provider itself does: `openai("gpt-4o")` is Chat Completions
with `@ai-sdk/openai` 1.x (AI SDK 4) and the Responses API from 2.0 (AI SDK 5) on."""

import json
import posixpath
import re

from .findings import CERTAIN

_MAJOR = re.compile(r"^[\^~>=v\s]*(\d+)(?:\.|$)")


def ai_sdk_major(text):
    """The major version `@ai-sdk/openai` is pinned to (`"^1.3.22"` -> 1), or None."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    for section in ("dependencies", "devDependencies", "peerDependencies"):
        dependencies = data.get(section)
        spec = dependencies.get("@ai-sdk/openai") if isinstance(dependencies, dict) else None
        if isinstance(spec, str):
            match = _MAJOR.match(spec)
            return int(match.group(1)) if match else None
    return None


def settle_provider_defaults(findings, majors):
    """Decide the findings of `openai("...")` calls (marked `ai_sdk_default`) by the nearest package.json
    above their file that names `@ai-sdk/openai`; `majors` maps its folder (relative) to the major."""
    for finding in findings:
        if not getattr(finding, "ai_sdk_default", False):
            continue
        folder, major = posixpath.dirname(finding.file), None
        while major is None:
            major = majors.get(folder)
            if not folder:
                break
            folder = posixpath.dirname(folder)
        if major is None:
            continue
        finding.confidence = CERTAIN
        if major < 2:
            finding.endpoint = "/v1/chat/completions"
