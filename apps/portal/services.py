import socket

from django.utils import timezone

from .models import WorkerHeartbeat


def heartbeat_record(*, name=None):
    name = name or socket.gethostname()
    WorkerHeartbeat.objects.update_or_create(name=name, defaults={"last_seen": timezone.now()})
