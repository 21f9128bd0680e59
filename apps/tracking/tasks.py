from celery import shared_task

from . import followups


@shared_task
def sweep_follow_ups():
    """Run by beat every minute. Safe to run twice at once or to retry: claims decide who sends."""
    return followups.follow_ups_sweep()
