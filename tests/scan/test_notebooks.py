"""Jupyter notebooks: code cells share their names, magics are ignored, findings point at the
line of the .ipynb file."""

import json

from zdrscan import scan_path


def notebook(*cells):
    return json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": cell}
                                 for cell in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)


def test_a_client_from_one_cell_is_used_in_another_and_lines_are_the_files(tmp_path):
    text = notebook(["%pip install openai\n", "from openai import OpenAI\n", "client = OpenAI()"],
                    ["!ls\n", "client.embeddings.create(model=\"text-embedding-3-small\", input=\"x\")"])
    (tmp_path / "n.ipynb").write_text(text)
    [finding] = scan_path(tmp_path).findings
    line = next(i for i, raw in enumerate(text.splitlines(), start=1) if "embeddings.create" in raw)
    assert (finding.endpoint, finding.line, finding.models) == ("/v1/embeddings", line, ["text-embedding-3-small"])
    assert finding.snippet.startswith("client.embeddings.create(")


def test_a_cell_that_is_not_python_is_listed_and_the_rest_scanned(tmp_path):
    (tmp_path / "n.ipynb").write_text(notebook(["import openai\n", "c = openai.OpenAI()"], ["def broken(:"],
                                               ["c.moderations.create(input=\"x\")"]))
    result = scan_path(tmp_path)
    assert [f.endpoint for f in result.findings] == ["/v1/moderations"]
    assert [(u.file, u.error) for u in result.unparsed] == [
        ("n.ipynb", "code cell(s) 2 are not valid Python; the others were scanned")]


def test_a_file_named_ipynb_that_is_not_a_notebook_is_listed(tmp_path):
    (tmp_path / "n.ipynb").write_text("openai, but not JSON")
    result = scan_path(tmp_path)
    assert result.findings == []
    assert result.unparsed[0].error.startswith("not a readable notebook: ")
