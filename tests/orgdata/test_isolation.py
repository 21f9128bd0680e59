"""Alice's export holds alice's organization and nothing of charlie's."""

import io
import json
import zipfile

from apps.orgdata.scope import ORGANIZATION_PATHS
from apps.workspace.demo import clinic_request_seed

from .archives import CHARLIE_SECRET, data_of, export_bytes
from .canonical import models_in


def test_the_export_never_contains_another_organizations_data(rich_org, charlie_org, charlie):
    archive = export_bytes(rich_org)
    data = data_of(archive)
    theirs, ours = models_in(charlie_org), models_in(rich_org)
    assert all(theirs[label] for label in ("workspace.zdrrequest", "packets.packetversion", "tracking.attachment"))
    for label in ORGANIZATION_PATHS:
        exported = {record["pk"] for record in data["rows"][label]}
        assert exported == ours[label], label
        assert not exported & theirs[label], label
    text = json.dumps(data)
    for marker in (CHARLIE_SECRET, "charlie@example.com", "Charlie Corp", "charlie-corp", "Charlie's boss"):
        assert marker not in text
    their_files = {version.pdf.name for version in charlie_org.zdr_requests.get(title__contains="Northwind")
                   .packet_versions.all()}
    their_files |= {a.file.name for r in charlie_org.zdr_requests.all() for a in r.tracking_attachments.all()}
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        names = set(opened.namelist())
    assert len(their_files) == 2 and not {f"files/{name}" for name in their_files} & names


def test_the_export_reads_a_flat_number_of_queries(small_org, alice, django_assert_max_num_queries):
    # More rows of every kind must not mean more queries.
    with django_assert_max_num_queries(len(ORGANIZATION_PATHS) + 8) as before:
        export_bytes(small_org)
    small_org.zdr_requests.update(title="Renamed")
    clinic_request_seed(organization=small_org, owner=alice)
    assert small_org.zdr_requests.count() == 2
    with django_assert_max_num_queries(len(before.captured_queries)):
        export_bytes(small_org)
