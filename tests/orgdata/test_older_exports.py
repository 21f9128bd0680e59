"""An export written before every request had its status row still imports whole."""

import io

from apps.accounts.models import Organization
from apps.orgdata.services import organization_import
from apps.tracking.models import Tracking
from apps.workspace.models import ZdrRequest
from apps.workspace.services import request_create

from .archives import export_bytes, rewritten


def test_a_draft_exported_without_its_status_row_is_imported_as_a_draft(small_org, alice, media_root):
    draft = request_create(organization=small_org, owner=alice, title="Older draft", requested_control="zdr")

    def without_the_drafts_row(document):
        rows = document["rows"]["tracking.tracking"]
        rows[:] = [row for row in rows if row["fields"]["request"] != draft.pk]
        document["counts"]["tracking.tracking"] = len(rows)

    archive = rewritten(export_bytes(small_org), data=without_the_drafts_row)
    small_org.delete()

    organization_import(source=io.BytesIO(archive))

    imported = Organization.objects.get(slug=small_org.slug)
    assert Tracking.objects.filter(request__organization=imported).count() == 2  # no duplicate for the other
    restored = ZdrRequest.objects.get(organization=imported, title="Older draft")
    assert (restored.tracking.status, restored.tracking.waiting_on) == ("draft", "team")
    assert restored.tracking.status_changed_at == restored.created_at
