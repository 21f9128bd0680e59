from django.core.management.base import BaseCommand, CommandError

from apps.catalog.diff import is_empty
from apps.catalog.loader import CatalogFileError
from apps.catalog.services import catalog_import


class Command(BaseCommand):
    help = "Import catalog data files (data/catalog/<provider>-<as-of>.json) as versions. Safe to repeat."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="Catalog JSON files, imported oldest as-of date first.")

    def handle(self, *args, files, **options):
        for path in files:
            try:
                result = catalog_import(path=path)
            except CatalogFileError as exc:
                raise CommandError(f"{exc} Nothing was imported.") from exc
            version = result.version
            if not result.created:
                self.stdout.write(f"{version}: already imported, nothing changed.")
                continue
            counts = f"{version.endpoints.count()} endpoints, {version.features.count()} features"
            self.stdout.write(self.style.SUCCESS(f"Imported {version} ({counts})."))
            if version.previous and not is_empty(version.changes):
                self.stdout.write(f"Changes since {version.previous.as_of:%Y-%m-%d} are recorded on the version.")
