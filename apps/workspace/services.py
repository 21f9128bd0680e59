"""Writes for the workspace. Every save checks that the editor saw the current values first, so
two members editing the same step never overwrite each other silently."""

import hashlib
import json
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from apps.catalog.selectors import version_current
from apps.foundation.history import update_with_history

from .items import KIND_BY_SLUG, draft_key
from .models import Contact, Draft, EndpointUsage, FindingAcknowledgement, ObservedUse, WarningAnswer, ZdrRequest


@dataclass
class Conflict:
    field: str
    theirs: object
    yours: object


class StaleEdit(Exception):
    """Someone saved the same step or item since the editor loaded it."""

    def __init__(self, conflicts, by, at):
        self.conflicts, self.by, self.at = conflicts, by, at
        super().__init__("stale edit")


class EndpointNotInCatalog(Exception):
    """A usage names an endpoint that the request's catalog version does not list."""


def fingerprint(obj, fields):
    """A short hash of the saved values of `fields`: the version the editor's form was built on."""
    values = {f: getattr(obj, f) for f in fields}
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _apply(obj, fields, data, seen):
    if seen != fingerprint(obj, fields):
        conflicts = [Conflict(f, getattr(obj, f), data[f]) for f in fields if f in data and getattr(obj, f) != data[f]]
        # Values equal to the saved ones overwrite nobody: typically the editor's own autosave of the
        # same input got there first (a blur autosaves while "Save and continue" submits).
        if conflicts:
            request = obj if isinstance(obj, ZdrRequest) else obj.request
            raise StaleEdit(conflicts, request.updated_by, request.updated_at)
    for f in fields:
        if f in data:
            setattr(obj, f, data[f])


@transaction.atomic
def request_create(*, organization, owner, title, requested_control, openai_org_id=""):
    """A new request, pinned to the newest OpenAI catalog, with its owner as primary contact.
    Raises CatalogNotLoaded while no OpenAI catalog is loaded."""
    zdr_request = ZdrRequest.objects.create(
        organization=organization,
        owner=owner,
        updated_by=owner,
        title=title,
        requested_control=requested_control,
        openai_org_id=openai_org_id,
        catalog_version=version_current("openai"),
    )
    Contact.objects.create(request=zdr_request, role="primary", name=owner.full_name, email=owner.email)
    return zdr_request


def _keep_draft(zdr_request, user, key, unsaved):
    if unsaved:
        Draft.objects.update_or_create(request=zdr_request, user=user, key=key, defaults={"values": unsaved})
    else:
        Draft.objects.filter(request=zdr_request, user=user, key=key).delete()


@transaction.atomic
def request_step_save(*, zdr_request, step, data, seen, user, unsaved=None):
    """Save the step's valid fields (`data`), unless they changed since the editor's `seen` fingerprint,
    and keep what failed validation (`unsaved`: field -> typed value) as the editor's draft of the step:
    one invalid field never costs the valid ones, and the invalid one is shown again, not lost."""
    current = ZdrRequest.objects.select_for_update(of=("self",)).select_related("updated_by").get(pk=zdr_request.pk)
    _apply(current, step.fields, data, seen)
    current.updated_by = user
    current.save()
    _keep_draft(current, user, draft_key(step), unsaved)
    return current


@transaction.atomic
def item_draft_keep(*, item, user, unsaved):
    """Keep an item card's typed values, which failed validation, as the editor's draft: the item itself
    is saved whole or not at all, so a contact never goes into a packet half-edited."""
    _keep_draft(item.request, user, draft_key(item), unsaved)


def _touch(zdr_request, user):
    ZdrRequest.objects.filter(pk=zdr_request.pk).update(updated_by=user, updated_at=timezone.now())
    zdr_request.refresh_from_db(fields=["updated_at", "updated_by"])


def _append(zdr_request, model, **values):
    last = model.objects.filter(request=zdr_request).aggregate(last=Max("position"))["last"]
    return model.objects.create(request=zdr_request, position=(last or 0) + 1, **values)


def _check_endpoint(zdr_request, endpoint_path):
    # Findings and the packet read each usage's endpoint from the pinned catalog version.
    if not zdr_request.catalog_version.endpoints.filter(path=endpoint_path).exists():
        raise EndpointNotInCatalog(endpoint_path)


@transaction.atomic
def item_add(*, zdr_request, kind, user, **values):
    """A new item of `kind` (a slug of items.ITEM_KINDS), last in its list."""
    item = _append(zdr_request, KIND_BY_SLUG[kind].model, **values)
    _touch(zdr_request, user)
    return item


