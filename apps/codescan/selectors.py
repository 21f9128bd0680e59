from django.shortcuts import get_object_or_404

from .comparison import compare
from .models import CodeEvidence, CodeScan


def scans_of(zdr_request):
    return CodeScan.objects.filter(request=zdr_request).select_related("uploaded_by", "applied_by")


def scan_get(*, zdr_request, scan_id):
    return get_object_or_404(scans_of(zdr_request), pk=scan_id)


def scan_comparison(scan, zdr_request):
    """The scan's endpoints beside the request's usages as they are now."""
    declared = {}
    for usage in zdr_request.usages.all():
        declared.setdefault(usage.endpoint_path, set()).update(usage.features or [])
    paths = list(zdr_request.catalog_version.endpoints.values_list("path", flat=True))
    return compare(scan.findings, declared, paths)


def evidence_by_endpoint(zdr_request):
    """Each usage's endpoint with the code that calls it, for the packet's appendix."""
    rows = CodeEvidence.objects.filter(usage__request=zdr_request).select_related("usage").order_by(
        "usage__position", "repository", "file", "line")
    found = {}
    for row in rows:
        found.setdefault(row.usage.endpoint_path, []).append({
            "repository": row.repository, "commit": row.commit, "file": row.file, "line": row.line,
            "snippet": row.snippet, "features": row.features, "confidence": row.confidence,
        })
    return found
