"""One number that moves whenever the portal's data changes, so a rendered fragment can be reused
until then (fragments.py).

The database tells us, not the code paths: every connection runs its statements through `_watch`,
which notices any INSERT, UPDATE or DELETE (a form's save, a queryset's update(), a bulk insert by
the worker) and moves the number once the write is committed, in the same process that wrote;
`migrate` moves it once, when it is done. Moving it after the commit is what keeps a fragment
true: a page that read the old number may have rendered the new data, which is harmless, but no page
can read the new number and render the old data. Writes that change nothing a page shows (sessions,
sign-in throttling, the worker's heartbeat, one-time form tokens) leave it alone, or every page view
would empty the cache.
"""

import re
import time

from django.db import IntegrityError, connections, transaction
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate, pre_migrate
from django.dispatch import receiver

TABLE = "foundation_dataversion"
QUIET_TABLES = frozenset({TABLE, "django_session", "foundation_submission", "portal_workerheartbeat",
                          "axes_accessattempt", "axes_accessfailurelog", "axes_accesslog"})
_WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+["`]?(\w+)', re.IGNORECASE)


def data_version(using="default"):
    """The current number (0 before the first write)."""
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT number FROM {TABLE} WHERE id = 1")  # noqa: S608 - a constant
        row = cursor.fetchone()
    return row[0] if row else 0


def _bump(using):
    with connections[using].cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET number = number + 1 WHERE id = 1")  # noqa: S608 - a constant
        if cursor.rowcount == 0:  # the row was flushed (a test database): start again at a new number
            try:
                cursor.execute(f"INSERT INTO {TABLE} (id, number) VALUES (1, %s)", [time.time_ns()])  # noqa: S608
            except IntegrityError:  # another process put it back first: its number is as new
                pass


_migrating = False  # the table may not exist yet: migrate moves the number once, when it is done


def _watch(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    write = _WRITE.match(sql)
    if write and write.group(1) not in QUIET_TABLES and not _migrating:
        connection = context["connection"]
        if not _in_transaction(connection):
            _bump(connection.alias)
        elif not any(getattr(func, "bumps", None) == connection.alias for _, func, _ in connection.run_on_commit):
            transaction.on_commit(_BumpOnCommit(connection.alias), using=connection.alias)
    return result


def _in_transaction(connection):
    """A transaction that will commit. The test suite's own outer transactions never do, and nothing
    races inside them, so there the number moves at once."""
    blocks = connection.atomic_blocks
    return bool(blocks) and not getattr(blocks[0], "_from_testcase", False)


class _BumpOnCommit:
    """on_commit's callback, marked with its database so a transaction registers it once."""

    def __init__(self, using):
        self.bumps = using

    def __call__(self):
        _bump(self.bumps)


@receiver(pre_migrate)
def _migration_starts(sender, **kwargs):
    global _migrating  # noqa: PLW0603 - one flag for the process, as migrate runs once in it
    _migrating = True


@receiver(post_migrate)
def _migration_ends(sender, using, **kwargs):
    """Sent once per app after migrate (and after a test database's flush): the number moves once."""
    global _migrating  # noqa: PLW0603
    _migrating = False
    if sender.label == "foundation" and TABLE in connections[using].introspection.table_names():
        _bump(using)


@receiver(connection_created)
def _watch_connection(sender, connection, **kwargs):
    if _watch not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch)
