"""The test suite. The same database and broker URLs as production when set (the CI's second leg),
otherwise SQLite in a file that a worker process started by a test can open too."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")

from .base import *  # noqa: E402,F403
from .base import DATABASES, VAR_DIR  # noqa: E402

DEBUG = False
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = VAR_DIR / "test-media"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if os.environ.get("ZDR_TEST_EMAIL_DIR"):  # a worker started by a test writes its mail where the test counts it
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["ZDR_TEST_EMAIL_DIR"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file (not :memory:) so a worker process can open it; one per run so runs never collide.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-zdrportal-{os.getpid()}.sqlite3")}

# Each run gets its own queue and broker folder, so a running `make run` worker never takes
# a test's task, and a test worker never takes the portal's.
# A process started by a test (a worker, beat, the web server) is told the test's queue.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("ZDR_TEST_QUEUE", f"zdrportal-test-{os.getpid()}")
if CELERY_BROKER_URL.startswith("filesystem://"):  # noqa: F405
    CELERY_BROKER_DIR = VAR_DIR / "test-broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        key: str(CELERY_BROKER_DIR / name)
        for key, name in [("data_folder_in", "queue"), ("data_folder_out", "queue"), ("control_folder", "control")]
    }

# Nothing in the suite reaches OpenAI: a check that is not pointed at a local fake fails at once.
OPENAI_ADMIN_API_BASE_URL = "http://127.0.0.1:9"
OPENAI_ADMIN_KEY = ""
