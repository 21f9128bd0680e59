"""Text measured in the packet's own font, IBM Plex Sans (bundled in static/fonts), so that a label
laid out on the server fits its box on screen and in the PDF, where the same font draws it."""

import functools
import unicodedata
from pathlib import Path

from django.conf import settings
from fontTools.ttLib import TTFont  # WeasyPrint's own dependency, for font subsetting

FONT_FILES = {400: "IBMPlexSans-Regular.woff", 700: "IBMPlexSans-Bold.woff"}


@functools.cache
def _advances(weight):
    """Advance widths in em, per character, read once per process."""
    font = TTFont(Path(settings.BASE_DIR) / "static" / "fonts" / FONT_FILES[weight], lazy=True)
    em, metrics = font["head"].unitsPerEm, font["hmtx"]
    return {chr(code): metrics[glyph][0] / em for code, glyph in font.getBestCmap().items()}


def text_width(text, size, weight=400):
    """Width of `text` in SVG units. Characters the font lacks come from a fallback font: counted wide."""
    advances = _advances(weight)
    em = 0.0
    for char in text:
        if char in advances:
            em += advances[char]
        elif not unicodedata.combining(char):
            em += 1.2 if unicodedata.east_asian_width(char) in "WF" else 0.75
    return em * size


def wrap(text, width, size, weight=400):
    """`text` as lines no wider than `width`: broken between words, inside a word only after / - _ . or
    , when it is longer than a line, and anywhere as a last resort. Nothing is dropped."""
    lines, line = [], ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, weight) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while text_width(word, size, weight) > width:
            head = _fitting_prefix(word, width, size, weight)
            lines.append(head)
            word = word[len(head):]
        line = word
    return [*lines, line] if line else lines


def _fitting_prefix(word, width, size, weight):
    fits = 1
    while fits < len(word) and text_width(word[:fits + 1], size, weight) <= width:
        fits += 1
    breaks = [i + 1 for i, char in enumerate(word[:fits]) if char in "/-_.," and 0 < i + 1 < fits]
    return word[:breaks[-1] if breaks else fits]
