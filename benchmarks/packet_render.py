"""Render the clinic's packet N times and print min / median / max seconds and the page count.

    make bench                     # 5 renders
    .venv/bin/python benchmarks/packet_render.py 10

Runs on a throwaway SQLite database and media folder, so it never touches var/. Each round is the
worker's whole job: claim, render from the frozen snapshot, hash, store, mark ready.
"""

import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The result is this script's output: its own handler, whatever LOG_LEVEL quiets for Django.
log = logging.getLogger("benchmarks.packet_render")
log.addHandler(logging.StreamHandler(sys.stdout))
log.setLevel(logging.INFO)
log.propagate = False
TARGET_SECONDS = 3.0


def main(rounds):
    workdir = tempfile.mkdtemp(prefix="zdr-bench-")
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "zdrportal.settings.local",
        "DATABASE_URL": f"sqlite:///{workdir}/bench.sqlite3",
        "MEDIA_ROOT": f"{workdir}/media",
        "CELERY_BROKER_DIR": f"{workdir}/broker",
        "LOG_LEVEL": "WARNING",
    })
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from apps.accounts.models import Membership, Organization, Role, User
    from apps.packets import rendering, services
    from apps.workspace.demo import clinic_request_seed
    from apps.workspace.selectors import request_get

    call_command("migrate", verbosity=0)
    call_command("load_catalog", *sorted(str(p) for p in (ROOT / "data/catalog").glob("openai-*.json")), verbosity=0)
    user = User.objects.create_user("bench@example.com", full_name="Bench Mark")
    organization = Organization.objects.create(name="Northwind Clinic", slug="northwind-clinic")
    Membership.objects.create(organization=organization, user=user, role=Role.OWNER)
    clinic = clinic_request_seed(organization=organization, owner=user)

    seconds, pages = [], set()
    rendering.packet_version_render(version_id=services.packet_version_create(
        zdr_request=request_get(organization=organization, request_id=clinic.pk), user=user, enqueue=False).pk)
    for _ in range(rounds):  # after one warm-up render (fonts, templates, imports)
        version = services.packet_version_create(
            zdr_request=request_get(organization=organization, request_id=clinic.pk), user=user, enqueue=False)
        start = time.perf_counter()
        state = rendering.packet_version_render(version_id=version.pk)
        seconds.append(time.perf_counter() - start)
        version.refresh_from_db()
        assert state == "ready", version.failure_reason
        pages.add(version.page_count)

    log.info(f"Clinic packet, {rounds} renders, {'/'.join(map(str, sorted(pages)))} pages: "
          f"min {min(seconds):.2f} s, median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s "
          f"(target < {TARGET_SECONDS:.0f} s)")
    return 0 if statistics.median(seconds) < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
