"""Django's database sessions, with the idle timeout renewed at most once a minute.

SESSION_SAVE_EVERY_REQUEST pushes a session's expiry forward on each page view, so every signed-in
request wrote its session row: on SQLite a database-wide write lock, which concurrent clients took
in turn. An unchanged session whose stored expiry was renewed less than RENEW_AFTER seconds ago is
not written again (the idle timeout is then at most that much shorter); a changed one is saved
at once, as before."""

from datetime import timedelta

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.utils import timezone

RENEW_AFTER = 60


class SessionStore(DatabaseSessionStore):
    _stored_expiry = None

    def _get_session_from_db(self):
        stored = super()._get_session_from_db()
        self._stored_expiry = stored.expire_date if stored else None
        return stored

    def save(self, must_create=False):
        if not must_create and not self.modified and self._renewed_recently():
            return
        super().save(must_create=must_create)
        self._stored_expiry = self.get_expiry_date()

    def _renewed_recently(self):
        if self._stored_expiry is None or self.session_key is None:
            return False
        renewed_at = self._stored_expiry - timedelta(seconds=self.get_expiry_age())
        return timezone.now() - renewed_at < timedelta(seconds=RENEW_AFTER)
