"""Turning a queued version into its PDF, in the worker. Safe to run twice, safe to kill."""

import hashlib
import logging
import os
import tempfile
import time

from celery.exceptions import SoftTimeLimitExceeded
from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import F
from django.utils import timezone

from apps.foundation.history import update_with_history

from .models import PacketState, PacketVersion
from .pdf import packet_pdf

logger = logging.getLogger(__name__)


def packet_version_render(*, version_id):
    """Render one version. Returns the final state, or None when another render holds it.

    1. Claim it with one conditional UPDATE (queued -> rendering, attempts + 1): two workers, a
       redelivered task or a doorbell rung twice by the sweep can never render it twice at once.
    2. Render from the frozen snapshot into a temporary file, hash it, then store it.
    3. Mark it ready with the file, hash, page count and timing in ONE update, guarded by the
       claim: a version is ready only with a complete file. A killed worker leaves "rendering";
       once that outlives the time limit the sweep (recovery.py) queues it again by itself.
    Any error marks the version failed with a readable reason; the stored file (if any) is removed.
    """
    started = timezone.now()
    claimed = PacketVersion.objects.filter(pk=version_id, state=PacketState.QUEUED).update(
        state=PacketState.RENDERING, attempts=F("attempts") + 1, rendering_started_at=started, failure_reason="")
    if not claimed:
        logger.info("Packet version %s is not waiting for a render; skipped.", version_id)
        return None
    version = PacketVersion.objects.select_related("request").get(pk=version_id)
    mine = PacketVersion.objects.filter(pk=version_id, state=PacketState.RENDERING, attempts=version.attempts)
    clock = time.perf_counter()
    name, path = "", None
    try:
        handle, path = tempfile.mkstemp(prefix="packet-", suffix=".pdf")
        with os.fdopen(handle, "wb") as target:
            page_count = packet_pdf(version.snapshot, target)
        sha256 = _sha256(path)
        with open(path, "rb") as pdf:
            name = default_storage.save(_file_name(version, sha256), File(pdf))
        done = update_with_history(mine, state=PacketState.READY, pdf=name, sha256=sha256, page_count=page_count,
                                   render_seconds=round(time.perf_counter() - clock, 3), rendered_at=timezone.now())
        if not done:  # someone re-queued it meanwhile: their render wins, ours is dropped
            default_storage.delete(name)
            return None
        return PacketState.READY
    except BaseException as error:  # SoftTimeLimitExceeded included: the version must not stay "rendering"
        logger.exception("Rendering packet version %s failed", version_id)
        if name:
            default_storage.delete(name)
        update_with_history(mine, state=PacketState.FAILED, failure_reason=_reason(error))
        if not isinstance(error, Exception):
            raise
        return PacketState.FAILED
    finally:
        if path and os.path.exists(path):
            os.unlink(path)


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _file_name(version, sha256):
    return f"packets/{version.request.organization_id}/{version.request_id}/v{version.number}-{sha256[:12]}.pdf"


def _reason(error):
    """What a person can act on; the exception itself is in the worker's log, not on the page."""
    if isinstance(error, SoftTimeLimitExceeded):
        return ("The render took longer than the time limit and was stopped. "
                "Retry; if it fails again, shorten the longest texts.")
    if isinstance(error, MemoryError):
        return ("The render ran out of memory. Retry; if it fails again, shorten the longest texts or ask an "
                "administrator to give the worker more memory.")
    return "The PDF could not be rendered because of an unexpected error. Retry, or tell an administrator."
