from celery import shared_task
from django.conf import settings

from . import rendering


# acks_late: a worker that dies mid-render leaves the message to be redelivered; the claim in the
# service keeps a second delivery from rendering twice. The time limits stop a runaway render in
# the worker process, far from the web process.
@shared_task(acks_late=True, soft_time_limit=settings.PACKET_RENDER_SOFT_TIME_LIMIT,
             time_limit=settings.PACKET_RENDER_TIME_LIMIT)
def render_packet_version(version_id):
    rendering.packet_version_render(version_id=version_id)
