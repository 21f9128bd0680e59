"""The JSON export of a request: everything the team documented, plus what the portal derived.

Apps downstream of the workspace (packets, tracking) add their own sections with
`register_section` from their AppConfig.ready(), so the workspace never imports them."""

from dataclasses import asdict

from django.utils import timezone

SECTIONS = {}


def register_section(name, build):
    """`build(zdr_request, request)` returns the JSON-ready value of the export's `name` key."""
    SECTIONS[name] = build


def request_export(assessment, http_request=None):
    zdr_request, evaluation = assessment.request, assessment.evaluation
    version = zdr_request.catalog_version
    return {
        "exported_at": timezone.now().isoformat(),
        "request": {
            **assessment.snapshot,
            "organization": zdr_request.organization.name,
            "owner": zdr_request.owner.email,
            "created_at": zdr_request.created_at.isoformat(),
            "updated_at": zdr_request.updated_at.isoformat(),
        },
        "catalog_version": {
            "provider": version.provider, "as_of": version.as_of.isoformat(), "sources": version.sources,
        },
        "findings": [asdict(f) for f in evaluation.findings],
        "recommendation": asdict(evaluation.recommendation),
        "completeness": {
            "percent": assessment.completeness.percent,
            "steps": {slug: s.percent for slug, s in assessment.completeness.steps.items()},
            "missing": [asdict(m) for m in assessment.completeness.missing],
        },
        **{name: build(zdr_request, http_request) for name, build in SECTIONS.items()},
    }
