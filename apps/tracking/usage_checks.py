"""Running the usage check: fetch (with the key, synchronously), compare, store the evidence, and on
an approved request raise drift for use outside the approval. Also the scheduled run, which uses
OPENAI_ADMIN_KEY from the environment on the re-verification interval."""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from apps.catalog.selectors import catalog_document
from apps.workspace.findings import CONTROLS, evaluate_under
from apps.workspace.models import ObservedUse, ZdrRequest
from apps.workspace.selectors import request_snapshot
from apps.workspace.services import observed_use_replace
from apps.workspace.usage_reading import read_usage

from . import drift
from .admin_api import AdminApiError
from .models import DriftAlert, FollowUpPolicy, UsageCheck
from .selectors import approval_current, tracking_of
from .usage import SEVERITY_ORDER, compared, fetch_usage, observed, use_sentence
from .verification import project_ids_in_scope
from .workflow import WITH_APPROVAL

log = logging.getLogger(__name__)
USAGE_DAYS = 30


def verdict(catalog, control, path, feature):
    """The engine's own answer for one use: "no" when it would be a blocker, "limited" for a warning."""
    usage = {"id": 0, "endpoint_path": path, "features": [feature] if feature else []}
    severities = {finding.severity for finding in evaluate_under({"usages": [usage]}, catalog, control)}
    return "no" if "blocker" in severities else "limited" if "warning" in severities else "yes"


def declared_use(snapshot, catalog):
    """Each declared endpoint with the features its usages use: ticked, or implied by their store
    choice and models (read_usage), as the findings read them."""
    rows, features = {e["path"]: e for e in catalog["endpoints"]}, {f["key"]: f for f in catalog["features"]}
    declared = {}
    for usage in snapshot["usages"]:
        path = usage["endpoint_path"]
        declared.setdefault(path, set()).update(read_usage(usage, rows.get(path), features).features)
    return declared


@sensitive_variables("admin_key")
def usage_check_run(*, zdr_request, admin_key, user=None, now=None):
    """Compare the last 30 days of the organization's usage in the request's projects with what the
    request declares, judged under the approved control (or the requested one; ZDR until one is chosen)."""
    now = now or timezone.now()
    approval = approval_current(zdr_request)
    requested = zdr_request.requested_control
    control = drift.BASE_CONTROL[approval.control] if approval else requested if requested in CONTROLS else "zdr"
    project_ids = project_ids_in_scope(approval, zdr_request) if approval else list(zdr_request.project_ids or [])
    check = UsageCheck(request=zdr_request, control=control, project_ids=project_ids, ran_by=user, ran_at=now)
    # An AdminApiError (refused key, unreachable server, ...) goes to the caller: nothing is stored.
    lines = fetch_usage(base_url=settings.OPENAI_ADMIN_API_BASE_URL, admin_key=admin_key, project_ids=project_ids,
                        end=now.timestamp(), days=USAGE_DAYS, timeout=settings.OPENAI_ADMIN_API_TIMEOUT)
    catalog = catalog_document(zdr_request.catalog_version)
    uses, window_start = observed(lines), now - timedelta(days=USAGE_DAYS)
    snapshot = request_snapshot(zdr_request)
    rows = compared(uses, declared_use(snapshot, catalog), partial(verdict, catalog, control))
    snapshot["observed_use"] = [{**use, "source": ObservedUse.Source.ADMIN_API_USAGE, "read_at": now.isoformat(),
                                 "window_start": window_start.isoformat(), "window_end": now.isoformat()}
                                for use in uses]
    check.rows = as_the_request_reads_them(rows, evaluate_under(snapshot, catalog, control))
    return _record(check, zdr_request, uses, window_start=window_start)


def as_the_request_reads_them(rows, findings):
    """Each undeclared use graded and said as the request's own finding about it says (the engine's
    observed-use rule), so this page and the wizard, the packet and the drift alert never disagree."""
    judged = {finding.key: finding for finding in findings if finding.key.startswith("observed:")}
    for row in rows:
        finding = judged.get(f"observed:{row['project_id']}:{'|'.join(row['endpoints'])}:{'|'.join(row['features'])}")
        if not row["declared"] and finding is not None:
            eligibility = finding.evidence["eligibility"]
            row.update(severity=finding.severity, eligibility=eligibility,
                       sentence=use_sentence(row, False, eligibility))
    return sorted(rows, key=lambda row: SEVERITY_ORDER.index(row["severity"]))


def _summary(rows):
    if not rows:
        return "The Admin API shows no usage in these projects in the last 30 days."
    missing = [row for row in rows if not row["declared"]]
    if not missing:
        kinds = f"{len(rows)} kind{'s' if len(rows) > 1 else ''} of use"
        return f"Everything used in the last 30 days ({kinds}) is declared."
    blockers = sum(row["severity"] == "blocker" for row in missing)
    return (f"{len(missing)} kind{'s' if len(missing) > 1 else ''} of use in the last 30 days "
            f"{'are' if len(missing) > 1 else 'is'} not declared, {blockers} of them not eligible.")


@transaction.atomic
def _record(check, zdr_request, uses, *, window_start):
    """The check, the request's observed use (its findings read it) and any drift: together or not at all."""
    check.outcome = (UsageCheck.Outcome.UNDECLARED if any(not row["declared"] for row in check.rows)
                     else UsageCheck.Outcome.DECLARED)
    check.summary = _summary(check.rows)
    check.save()
    observed_use_replace(zdr_request=zdr_request, source=ObservedUse.Source.ADMIN_API_USAGE, uses=uses,
                         window_start=window_start, window_end=check.ran_at, read_at=check.ran_at)
    if check.outcome == UsageCheck.Outcome.UNDECLARED and tracking_of(zdr_request).status in WITH_APPROVAL:
        found = {f"usage:{row['project_id']}:{'|'.join(row['endpoints'])}:{'|'.join(row['features'])}":
                 row["sentence"] for row in check.rows if not row["declared"]}
        drift.drift_raise_new(zdr_request=zdr_request, kind=DriftAlert.Kind.SCOPE, found=found,
                              lead="The Admin API shows use outside the approval: ")
    return check


def usage_checks_due(*, now=None):
    """Approved requests whose last usage check is older than their organization's re-verification
    interval (or that have none). The database, not the schedule, says which are due."""
    now = now or timezone.now()
    rows = (ZdrRequest.objects.filter(tracking__status__in=WITH_APPROVAL)
            .select_related("organization__follow_up_policy", "catalog_version")
            .annotate(last=Max("usage_checks__ran_at")))
    due = []
    for zdr_request in rows:
        interval = timedelta(days=_policy(zdr_request.organization).reverify_every_days)
        if zdr_request.last is None or zdr_request.last <= now - interval:
            due.append(zdr_request)
    return due


def _policy(organization):
    try:
        return organization.follow_up_policy
    except FollowUpPolicy.DoesNotExist:
        return FollowUpPolicy(organization=organization)


def usage_checks_scheduled():
    """The scheduled run: nothing without OPENAI_ADMIN_KEY; otherwise every due request once."""
    key = settings.OPENAI_ADMIN_KEY
    if not key:
        return 0
    done = 0
    for zdr_request in usage_checks_due():
        try:
            usage_check_run(zdr_request=zdr_request, admin_key=key)
        except AdminApiError as error:  # tried again at the next run: the last check's time did not move
            log.warning("Usage check of request %s failed: %s", zdr_request.pk, error)
        else:
            done += 1
    return done

