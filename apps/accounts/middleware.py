from django.utils.functional import SimpleLazyObject

from .selectors import membership_current


class CurrentMembershipMiddleware:
    """Puts `request.membership` (the organization the user works in, or None) on every request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = SimpleLazyObject(lambda: membership_current(request))
        return self.get_response(request)
