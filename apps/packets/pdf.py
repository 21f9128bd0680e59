"""HTML and PDF of a frozen packet snapshot. Reads nothing but the snapshot and static files."""

from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from .fetcher import BASE_URL, StaticOnlyFetcher, static_url
from .presentation import packet_context

TEMPLATE = "pdf/packet.html"
# The paper size is the one style that varies, so it is its own small stylesheet rather than a
# style attribute (no user text ever reaches CSS: the header strings come from the document).
PAPER = {"A4": "A4", "letter": "letter"}


def packet_html(snapshot):
    context = packet_context(snapshot)
    context["stylesheet"] = static_url("css/packet.css")
    return render_to_string(TEMPLATE, context)


def packet_pdf(snapshot, target):
    """Write the PDF of `snapshot` to `target` (a path or a binary file); return the page count."""
    fetcher = StaticOnlyFetcher()
    fonts = FontConfiguration()
    paper = PAPER.get(snapshot["meta"].get("paper_size"), "A4")
    page_css = CSS(string=f"@page {{ size: {paper}; }} @page landscape {{ size: {paper} landscape; }}",
                   font_config=fonts, url_fetcher=fetcher)
    document = HTML(string=packet_html(snapshot), base_url=BASE_URL, url_fetcher=fetcher).render(
        stylesheets=[page_css], font_config=fonts,
    )
    # Tagged (structure tree, /Lang from <html lang>, the <title> shown as the window title) for screen
    # readers; not the PDF/UA variant, which would claim a conformance nobody has validated.
    document.write_pdf(target, pdf_tags=True)
    return len(document.pages)
