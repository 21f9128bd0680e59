"""The shared fixtures live in tests/fixtures/, one module per concept; this registers them for
every folder. Only tests/browser/conftest.py keeps fixtures of its own (Playwright's browser and page)."""

pytest_plugins = [
    "tests.fixtures.people",
    "tests.fixtures.runtime",
    "tests.fixtures.catalog",
    "tests.fixtures.requests",
    "tests.fixtures.tracking",
    "tests.fixtures.organizations",
]
