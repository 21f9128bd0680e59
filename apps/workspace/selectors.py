"""Reads for the workspace. Every request is reached through the member's organization."""

from datetime import date

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from apps.catalog.diff import diff_catalogs, is_empty
from apps.catalog.selectors import catalog_document, versions_of

from .completeness import completeness
from .findings import evaluate
from .items import ITEM_KINDS
from .models import Contact, DataFlow, Draft, EndpointUsage, WarningAnswer, ZdrRequest
from .usage_reading import read_usage

REQUEST_FIELDS = [
    f.name
    for f in ZdrRequest._meta.concrete_fields
    if f.name not in ("id", "organization", "owner", "catalog_version", "updated_by", "created_at", "updated_at")
]


def requests_for(organization):
    return ZdrRequest.objects.filter(organization=organization).select_related("owner", "catalog_version")


def request_rows(organization):
    """The request list's rows: only the columns it shows (a request and its catalog version carry
    large JSON documents that decoding would cost more than the rest of the page)."""
    return requests_for(organization).only(
        "title", "requested_control", "openai_org_id", "updated_at", "owner__full_name", "owner__email",
        "catalog_version__as_of")


def request_title_get(*, organization, request_id):
    """The request's title alone, through the member's organization: for the page around a cached body."""
    return get_object_or_404(requests_for(organization).select_related(None).only("title"), pk=request_id)


def request_get(*, organization, request_id):
    """The request with everything the wizard shows, in a fixed number of queries."""
    queryset = requests_for(organization).prefetch_related(
        Prefetch("contacts", queryset=Contact.objects.order_by("position", "pk")),
        Prefetch("usages", queryset=EndpointUsage.objects.order_by("position", "pk")),
        Prefetch("flows", queryset=DataFlow.objects.select_related("usage").order_by("position", "pk")),
        "acknowledgements__acknowledged_by",
        Prefetch("warning_answers", queryset=WarningAnswer.objects.select_related("answered_by")),
        "observed_uses",
    )
    return get_object_or_404(queryset, pk=request_id)


def drafts_of(*, zdr_request, user):
    """The editor's unsaved input on the request, by form (items.draft_key): field -> typed value."""
    return dict(Draft.objects.filter(request=zdr_request, user=user).values_list("key", "values"))


def item_get(*, zdr_request, kind, item_id):
    return get_object_or_404(getattr(zdr_request, kind).all(), pk=item_id)


def request_snapshot(zdr_request):
    """The request as plain data: what completeness, findings, diagrams and exports read."""
    snapshot = {"id": zdr_request.pk, **{name: _plain(getattr(zdr_request, name)) for name in REQUEST_FIELDS}}
    for kind in ITEM_KINDS:
        items = getattr(zdr_request, kind.slug).all()
        snapshot[kind.slug] = [{"id": item.pk, **{f: getattr(item, f) for f in kind.fields}} for item in items]
    snapshot["acknowledgements"] = {
        ack.key: {
            "justification": ack.justification,
            "by": ack.acknowledged_by.email if ack.acknowledged_by else None,
            "by_name": ack.acknowledged_by.get_full_name() if ack.acknowledged_by else None,
            "at": ack.acknowledged_at.isoformat(),
        }
        for ack in zdr_request.acknowledgements.all()
    }
    snapshot["warning_answers"] = {
        answer.key: {
            "text": answer.text,
            "by": answer.answered_by.email if answer.answered_by else None,
            "at": answer.answered_at.isoformat(),
        }
        for answer in zdr_request.warning_answers.all()
    }
    snapshot["observed_use"] = [
        {"source": use.source, "project_id": use.project_id, "endpoints": use.endpoints, "features": use.features,
         "models": use.model_names, "label": use.label, "unit": use.unit, "volume": use.volume,
         "window_start": use.window_start.isoformat(), "window_end": use.window_end.isoformat(),
         "read_at": use.read_at.isoformat()}
        for use in zdr_request.observed_uses.all()
    ]
    return snapshot


def _plain(value):
    # A packet freezes the snapshot as JSON: a date goes in as its ISO text.
    return value.isoformat() if isinstance(value, date) else value


def catalog_notice(zdr_request, snapshot):
    """What changed for this request's endpoints since its pinned catalog version, if newer exists."""
    newest = versions_of(zdr_request.catalog_version.provider).first()
    if newest is None or newest.pk == zdr_request.catalog_version_id:
        return None
    pinned, latest = catalog_document(zdr_request.catalog_version), catalog_document(newest)
    diff = diff_catalogs(pinned, latest)
    paths = {u["endpoint_path"] for u in snapshot["usages"]}
    features = _features_used(snapshot["usages"], pinned) | _features_used(snapshot["usages"], latest)
    relevant = {
        "endpoints": {
            k: [r for r in v if (r if isinstance(r, str) else r["key"]) in paths] for k, v in diff["endpoints"].items()
        },
        "features": {
            k: [r for r in v if (r if isinstance(r, str) else r["key"]) in features]
            for k, v in diff["features"].items()
        },
    }
    return {"version": newest, "changes": relevant, "affects_request": not is_empty(relevant)}


def _features_used(usages, catalog):
    """What the usages use under `catalog`: ticked boxes, and what their store choice and models imply
    (a newer catalog may imply more, e.g. a model rule it adds)."""
    rows, known = {e["path"]: e for e in catalog["endpoints"]}, {f["key"]: f for f in catalog["features"]}
    return {key for u in usages for key in read_usage(u, rows.get(u["endpoint_path"]), known).features}


class Assessment:
    """The snapshot, its findings and its completeness, computed once per page."""

    def __init__(self, zdr_request):
        self.request = zdr_request
        self.catalog = catalog_document(zdr_request.catalog_version)
        self.snapshot = request_snapshot(zdr_request)
        self.evaluation = evaluate(self.snapshot, self.catalog)
        self.completeness = completeness(self.snapshot, self.evaluation.open_blockers,
                                       self.evaluation.unanswered_warnings)

    @property
    def usage_labels(self):
        return {
            u["id"]: f"Usage {n}: {u['endpoint_path']}" + (f" ({u['purpose']})" if u["purpose"] else "")
            for n, u in enumerate(self.snapshot["usages"], start=1)
        }


def downstream_facts(zdr_request):
    """How far the request got after the workspace: its packet versions and tracking status. Read
    through the reverse relations, so the workspace never imports the layers above it."""
    tracking = getattr(zdr_request, "tracking", None)
    return {"versions": zdr_request.packet_versions.count(), "status": tracking.status if tracking else "draft"}
