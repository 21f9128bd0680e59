"""Writes for packets: make a version, retry its render, sign it off, choose the paper size."""

import logging

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from apps.foundation.history import update_with_history
from apps.workspace.models import ZdrRequest
from apps.workspace.selectors import Assessment

from . import selectors
from .content import is_draft, packet_snapshot
from .models import Decision, PacketSettings, PacketState, PacketVersion, SignOff

logger = logging.getLogger(__name__)


class PacketRefused(Exception):
    """A packet cannot be made from the request as it is; the message says what to do."""


NO_CONTROL = ("Choose the control you request (ZDR or MAM) on Organization and contacts first: a packet asks "
              "OpenAI for one control, and the team chooses which.")


class SignOffRefused(Exception):
    """The version is not the reviewed PDF (not ready, or its hash is not the one the reviewer saw)."""


@transaction.atomic
def packet_version_create(*, zdr_request, user, enqueue=True):
    """Freeze the request as the next numbered version and queue its PDF.

    The snapshot holds everything the PDF shows (content, findings, completeness, the catalog rows
    in scope), so editing the request later never changes this version. A request that is not
    complete, or has an open blocker, makes a version watermarked DRAFT. Refused (PacketRefused)
    until the team has chosen the control it requests. The render runs in the
    worker after commit; `enqueue=False` leaves it to the caller (the demo seed renders in place).
    """
    ZdrRequest.objects.select_for_update().filter(pk=zdr_request.pk).first()  # numbers one at a time
    assessment = Assessment(zdr_request)
    if not assessment.evaluation.chosen:
        raise PacketRefused(NO_CONTROL)
    number = (zdr_request.packet_versions.aggregate(last=Max("number"))["last"] or 0) + 1
    snapshot = packet_snapshot(
        assessment, number=number, generated_by=user, record=selectors.sign_off_record(zdr_request),
        paper_size=selectors.packet_settings(zdr_request.organization).paper_size,
    )
    version = PacketVersion.objects.create(
        request=zdr_request, number=number, snapshot=snapshot, catalog_version=zdr_request.catalog_version,
        is_draft=is_draft(assessment), generated_by=user, state=PacketState.QUEUED, queued_at=timezone.now(),
    )
    if enqueue:
        _enqueue(version)
    return version


@transaction.atomic
def packet_version_retry(*, version):
    """Queue a failed render again (a person asked). A render stuck in "rendering" past its lease
    may be queued too (its worker is gone; the sweep would do it anyway); a ready version is never
    rendered twice. Returns True if queued."""
    retryable = Q(state=PacketState.FAILED)
    if version.is_stale:
        # Only the stuck render we saw: a render claimed since then is alive and is left alone.
        retryable |= Q(state=PacketState.RENDERING, rendering_started_at=version.rendering_started_at)
    queued = update_with_history(PacketVersion.objects.filter(retryable, pk=version.pk),
                                 state=PacketState.QUEUED, failure_reason="", rendering_started_at=None,
                                 queued_at=timezone.now())
    if queued:
        _enqueue(version)
    return bool(queued)


def _enqueue(version):
    """Ring the worker's doorbell after commit. The row is the work: when the broker is down the
    message is not sent, the request still succeeds, and the sweep rings again (recovery.py)."""
    transaction.on_commit(lambda: render_ring(version.pk), robust=True)


def render_ring(version_id):
    from .tasks import render_packet_version

    try:
        render_packet_version.apply_async((version_id,), retry=False)
    except Exception as error:  # any broker failure: the sweep sends it once the broker is back
        logger.warning("Packet version %s: the render could not be queued (%s); the sweep will.",
                       version_id, type(error).__name__)
        return False
    return True


@transaction.atomic
def sign_off_create(*, version, reviewer, decision, comment, sha256):
    """Record a reviewer's decision on the exact PDF they reviewed (`sha256` from the page they saw)."""
    version = PacketVersion.objects.select_for_update().get(pk=version.pk)
    if version.state != PacketState.READY:
        raise SignOffRefused("Only a rendered PDF can be signed off: wait until the version is ready.")
    if sha256 != version.sha256:
        raise SignOffRefused("This is not the PDF you reviewed: its SHA-256 differs. Reload the page and review again.")
    if decision not in Decision.values:
        raise SignOffRefused("Choose approve or request changes.")
    return SignOff.objects.create(version=version, reviewer=reviewer, decision=decision, comment=comment.strip(),
                                  sha256=sha256)


@transaction.atomic
def packet_settings_save(*, organization, paper_size):
    settings, _ = PacketSettings.objects.update_or_create(organization=organization,
                                                          defaults={"paper_size": paper_size})
    return settings
