"""A request walked through the tracking workflow as its users would, move by move."""

from apps.packets.models import PacketState, PacketVersion, SignOff
from apps.tracking import services


def make_packet(zdr_request, number=1, state=PacketState.READY, *, signed=True, is_draft=False):
    """A version of the request; a ready one is signed off (approved) by the owner unless `signed` is False."""
    version = PacketVersion.objects.create(
        request=zdr_request, number=number, state=state, snapshot={}, catalog_version=zdr_request.catalog_version,
        sha256="ab" * 32 if state == PacketState.READY else "", is_draft=is_draft,
    )
    if signed and state == PacketState.READY:
        SignOff.objects.create(version=version, reviewer=zdr_request.owner, decision="approved", sha256=version.sha256)
    return version


def move(zdr_request, key, user, role="owner", **fields):
    return services.transition_perform(zdr_request=zdr_request, move_key=key, user=user, role=role, **fields)


def bring_to(zdr_request, status, user, packet_version=None):
    """Walk the request through the table up to `status` (submitted and beyond need a packet)."""
    path = {
        "internal_review": ["send_to_review"],
        "ready_to_send": ["send_to_review", "mark_ready"],
        "submitted": ["send_to_review", "mark_ready", "submit"],
        "under_review": ["send_to_review", "mark_ready", "submit", "start_review"],
    }[status]
    if "mark_ready" in path and packet_version is None:
        last = zdr_request.packet_versions.order_by("-number").first()
        packet_version = make_packet(zdr_request, number=last.number + 1 if last else 1)
    for key in path:
        fields = {"packet_version": packet_version, "channel": "sales_form"} if key == "submit" else {}
        if key == "mark_ready":
            fields = {"packet_version": packet_version}
        move(zdr_request, key, user, **fields)
    zdr_request.refresh_from_db()
    return zdr_request


def approval_data(**overrides):
    data = {"control": "zdr", "effective_date": "2026-03-02", "scope": "organization", "project_ids": "",
            "message": "Your organization has been approved for Zero Data Retention."}
    data.update(overrides)
    return data
