from celery import shared_task

from . import emails


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_invitation_email(invitation_id):
    emails.invitation_send(invitation_id=invitation_id)
