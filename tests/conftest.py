"""The shared fixtures live in tests/fixtures/, one module per concept; this registers them for
every folder. Only tests/browser/conftest.py keeps fixtures of its own (Playwright's browser and page)."""

from tests.accounts.signin import signs_in  # noqa: F401 - tests/core imports it from here until its rename lands
from tests.factories import ALICE_ORG_NAME  # noqa: F401 - likewise

pytest_plugins = [
    "tests.fixtures.people",
    "tests.fixtures.runtime",
    "tests.fixtures.catalog",
    "tests.fixtures.requests",
    "tests.fixtures.tracking",
    "tests.fixtures.organizations",
]
