"""An email backend that counts the connections opened and delivers to locmem."""

from django.core.mail.backends.locmem import EmailBackend

OPENED = {"count": 0}


class CountingBackend(EmailBackend):
    def open(self):
        OPENED["count"] += 1
        return True
