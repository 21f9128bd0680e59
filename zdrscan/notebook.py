"""Jupyter notebooks: the code cells are one Python program (cells share their names), and each
finding points at its line in the .ipynb file, so a SARIF viewer lands on the call."""

import ast
import json

from .python_scan import PythonFile


def scan_notebook(text, relpath):
    """(findings, error) for a notebook's code cells; raises ValueError when it is not a notebook."""
    cells = json.loads(text).get("cells")
    if not isinstance(cells, list):
        raise ValueError("no cells")
    raw_lines, cursor = text.splitlines(), 0
    code, where, broken = [], [], []
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", [])
        lines = "".join(source).splitlines() if isinstance(source, list) else str(source).splitlines()
        pieces = source if isinstance(source, list) else [source]
        located = []
        for piece in pieces:  # nbformat writes each source line as its own JSON string, one per line
            encoded = json.dumps(piece, ensure_ascii=False)
            found = next((i for i in range(cursor, len(raw_lines)) if encoded in raw_lines[i]), None)
            if found is not None:
                cursor = found
            located += [(found if found is not None else cursor) + 1] * max(1, piece.count("\n"))
        cell_code = [_without_magic(line) for line in lines]
        if cell_code and cell_code[0].startswith("%%"):
            cell_code = [""] * len(cell_code)
        try:
            ast.parse("\n".join(cell_code))
        except SyntaxError:
            broken.append(number)
            cell_code = [""] * len(cell_code)
        code += cell_code
        where += (located + [located[-1] if located else 1] * len(cell_code))[:len(cell_code)]
    program = "\n".join(code)
    findings = PythonFile(ast.parse(program, filename=relpath), program, relpath).scan()
    for finding in findings:
        finding.line = where[finding.line - 1] if finding.line <= len(where) else 1
    error = f"code cell(s) {', '.join(map(str, broken))} are not valid Python; the others were scanned" \
        if broken else None
    return findings, error


def _without_magic(line):
    stripped = line.lstrip()
    return "" if stripped.startswith(("%", "!", "?")) else line
