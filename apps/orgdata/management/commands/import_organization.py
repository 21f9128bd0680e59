from django.core.management.base import BaseCommand, CommandError

from apps.orgdata.archive import ImportRefused
from apps.orgdata.services import organization_import

SIGN_IN_NOTICE = ("Restored people have no password (the export never holds one): each signs in after "
                  "choosing one through \"Forgot your password?\" on the sign-in page.")


class Command(BaseCommand):
    help = "Restore an organization export (the zip from 'Download all our data') into this portal, all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the export zip.")

    def handle(self, *args, archive, **options):
        try:
            result = organization_import(source=archive)
        except ImportRefused as error:
            raise CommandError(f"Nothing was imported: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Imported {result.organization} ({result.organization.slug})."))
        for label, count in result.counts.items():
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(f"  files: {result.files}")
        self.stdout.write(f"  people: {len(result.users_created)} created, {len(result.users_matched)} "
                          "matched by email (left as they were)")
        self.stdout.write(f"  catalog versions: {len(result.catalog_created)} created, "
                          f"{len(result.catalog_matched)} already here")
        for version in result.catalog_differs:
            self.stdout.write(self.style.WARNING(f"  {version} here differs from the exported one; this one is used."))
        if result.users_created:
            self.stdout.write(self.style.WARNING(SIGN_IN_NOTICE))
