"""Log filters named in settings.LOGGING."""

import logging


class RefusalWithoutTraceback(logging.Filter):
    """Django logs a refused request (403) with the PermissionDenied traceback, which says nothing a
    reader needs: the security event log has who, what and where. One line is enough."""

    def filter(self, record):
        if getattr(record, "status_code", None) == 403:
            record.exc_info, record.exc_text = None, None
        return True
