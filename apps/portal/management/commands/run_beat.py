"""Celery beat, stoppable at any moment: what supervisord.conf runs instead of `celery beat`.

`celery beat` stops by raising SystemExit from its signal handler; raised in the middle of sending
a message to Redis, it is swallowed as a failed send and beat goes on running until it is killed.
Here the handler only asks the loop to stop, and the loop wakes at least every second to look."""

import logging
import signal

from django.conf import settings
from django.core.management.base import BaseCommand

from zdrportal.celery import app

logger = logging.getLogger("zdrportal.beat")


class Command(BaseCommand):
    help = "Run Celery beat (the periodic heartbeat and sweeps); SIGTERM or SIGINT stops it within a second."

    def handle(self, *args, **options):
        from celery.beat import Service

        service = Service(app, max_interval=1.0, schedule_filename=settings.CELERY_BEAT_SCHEDULE_FILENAME)
        for each in (signal.SIGTERM, signal.SIGINT):
            signal.signal(each, lambda *_: service.stop(wait=False))
        logger.info("beat: sending %s every %.0f s at most", ", ".join(app.conf.beat_schedule),
                    min(entry["schedule"] for entry in app.conf.beat_schedule.values()))
        service.start()  # returns once stopped, after saving its schedule