@transaction.atomic
def usage_add(*, zdr_request, endpoint_path, user):
    """A new usage of an endpoint, which must be one of the request's catalog version."""
    _check_endpoint(zdr_request, endpoint_path)
    return item_add(zdr_request=zdr_request, kind="usages", user=user, endpoint_path=endpoint_path)


@transaction.atomic
def item_save(*, item, fields, data, seen, user):
    """Save a repeating item's `fields`, unless they changed since the editor's `seen` fingerprint."""
    current = type(item).objects.select_for_update(of=("self",)).select_related("request__updated_by").get(pk=item.pk)
    _apply(current, fields, data, seen)
    current.save()
    _touch(current.request, user)
    _keep_draft(current.request, user, draft_key(current), None)
    return current


@transaction.atomic
def flow_save(*, flow, data, endpoint_path, seen, user):
    """Save a data flow; its endpoint links it to the request's usage of that endpoint, added if new,
    and an empty endpoint unlinks it."""
    usage = None
    if endpoint_path:
        usage = flow.request.usages.filter(endpoint_path=endpoint_path).first()
        if usage is None:
            _check_endpoint(flow.request, endpoint_path)
            usage = _append(flow.request, EndpointUsage, endpoint_path=endpoint_path)
    data = {**data, "usage_id": usage.pk if usage else None}
    return item_save(item=flow, fields=KIND_BY_SLUG["flows"].fields, data=data, seen=seen, user=user)


@transaction.atomic
def item_delete(*, item, user):
    Draft.objects.filter(request=item.request, key=draft_key(item)).delete()
    item.delete()
    _touch(item.request, user)


@transaction.atomic
def item_move(*, item, offset, user):
    """Swap the item with its neighbour above (offset -1) or below (+1)."""
    siblings = list(type(item).objects.select_for_update().filter(request=item.request).order_by("position", "pk"))
    index = next(n for n, s in enumerate(siblings) if s.pk == item.pk)
    other = index + offset
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
        moved = []
        for position, sibling in enumerate(siblings, start=1):
            if sibling.position != position:
                sibling.position = position
                moved.append(sibling)
        bulk_update_with_history(moved, type(item), ["position"], default_user=user)  # a history row per moved item
        _touch(item.request, user)


@transaction.atomic
def finding_acknowledge(*, zdr_request, key, justification, user):
    FindingAcknowledgement.objects.update_or_create(
        request=zdr_request, key=key, defaults={"justification": justification.strip(), "acknowledged_by": user}
    )
    _touch(zdr_request, user)


@transaction.atomic
def finding_unacknowledge(*, zdr_request, key, user):
    FindingAcknowledgement.objects.filter(request=zdr_request, key=key).delete()
    _touch(zdr_request, user)


@transaction.atomic
def warning_answer(*, zdr_request, key, text, user):
    """Record how the team handles warning `key`; an empty answer removes it, and the warning is
    unanswered again (the request is then incomplete)."""
    text = text.strip()
    if text:
        WarningAnswer.objects.update_or_create(
            request=zdr_request, key=key, defaults={"text": text, "answered_by": user}
        )
    else:
        WarningAnswer.objects.filter(request=zdr_request, key=key).delete()
    _touch(zdr_request, user)


@transaction.atomic
def observed_use_replace(*, zdr_request, source, uses, window_start, window_end, read_at):
    """Replace what `source` saw in the request's projects with its newest reading (`uses`: dicts with
    project_id, endpoints, features, models, label, unit, volume). An empty reading clears it: the
    findings then say nothing about observed use. Called by the layer that read it, in its own
    transaction, so the evidence and the reading are stored together or not at all."""
    ObservedUse.objects.filter(request=zdr_request, source=source).delete()
    ObservedUse.objects.bulk_create(
        ObservedUse(request=zdr_request, source=source, project_id=use["project_id"], endpoints=list(use["endpoints"]),
                    features=list(use["features"]), model_names=list(use["models"]), label=use["label"],
                    unit=use["unit"], volume=use["volume"], window_start=window_start, window_end=window_end,
                    read_at=read_at)
        for use in uses
    )


@transaction.atomic
def request_move_to_catalog(*, zdr_request, version, user):
    """Re-check the request against `version` (the newest catalog): one action, findings follow."""
    update_with_history(ZdrRequest.objects.filter(pk=zdr_request.pk), user=user,
                        catalog_version=version, updated_by=user, updated_at=timezone.now())


@transaction.atomic
def request_delete(*, zdr_request):
    zdr_request.delete()
