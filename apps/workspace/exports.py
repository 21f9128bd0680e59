"""The JSON export of a request: everything the team documented, plus what the portal derived."""

from dataclasses import asdict

from django.utils import timezone


def request_export(assessment):
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
    }
