"""Reads for packets. Versions are reached only through a request the member's organization owns."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from .content import content_key
from .models import Decision, PacketSettings, PacketVersion, SignOff


def packet_settings(organization):
    """The organization's packet settings; the defaults (unsaved) when it never chose."""
    return PacketSettings.objects.filter(organization=organization).first() or PacketSettings(organization=organization)


def versions_of(zdr_request):
    """The request's versions, newest first, with their sign-offs and reviewers in two more queries."""
    return (
        PacketVersion.objects.filter(request=zdr_request)
        .select_related("generated_by")
        .prefetch_related(Prefetch("sign_offs", queryset=SignOff.objects.select_related("reviewer")))
        .order_by("-number")
    )


def version_get(*, zdr_request, number):
    """One version of a request that was itself loaded through the organization's selector."""
    return get_object_or_404(versions_of(zdr_request), number=number)


def sign_off_record(zdr_request):
    """Every sign-off so far, oldest first, as plain data for the next version's snapshot."""
    sign_offs = SignOff.objects.filter(version__request=zdr_request).select_related("version", "reviewer")
    return [
        {"version": s.version.number, "decision": s.decision, "decision_label": s.get_decision_display(),
         "reviewer": str(s.reviewer), "at": s.created_at.isoformat(), "sha256": s.sha256, "comment": s.comment}
        for s in sign_offs.order_by("created_at", "pk")
    ]


def review_state(version):
    """The version's latest decision that belongs to its current PDF, or None. Uses the prefetch."""
    valid = [s for s in version.sign_offs.all() if version.sha256 and s.sha256 == version.sha256]
    return max(valid, key=lambda s: (s.created_at, s.pk)) if valid else None


@dataclass(frozen=True)
class Approval:
    """Where the request stands: the newest approved version, and whether the content moved on."""

    version: PacketVersion | None
    sign_off: SignOff | None
    content_changed: bool
    current: PacketVersion | None = None  # the newest version with today's content, if any

    @property
    def needs_new_version(self):
        return self.version is None or self.content_changed


def approval_state(versions, current_snapshot):
    """`versions` from versions_of(); `current_snapshot` is the request's packet snapshot now."""
    key = content_key(current_snapshot)
    current = next((v for v in versions if content_key(v.snapshot) == key), None)
    for version in versions:  # newest first
        decision = review_state(version)
        if decision and decision.decision == Decision.APPROVED:
            changed = content_key(version.snapshot) != key
            return Approval(version=version, sign_off=decision, content_changed=changed, current=current)
    return Approval(version=None, sign_off=None, content_changed=False, current=current)
