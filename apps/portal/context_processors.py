from django.utils.functional import SimpleLazyObject

from . import selectors


def background_work(request):
    """`background_work.stale` and `.last_seen` for the dashboard banner and the packet pages,
    read only by a page that shows them."""
    if not getattr(getattr(request, "user", None), "is_authenticated", False):
        return {}
    return {"background_work": SimpleLazyObject(selectors.background_work)}
