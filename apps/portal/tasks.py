from celery import shared_task

from . import services


@shared_task
def record_heartbeat(name=None):
    services.heartbeat_record(name=name)
