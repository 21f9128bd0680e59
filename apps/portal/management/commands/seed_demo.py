import os
import secrets

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from apps.accounts.models import Membership, Organization, Role, User
from apps.packets.demo import demo_packets_seed
from apps.tracking.demo import demo_seed as tracking_demo_seed
from apps.workspace.demo import clinic_request_seed, coding_request_seed

DEMO_ORGANIZATION = "Northwind Clinic"


def _demo_password(stdout_note):
    """DEMO_PASSWORD when set; otherwise one random password, kept under var/ so that running
    `make run` again does not change it."""
    if os.environ.get("DEMO_PASSWORD"):
        return os.environ["DEMO_PASSWORD"]
    stored = settings.VAR_DIR / "demo-password"
    if stored.exists():
        return stored.read_text().strip()
    password = secrets.token_urlsafe(12)
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_text(password)
    stored.chmod(0o600)
    stdout_note("Generated a demo password (kept in var/demo-password).")
    return password


class Command(BaseCommand):
    help = "Create the demo organization and demo account, or bring them up to date. Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options):
        email = os.environ.get("DEMO_EMAIL", "demo@example.com").strip().lower()
        password = _demo_password(self.stdout.write)
        user, _ = User.objects.get_or_create(email=email, defaults={"full_name": "Dana Demo"})
        user.set_password(password)
        user.save(update_fields=["password"])
        organization, _ = Organization.objects.get_or_create(
            slug="northwind-clinic", defaults={"name": DEMO_ORGANIZATION}
        )
        Membership.objects.update_or_create(organization=organization, user=user, defaults={"role": Role.OWNER})
        clinic_request_seed(organization=organization, owner=user)
        coding_request_seed(organization=organization, owner=user)
        demo_packets_seed(organization=organization, owner=user)
        tracking_demo_seed(organization=organization, owner=user)
        self.stdout.write(self.style.SUCCESS(f"Demo sign-in: {email} / {password}"))
