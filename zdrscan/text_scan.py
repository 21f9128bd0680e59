"""Languages without an SDK parser here (Go, Ruby, Java, shell, ...): quoted URLs and curl lines that
name an OpenAI `/v1/...` path. Only strings are read, so a path in a comment is not a call."""

import re

from .findings import LIKELY, Finding, snippet_of
from .rawhttp import raw_finding

_QUOTED = re.compile(r"\"([^\"\n]*?/v1/[^\"\n]*)\"|'([^'\n]*?/v1/[^'\n]*)'|`([^`\n]*?/v1/[^`\n]*)`")
_CURL = re.compile(r"\bcurl\b.*?(\S*/v1/\S+)")
_COMMENT = re.compile(r"^\s*(#|//|/\*|\*|--)")
# A path that is a value in a request body names what a batch runs (`"endpoint": "/v1/chat/completions"`),
# not a request of its own.
_TARGET_KEY = re.compile(r"[\"']?endpoint[\"']?\s*[:=]\s*[\"']?[^\"'\s]*$")


def scan_text(text, relpath, shell_script=False):
    findings, mentions = [], "openai" in text.lower()
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if "/v1/" not in line or (_COMMENT.match(line) and not line.lstrip().startswith("#!")):
            continue
        candidates = [next(group for group in match.groups() if group is not None) for match in _QUOTED.finditer(line)
                      if not _TARGET_KEY.search(line[:match.start()])]
        candidates = [text for text in candidates if not _TARGET_KEY.search(text[:text.find("/v1/")])]
        curl = _CURL.search(line) if shell_script or "curl" in line else None
        if curl:
            candidates.append(curl.group(0))
        for candidate in candidates:
            found = raw_finding(candidate, mentions)
            if found:
                findings.append(Finding(endpoint=found[0], file=relpath, line=number, features=sorted(found[1]),
                                        models=[], snippet=snippet_of(lines, number), confidence=LIKELY,
                                        column=line.find("/v1/") + 1))
                break
    return findings
