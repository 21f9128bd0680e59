from django.db import models


class WorkerHeartbeat(models.Model):
    """The last time a Celery worker ran the periodic heartbeat task: proof that beat, the
    broker and a worker are all alive, shown by /healthz."""

    name = models.CharField(max_length=100, unique=True)
    last_seen = models.DateTimeField()

    def __str__(self):
        return f"{self.name} at {self.last_seen:%Y-%m-%d %H:%M:%S}"
