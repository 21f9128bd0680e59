"""Render one queued packet version in this fresh process and print its peak RSS (used by bench)."""

import json
import os
import resource
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main(version_id):
    import django

    django.setup()
    from apps.packets import rendering
    from apps.packets.models import PacketVersion

    state = rendering.packet_version_render(version_id=version_id)
    version = PacketVersion.objects.get(pk=version_id)
    assert state == "ready", version.failure_reason
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(json.dumps({"peak_rss_mb": round(peak_kb / 1024), "pages": version.page_count}))


if __name__ == "__main__":
    main(int(sys.argv[1]))
