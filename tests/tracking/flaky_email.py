"""An email backend that fails the first send of a test and delivers the rest to locmem."""

from django.core.mail.backends.locmem import EmailBackend

FAILURES = {"left": 0}


class FlakyBackend(EmailBackend):
    def send_messages(self, messages):
        if FAILURES["left"] > 0:
            FAILURES["left"] -= 1
            raise ConnectionRefusedError("SMTP server is down")
        return super().send_messages(messages)
