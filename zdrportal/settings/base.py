"""Settings shared by every environment. Everything that differs between machines comes from
environment variables (see .env.example); the embedded defaults need no server at all."""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(environ.Env().str("VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env.str("SECRET_KEY")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
# Links in emails. Unset, it follows PORT, which `make run` serves on (PORT=18802 make run).
SITE_URL = env.str("SITE_URL", default=f"http://127.0.0.1:{env.int('PORT', default=8000)}").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "csp",
    "axes",
    "simple_history",
    "apps.foundation",
    "apps.portal",
    "apps.accounts",
    "apps.catalog",
    "apps.workspace",
    "apps.codescan",
    "apps.packets",
    "apps.tracking",
    "apps.audit",  # after the domain apps: it registers their models for history
    "apps.orgdata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "apps.accounts.middleware.SessionLifetimeMiddleware",
    "apps.accounts.middleware.CurrentMembershipMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "zdrportal.urls"
WSGI_APPLICATION = "zdrportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.accounts.context_processors.memberships",
                "apps.portal.context_processors.background_work",
            ],
        },
    },
]

DATABASES = {
    "default": env.db(
        "DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'zdrportal.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the worker writes; the timeout rides out short locks.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rendered page fragments (apps/foundation/fragments.py). Each process keeps its own by default: a
# fragment's key holds the database's data version, so a copy in one process can never outlive a
# write made in another. CACHE_URL=redis://... shares them between web processes.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://zdrportal")}
FRAGMENT_CACHE = env.bool("FRAGMENT_CACHE", default=True)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "apps.accounts.backends.EmailBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "portal:dashboard"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
INVITATION_MAX_AGE_DAYS = env.int("INVITATION_MAX_AGE_DAYS", default=7)

# Sessions end after 30 idle minutes (every request renews the cookie) and, whatever the
# activity, 12 hours after sign-in (SessionLifetimeMiddleware).
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=30 * 60)
SESSION_MAX_AGE = env.int("SESSION_MAX_AGE", default=12 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT
# Renewed by accounts.middleware.SessionLifetimeMiddleware at most once a minute, not on every request.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Sign-in throttling: 5 failures for an address from one IP lock it for 15 minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"  # the sign-in form's field (it holds the email address)
AXES_USERNAME_CALLABLE = "apps.accounts.backends.axes_username"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Browser hardening. Scripts and styles come only from our own static files: no inline code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# The security event log takes the client address from X-Forwarded-For only behind this many
# trusted proxies (each appends one address); 0 = REMOTE_ADDR, which a client cannot forge.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

LANGUAGE_CODE = "en-us"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ZDR Portal <zdr-portal@localhost>")

# Celery. The default transport keeps messages in files under var/, so a single machine needs
# no broker server; CELERY_BROKER_URL=redis://... moves the same tasks onto Redis.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
CELERY_BROKER_DIR = Path(env.str("CELERY_BROKER_DIR", default=str(VAR_DIR / "broker")))
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_DIR / "queue"),
        "data_folder_out": str(CELERY_BROKER_DIR / "queue"),
        "control_folder": str(CELERY_BROKER_DIR / "control"),
        # The worker lists the folder this often (the default is once a second): a click on
        # Generate should start the render at once. A listing of an empty folder costs nothing.
        "polling_interval": 0.1,
    }
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="zdrportal")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# WeasyPrint's memory grows with each render: a pool process is replaced after this many tasks, or
# when it holds more than this many KiB after a task, long before the kernel's OOM killer steps in.
CELERY_WORKER_MAX_TASKS_PER_CHILD = env.int("CELERY_WORKER_MAX_TASKS_PER_CHILD", default=50)
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", default=400_000)
CELERY_BEAT_SCHEDULE_FILENAME = env.str("CELERY_BEAT_SCHEDULE_FILENAME", default=str(VAR_DIR / "celerybeat-schedule"))

