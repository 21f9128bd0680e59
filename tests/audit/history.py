"""How to read a request's History page, and how to act as a user outside a web request."""

from contextlib import contextmanager
from types import SimpleNamespace

from bs4 import BeautifulSoup
from django.urls import reverse
from simple_history.models import HistoricalRecords


@contextmanager
def acting_as(user):
    """What HistoryRequestMiddleware does for a web request: services called directly record `user`."""
    HistoricalRecords.context.request = SimpleNamespace(user=user)
    try:
        yield
    finally:
        del HistoricalRecords.context.request


def history_url(zdr_request, page=None):
    url = reverse("audit:history", args=[zdr_request.pk])
    return f"{url}?page={page}" if page else url


def history_entries(client, zdr_request, page=None):
    """The page's entries, newest first, as dicts: when, who, what (type, name, action), and the
    changes as {field label: (before, after)} (before is None for an added object)."""
    response = client.get(history_url(zdr_request, page))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    entries = []
    for item in soup.select("#history > li"):
        changes = {}
        for row in item.select("table.audit-changes tbody tr"):
            cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
            label = row.th.get_text(strip=True)
            changes[label] = (cells[0], cells[2]) if len(cells) == 3 else (None, cells[0])
        entries.append({
            "when": item.time["datetime"], "who": item.select_one(".audit-who").get_text(strip=True),
            "what": item.select_one(".audit-what").get_text(" ", strip=True),
            "changes": changes,
        })
    return entries


def find(entries, what):
    """The newest entry whose headline contains `what`."""
    found = [entry for entry in entries if what in entry["what"]]
    assert found, f"no entry for {what!r} in {[entry['what'] for entry in entries]}"
    return found[0]
