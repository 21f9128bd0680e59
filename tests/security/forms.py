"""Finding every form of the project: start from every URL pattern, follow the links of each page
as alice (an owner with a complete request), and collect the POST forms the pages show."""

from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from django.urls import get_resolver

from tests.portal.test_url_protection import PUBLIC, kwarg_names, url_for, walk


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text, textarea, email, url, number, date, select, checkbox, radio, hidden, file, password
    options: tuple = ()


@dataclass
class Form:
    page: str
    action: str
    fields: list = field(default_factory=list)
    multipart: bool = False

    @property
    def key(self):
        return f"{self.action} ({', '.join(sorted({f.name for f in self.fields}))})"


def _fields(form):
    found = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or name == "csrfmiddlewaretoken":
            continue
        if element.name == "select":
            options = tuple(o.get("value", o.text) for o in element.find_all("option"))
            found[name] = Field(name, "select", options)
        elif element.name == "textarea":
            found[name] = Field(name, "textarea")
        else:
            kind = element.get("type", "text")
            if kind in ("submit", "button", "image", "reset"):
                continue
            previous = found.get(name)
            options = (previous.options if previous else ()) + (
                (element.get("value", "on"),) if kind in ("checkbox", "radio") else ()
            )
            found[name] = Field(name, kind, options)
    return list(found.values())


def forms_on(html, page):
    soup = BeautifulSoup(html, "html.parser")
    for form in soup.find_all("form"):
        if form.get("method", "get").lower() != "post":
            continue
        action = urljoin(page, form.get("action") or page)
        yield Form(page, action, _fields(form), form.get("enctype") == "multipart/form-data")


def _links(html, page):
    for anchor in BeautifulSoup(html, "html.parser").find_all("a", href=True):
        url = urlsplit(urljoin(page, anchor["href"]))
        if not url.netloc or url.netloc == "testserver":
            yield url.path + (f"?{url.query}" if url.query else "")


def _skipped(path):
    return path.startswith(("/admin/", "/static/", "/media/", "/logout")) or path.endswith(
        (".json", ".pdf", ".eml", ".csv")
    )


def every_form(client, organization, *, max_pages=250):
    """All distinct POST forms on the pages reachable from the project's URL patterns."""
    start = []
    for name, pattern in sorted(walk(get_resolver().url_patterns)):
        if name in PUBLIC or any(k in ("uidb64", "token") for k in kwarg_names(pattern)):
            continue
        start.append(url_for(name, pattern, organization))
    queue, seen, forms = deque(start), set(), {}
    while queue and len(seen) < max_pages:
        url = queue.popleft()
        if url in seen or _skipped(url):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        for form in forms_on(html, url):
            if not _skipped(urlsplit(form.action).path):
                forms.setdefault(form.key, form)
        queue.extend(link for link in _links(html, url) if link not in seen)
    return list(forms.values())
