"""The reminder sweep: 10,000 due follow-ups among 50,000 not due, sent until none is due."""

import time


def sweep_seconds(organization):
    """Seconds to send every due reminder (calling the sweep until it sends nothing), and how many."""
    from django.core import mail
    from seed import DUE, follow_ups_for_sweep

    from apps.tracking import followups
    from apps.tracking.models import FollowUp

    follow_ups_for_sweep(organization)  # right after a bulk insert: PostgreSQL's statistics are stale
    mail.outbox = []
    start = time.perf_counter()
    while followups.follow_ups_sweep():
        pass
    seconds = time.perf_counter() - start
    sent = len(mail.outbox)
    reminded = FollowUp.objects.filter(state=FollowUp.State.REMINDED).count()
    assert sent >= DUE and reminded >= DUE, f"sent {sent}, reminded {reminded} of {DUE}"
    return seconds, sent
