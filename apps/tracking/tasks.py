from celery import shared_task

from . import followups
from .usage_checks import usage_checks_scheduled


@shared_task
def sweep_follow_ups():
    """Run by beat every minute. Safe to run twice at once or to retry: claims decide who sends."""
    return followups.follow_ups_sweep()


@shared_task
def check_usage():
    """Run by beat every hour; does nothing without OPENAI_ADMIN_KEY. Which requests are due is read
    from the database (the last check's time), so a missed tick only delays the next check."""
    return usage_checks_scheduled()
