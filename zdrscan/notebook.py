"""Jupyter notebooks: the code cells are one Python program (cells share their names), and each
finding points at its line in the .ipynb file, so a SARIF viewer lands on the call."""

import ast
import json

from .python_scan import PythonFile
from .text_scan import scan_text

SHELL_CELLS = ("%%bash", "%%sh", "%%script bash", "%%script sh")


def scan_notebook(text, relpath, imported=None, imports=None):
    """(findings, error) for a notebook's code cells; raises ValueError when it is not a notebook.

    `imported` holds names the cells import from the tree's modules; `imports`, when a list, receives
    the cells' `from X import name` lines."""
    cells = json.loads(text).get("cells")
    if not isinstance(cells, list):
        raise ValueError("no cells")
    raw_lines, cursor = text.splitlines(), 0
    code, where, broken, shell = [], [], [], []
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
        cell_code = lines if _parses(lines) else _without_magic(lines)  # ` !!"""` may be inside a string
        cell_where = (located + [located[-1] if located else 1] * len(cell_code))[:len(cell_code)]
        if lines and lines[0].lstrip().startswith("%%"):  # a cell magic: the cell is not Python
            if lines[0].lstrip().startswith(SHELL_CELLS):  # a shell cell: its curl lines are raw HTTP calls
                shell.append((lines, cell_where))
            cell_code = [""] * len(cell_code)
        try:
            ast.parse("\n".join(cell_code))
        except SyntaxError:
            # Often a cell of shell commands (`curl https://api.openai.com/v1/...`) without `%%bash`.
            broken.append(number)
            shell.append((lines, cell_where))
            cell_code = [""] * len(cell_code)
        code += cell_code
        where += cell_where
    program = "\n".join(code)
    file = PythonFile(ast.parse(program, filename=relpath), program, relpath, imported)
    findings = file.scan()
    if imports is not None:
        imports.extend(file.imports)
    for finding in findings:
        finding.line = where[finding.line - 1] if finding.line <= len(where) else 1
    for lines, cell_where in shell:
        for finding in scan_text("\n".join(lines), relpath, shell_script=True):
            finding.line = cell_where[finding.line - 1] if finding.line <= len(cell_where) else 1
            findings.append(finding)
    error = f"code cell(s) {', '.join(map(str, broken))} are not valid Python; the others were scanned" \
        if broken else None
    return findings, error


def _parses(lines):
    try:
        ast.parse("\n".join(lines))
    except SyntaxError:
        return False
    return True


def _without_magic(lines):
    """The cell's lines with IPython's `%magic`, `!shell` and `?help` lines blanked, with their
    backslash-continued lines (`!pip install a \\` then `  b`)."""
    result, continued = [], False
    for line in lines:
        magic = continued or line.lstrip().startswith(("%", "!", "?"))
        continued = magic and line.rstrip().endswith("\\")
        result.append("" if magic else line)
    return result