# Background work heals itself (README, "Reliability"). Beat sends the heartbeat every interval;
# /healthz calls the worker stale when the newest one is older than twice that. The sweep finds
# versions whose doorbell (the task message) was lost or whose render died, and claims them again.
WORKER_HEARTBEAT_INTERVAL = env.float("WORKER_HEARTBEAT_INTERVAL", default=30.0)
SWEEP_INTERVAL = env.float("SWEEP_INTERVAL", default=30.0)
PACKET_QUEUE_GRACE_SECONDS = env.float("PACKET_QUEUE_GRACE_SECONDS", default=60.0)
PACKET_RENDER_MAX_ATTEMPTS = env.int("PACKET_RENDER_MAX_ATTEMPTS", default=3)
WORKER_START_GRACE_SECONDS = env.float("WORKER_START_GRACE_SECONDS", default=60.0)  # the watchdog's patience
CELERY_BEAT_SCHEDULE = {
    "record-worker-heartbeat": {
        "task": "apps.portal.tasks.record_heartbeat",
        "schedule": WORKER_HEARTBEAT_INTERVAL,
        "options": {"expires": WORKER_HEARTBEAT_INTERVAL},  # a late heartbeat would tell a lie
    },
    "sweep-follow-ups": {
        "task": "apps.tracking.tasks.sweep_follow_ups",
        "schedule": SWEEP_INTERVAL,
        "options": {"expires": SWEEP_INTERVAL},
    },
    "sweep-packet-versions": {
        "task": "apps.packets.tasks.sweep_packet_versions",
        "schedule": SWEEP_INTERVAL,
        "options": {"expires": SWEEP_INTERVAL},
    },
    "sweep-code-scans": {
        "task": "apps.codescan.tasks.sweep_code_scans",
        "schedule": 60.0,
        "options": {"expires": 50},
    },
    "check-usage-of-approved-requests": {
        "task": "apps.tracking.tasks.check_usage",
        "schedule": 3600.0,
        "options": {"expires": 3000},
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "filters": {"refusal_one_line": {"()": "zdrportal.logfilters.RefusalWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Django's default console handler on "django" (DEBUG only) would print every line twice.
        "django": {"handlers": [], "propagate": True},
        "django.request": {"filters": ["refusal_one_line"]},
    },
}
CATALOG_STALE_AFTER_DAYS = env.int("CATALOG_STALE_AFTER_DAYS", default=90)

# Tracking: the read-only Admin API check (base URL and timeout in seconds), re-verification,
# how long a claimed reminder stays claimed before a sweep may take it again, attachment size.
OPENAI_ADMIN_API_BASE_URL = env.str("OPENAI_ADMIN_API_BASE_URL", default="https://api.openai.com").rstrip("/")
OPENAI_ADMIN_API_TIMEOUT = env.float("OPENAI_ADMIN_API_TIMEOUT", default=8.0)
# Only for the scheduled usage check after approval; a person's check asks for the key and keeps it nowhere.
OPENAI_ADMIN_KEY = env.str("OPENAI_ADMIN_KEY", default="")
REVERIFY_AFTER_DAYS = env.int("REVERIFY_AFTER_DAYS", default=90)
FOLLOW_UP_CLAIM_TIMEOUT_MINUTES = env.int("FOLLOW_UP_CLAIM_TIMEOUT_MINUTES", default=10)
TRACKING_ATTACHMENT_MAX_BYTES = env.int("TRACKING_ATTACHMENT_MAX_BYTES", default=5 * 1024 * 1024)
# Code scans: the uploaded zip, what it may unpack to, how many files, and how long a scan may take.
CODE_SCAN_MAX_UPLOAD_BYTES = env.int("CODE_SCAN_MAX_UPLOAD_BYTES", default=50 * 1000 * 1000)
CODE_SCAN_MAX_UNPACKED_BYTES = env.int("CODE_SCAN_MAX_UNPACKED_BYTES", default=500 * 1000 * 1000)
CODE_SCAN_MAX_FILES = env.int("CODE_SCAN_MAX_FILES", default=50_000)
CODE_SCAN_TIME_LIMIT = env.int("CODE_SCAN_TIME_LIMIT", default=300)
CODE_SCAN_GRACE_SECONDS = env.int("CODE_SCAN_GRACE_SECONDS", default=60)

# Justification packets: the contact-form text limit, and the render task's time limits (seconds).
PACKET_FORM_TEXT_LIMIT = env.int("PACKET_FORM_TEXT_LIMIT", default=1500)
PACKET_RENDER_SOFT_TIME_LIMIT = env.int("PACKET_RENDER_SOFT_TIME_LIMIT", default=60)
PACKET_RENDER_TIME_LIMIT = env.int("PACKET_RENDER_TIME_LIMIT", default=90)
# A render still "rendering" this long after its claim has lost its worker: the hard time limit
# kills any render before then, so the sweep may claim it again without a second render running.
PACKET_RENDER_LEASE_SECONDS = env.int("PACKET_RENDER_LEASE_SECONDS", default=PACKET_RENDER_TIME_LIMIT + 30)
