from django.db import migrations


def add_missing(apps, schema_editor):
    """Requests nobody had moved yet had no status row; from now on every request has one. The
    values are a draft's, as the pages showed them (written out: a migration must not change)."""
    Tracking = apps.get_model("tracking", "Tracking")
    ZdrRequest = apps.get_model("workspace", "ZdrRequest")
    missing = ZdrRequest.objects.filter(tracking__isnull=True).values_list("pk", "created_at")
    Tracking.objects.bulk_create(
        [Tracking(request_id=pk, status="draft", status_changed_at=created_at, waiting_on="team",
                  waiting_since=created_at) for pk, created_at in missing.iterator()],
        batch_size=500,
    )


class Migration(migrations.Migration):

    dependencies = [
        ("tracking", "0001_initial"),
        ("workspace", "0001_initial"),
    ]

    # Backwards keeps the rows: a draft's row reads the same as no row did.
    operations = [migrations.RunPython(add_missing, migrations.RunPython.noop)]
