from django.core.management.base import BaseCommand, CommandError

from zdrscan.cli import EXIT_OK, EXIT_VIOLATIONS, main


class Command(BaseCommand):
    help = ("Scan a repository for the OpenAI endpoints and features it uses. The same scan as "
            "`python -m zdrscan`, which needs no Django.")

    def add_arguments(self, parser):
        parser.add_argument("path", help="a repository folder or a single file")
        parser.add_argument("--format", choices=("json", "sarif", "text"), help="default: text, or sarif with --policy")
        parser.add_argument("--policy", help="policy.json; the command fails when the code goes beyond it")
        parser.add_argument("--output", help="write the report to this file")
        parser.add_argument("--include-vendored", action="store_true", help="also scan node_modules, .venv, dist...")

    def handle(self, *args, path, format, policy, output, include_vendored, **options):
        argv = [path]
        for flag, value in (("--format", format), ("--policy", policy), ("--output", output)):
            argv += [flag, value] if value else []
        argv += ["--include-vendored"] if include_vendored else []
        status = main(argv, stdout=self.stdout, stderr=self.stderr)
        if status == EXIT_VIOLATIONS:
            raise CommandError("The code uses endpoints or features the policy does not allow.", returncode=1)
        if status != EXIT_OK:
            raise CommandError("The scan could not run; see the message above.", returncode=status)
