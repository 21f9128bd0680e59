"""An uploaded zip is scanned by a real worker process, and the page shows its progress then the result."""

from django.urls import reverse

from apps.codescan.models import CodeScan
from tests.worker import wait_for

from .zips import repository, upload, zip_bytes


def test_an_uploaded_zip_is_scanned_by_the_worker(transactional_db, celery_worker_process, client_for, clinic,
                                                  alice):
    client = client_for(alice)
    response = client.post(reverse("codescan:scans", args=[clinic.pk]), {"archive": upload(zip_bytes(repository()))})
    assert response.status_code == 302  # to the scan's page, which polls until the worker is done
    scan = wait_for(lambda: CodeScan.objects.filter(state__in=["done", "failed"]).first(), timeout=60)
    assert scan and scan.state == "done", celery_worker_process.output()[-3000:]
    assert len(scan.findings) == 2 and not scan.archive
    progress = client.get(reverse("codescan:scan", args=[clinic.pk, scan.pk]), HTTP_HX_REQUEST="true")
    assert progress.headers.get("HX-Refresh") == "true"  # the polling page reloads into the results
