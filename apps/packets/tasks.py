from celery import shared_task
from django.conf import settings

from . import recovery, rendering


# acks_late: a worker that dies mid-render leaves the message to be redelivered where the broker
# can (Redis, and a pool process lost under a living worker); the claim in the service keeps a
# second delivery from rendering twice. Where the message is gone instead, the sweep below finds
# the row. The time limits stop a runaway render in the worker process, far from the web process.
@shared_task(acks_late=True, soft_time_limit=settings.PACKET_RENDER_SOFT_TIME_LIMIT,
             time_limit=settings.PACKET_RENDER_TIME_LIMIT)
def render_packet_version(version_id):
    rendering.packet_version_render(version_id=version_id)


@shared_task
def sweep_packet_versions():
    """Run by beat every SWEEP_INTERVAL: renders whose message or process was lost are claimed again."""
    rung, given_up = recovery.packet_versions_sweep()
    return {"rung": rung, "given_up": given_up}
