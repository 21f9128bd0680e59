from celery import shared_task
from django.conf import settings

from . import services


@shared_task(acks_late=True, soft_time_limit=settings.CODE_SCAN_TIME_LIMIT,
             time_limit=settings.CODE_SCAN_TIME_LIMIT + 30)
def run_code_scan(scan_id):
    services.code_scan_run(scan_id=scan_id)


@shared_task
def sweep_code_scans():
    """Run by beat every minute: the database says which scans are still owed."""
    return services.code_scans_sweep()
