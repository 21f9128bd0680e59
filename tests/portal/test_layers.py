"""The apps are layers, and an app imports only from the layers below it (README, Layout): the
bottom layer imports no app, and no app imports the top one."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = [
    {"foundation"},
    {"accounts", "catalog"},
    {"workspace"},
    {"codescan"},
    {"packets"},
    {"tracking"},
    {"audit", "orgdata"},
    {"portal"},
]
LAYER_OF = {app: level for level, apps in enumerate(LAYERS) for app in apps}


def imported_apps(path):
    """The project's apps a module imports, function-level imports included."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found.update(name.split(".")[1] for name in names if name.startswith("apps."))
    return found


def test_every_app_has_a_layer():
    assert {path.parent.name for path in (ROOT / "apps").glob("*/apps.py")} == set(LAYER_OF)


@pytest.mark.parametrize("app", sorted(LAYER_OF))
def test_an_app_imports_only_from_the_layers_below_it(app):
    upward = {}
    for path in sorted((ROOT / "apps" / app).rglob("*.py")):
        for other in imported_apps(path) - {app}:
            if LAYER_OF.get(other, len(LAYERS)) >= LAYER_OF[app]:
                upward.setdefault(str(path.relative_to(ROOT)), set()).add(other)
    assert upward == {}


def test_only_the_url_configuration_imports_the_top_layer():
    # Settings name the portal's app and beat task as strings, which import nothing.
    importers = {str(path.relative_to(ROOT)) for path in (ROOT / "zdrportal").rglob("*.py")
                 if "portal" in imported_apps(path)}
    assert importers == {"zdrportal/urls.py"}
