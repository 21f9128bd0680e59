"""Code scans: upload (checked at once), run (claimed by a conditional UPDATE, so a redelivered or
swept task never scans twice at the same time), sweep, and apply the missing usages with evidence."""

import logging
import tempfile
from datetime import timedelta
from pathlib import PurePath

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

import zdrscan
from apps.foundation.history import update_with_history
from apps.workspace import services as workspace
from apps.workspace.models import EndpointUsage

from .archive import ArchiveRefused, Limits, archive_check, archive_extract
from .comparison import compare, locate
from .models import CodeEvidence, CodeScan

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3


def limits():
    return Limits(unpacked_bytes=settings.CODE_SCAN_MAX_UNPACKED_BYTES, files=settings.CODE_SCAN_MAX_FILES)


def _enqueue(scan_id):
    from .tasks import run_code_scan  # the task module imports this one

    run_code_scan.delay(scan_id)


def code_scan_upload(*, zdr_request, upload, user):
    """Keep the zip and queue its scan, or raise ArchiveRefused before anything is stored."""
    if upload.size > settings.CODE_SCAN_MAX_UPLOAD_BYTES:
        raise ArchiveRefused(f"The zip is {filesizeformat(upload.size)}; uploads may be at most "
                             f"{filesizeformat(settings.CODE_SCAN_MAX_UPLOAD_BYTES)}. Leave out vendored "
                             "folders and build output.")
    archive_check(upload, limits())
    upload.seek(0)
    with transaction.atomic():
        scan = CodeScan.objects.create(request=zdr_request, archive=upload, archive_name=_name(upload.name),
                                       archive_size=upload.size, uploaded_by=user)
        transaction.on_commit(lambda: _enqueue(scan.pk))
    return scan


def _name(name):
    return PurePath(name or "repository.zip").name[:200]


def _claimable(now):
    stale = now - timedelta(seconds=settings.CODE_SCAN_TIME_LIMIT)
    return Q(state=CodeScan.State.QUEUED) | Q(state=CodeScan.State.SCANNING, started_at__lt=stale)


def code_scan_claim(*, scan_id, now=None):
    now = now or timezone.now()
    claimed = CodeScan.objects.filter(_claimable(now), pk=scan_id, attempts__lt=MAX_ATTEMPTS).update(
        state=CodeScan.State.SCANNING, attempts=F("attempts") + 1, started_at=now)
    return claimed == 1


def code_scan_run(*, scan_id):
    """Unpack into a temporary folder, scan, keep the findings, delete the zip. A refused archive
    fails at once with its reason; anything else is retried by the sweep up to MAX_ATTEMPTS."""
    if not code_scan_claim(scan_id=scan_id):
        return None
    scan = CodeScan.objects.get(pk=scan_id)
    try:
        with tempfile.TemporaryDirectory(prefix="zdr-scan-") as folder, scan.archive.open("rb") as archive:
            summary = archive_extract(archive, folder, limits())
            result = zdrscan.scan_path(folder)
    except ArchiveRefused as refused:
        return _finish(scan, state=CodeScan.State.FAILED, error=str(refused))
    except Exception:
        log.exception("Code scan %s failed", scan_id)
        if scan.attempts >= MAX_ATTEMPTS:
            return _finish(scan, state=CodeScan.State.FAILED,
                           error=f"The scan failed {MAX_ATTEMPTS} times; upload the zip again or contact an admin.")
        CodeScan.objects.filter(pk=scan_id).update(state=CodeScan.State.QUEUED)
        return None
    repositories = {name or PurePath(scan.archive_name).stem: commit for name, commit in summary.repositories.items()}
    findings = []
    for finding in result.findings:
        data = finding.as_dict()
        repository, path = locate(data, summary.repositories)
        findings.append({**data, "repository": repository or PurePath(scan.archive_name).stem, "path": path,
                         "commit": summary.repositories.get(repository, "")})
    return _finish(scan, state=CodeScan.State.DONE, findings=findings, repositories=repositories,
                   unparsed=[{"file": item.file, "error": item.error} for item in result.unparsed],
                   files_scanned=result.files_scanned)


def _finish(scan, *, state, **values):
    if scan.archive:
        scan.archive.delete(save=False)
    CodeScan.objects.filter(pk=scan.pk).update(state=state, archive="", finished_at=timezone.now(), **values)
    return CodeScan.objects.get(pk=scan.pk)


def code_scans_sweep(*, now=None):
    """Ring the doorbell again for scans the queue lost: queued past the grace, or scanning past the
    time limit (a killed worker). Scans out of attempts fail with a reason."""
    now = now or timezone.now()
    grace = now - timedelta(seconds=settings.CODE_SCAN_GRACE_SECONDS)
    pending = CodeScan.objects.filter(_claimable(now)).filter(
        Q(state=CodeScan.State.SCANNING) | Q(queued_at__lt=grace))
    for scan in pending.filter(attempts__gte=MAX_ATTEMPTS):
        _finish(scan, state=CodeScan.State.FAILED,
                error=f"The scan did not finish after {MAX_ATTEMPTS} tries; upload the zip again.")
    ids = list(pending.filter(attempts__lt=MAX_ATTEMPTS).values_list("pk", flat=True))
    for scan_id in ids:
        _enqueue(scan_id)
    return len(ids)


@transaction.atomic
def code_scan_apply(*, scan, user):
    """Add what the code calls and the request misses (usages, their features and models), and keep
    every finding as evidence on its usage. Paths the catalog does not know are left out."""
    zdr_request = scan.request
    declared = {}
    for usage in zdr_request.usages.select_for_update().order_by("position", "pk"):
        declared.setdefault(usage.endpoint_path, usage)  # the first usage of a path takes its evidence
    catalog_paths = list(zdr_request.catalog_version.endpoints.values_list("path", flat=True))
    comparison = compare(scan.findings, {p: u.features or [] for p, u in declared.items()}, catalog_paths)
    for row in comparison.endpoints:
        if not row.in_catalog:
            continue
        usage = declared.get(row.endpoint) or workspace.usage_add(zdr_request=zdr_request, endpoint_path=row.endpoint,
                                                                  user=user)
        _merge_into(usage, row, user)
        CodeEvidence.objects.filter(usage=usage, scan=scan).delete()
        CodeEvidence.objects.bulk_create(
            CodeEvidence(usage=usage, scan=scan, repository=f["repository"][:200], commit=f["commit"],
                         file=f["path"][:500], line=f["line"], snippet=f["snippet"][:300], features=f["features"],
                         confidence=f["confidence"])
            for f in row.evidence)
    CodeScan.objects.filter(pk=scan.pk).update(applied_at=timezone.now(), applied_by=user)
    return comparison


def _merge_into(usage, row, user):
    features = [*(usage.features or []), *[key for key in row.missing_features if key not in (usage.features or [])]]
    named = [name.strip() for name in usage.models_used.split(",") if name.strip()]
    models = [*named, *[model for model in row.models if model not in named]]
    update_with_history(EndpointUsage.objects.filter(pk=usage.pk), user=user, features=features,
                        models_used=", ".join(models)[:300])
