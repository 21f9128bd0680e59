"""Writes that keep the audit trail whole where save() is not called."""

from django.db import transaction


def update_with_history(rows, *, user=None, **values):
    """UPDATE `rows` with `values`, then write a history row for each row it changed; return how many.

    The UPDATE stays conditional: `rows` carries the claim's condition (a state, a token, the time
    a claim was seen), so of two writers only one changes a row, and a row that no longer matches
    is left alone and gets no history row. An UPDATE skips save(), so django-simple-history's bulk
    API writes the rows, by `user` or else the signed-in user of the current web request."""
    with transaction.atomic():
        # Locked before the UPDATE (SQLite's IMMEDIATE transactions hold the write lock already),
        # so no other writer can change them in between: the rows read are the rows changed.
        pks = list(rows.select_for_update(of=("self",)).values_list("pk", flat=True))
        changed = rows.filter(pk__in=pks).update(**values) if pks else 0
        if changed:
            model = rows.model
            model.history.bulk_history_create(list(model.objects.filter(pk__in=pks)), update=True,
                                              default_user=user)
    return changed
