from django.core.management.base import BaseCommand, CommandError

from apps.accounts.models import Organization
from apps.orgdata.services import organization_export


class Command(BaseCommand):
    help = "Write an organization's export zip (what its owner downloads) to a file."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The organization's slug.")
        parser.add_argument("archive", help="Path of the zip to write.")

    def handle(self, *args, slug, archive, **options):
        organization = Organization.objects.filter(slug=slug).first()
        if organization is None:
            raise CommandError(f"There is no organization with the slug {slug!r}.")
        with open(archive, "wb") as target:
            manifest = organization_export(organization=organization, into=target)
        rows = sum(manifest["counts"].values())
        self.stdout.write(self.style.SUCCESS(
            f"Exported {organization} to {archive}: {rows} rows, {len(manifest['files'])} files."))
