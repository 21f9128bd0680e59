from django.db import migrations, models


class Migration(migrations.Migration):
    """The worker heartbeat, which lived in the app formerly labelled "core". Its old table is
    dropped rather than copied: a worker rewrites its heartbeat every minute."""

    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="WorkerHeartbeat",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100, unique=True)),
                ("last_seen", models.DateTimeField()),
            ],
        ),
        migrations.RunSQL("DROP TABLE IF EXISTS core_workerheartbeat", reverse_sql=migrations.RunSQL.noop),
    ]
