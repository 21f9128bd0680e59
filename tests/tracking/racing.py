"""Two reminder sweeps at once, each in its own thread and database connection, as two workers."""

import threading

from django.db import connection

from apps.tracking import followups


def two_sweeps_at_once(timeout, **options):
    """(what each sweep sent, the errors they raised)."""
    results, errors = [], []

    def sweep():
        try:
            results.append(followups.follow_ups_sweep(**options))
        except Exception as error:  # reported to the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results, errors
