"""Settings shared by every environment; everything comes from the environment.

See the configuration table in README.md. Defaults are the embedded ones: SQLite,
a filesystem Celery broker, local media, mail printed to the console.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from .environment import (
    broker_timeout_options,
    env_bool,
    env_float,
    env_int,
    env_list,
    env_str,
    filesystem_broker_options,
)

BASE_DIR = Path(__file__).resolve().parents[3]
VAR_DIR = Path(env_str("ENGAGE_VAR_DIR", str(BASE_DIR / "var")))

# A development-only key. production.py refuses to start with it.
DEFAULT_SECRET_KEY = "engage-pd-insecure-development-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY", DEFAULT_SECRET_KEY)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Origins whose browser content may call the LRS (/xapi/); see lms/xapi/views/cors.py.
ENGAGE_XAPI_CORS_ORIGINS = env_list("ENGAGE_XAPI_CORS_ORIGINS", [])

INSTALLED_APPS = [
    # Engage PD, lowest layer first.
    "lms.apps.LmsConfig",
    "lms.accounts.apps.AccountsConfig",
    "lms.notifications.apps.NotificationsConfig",
    "lms.xapi.apps.XapiConfig",
    "practices_db.apps.PracticesDbConfig",
    "courses.apps.CoursesConfig",
    "trajectories.apps.TrajectoriesConfig",
    "certification.apps.CertificationConfig",
    "frontend.apps.FrontendConfig",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Third party
    "rest_framework",
    "drf_spectacular",
    "axes",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "lms.security_headers.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A service's refusal no page caught: 403/404/409/400, never a 500.
    "lms.domain_errors.DomainErrorMiddleware",
    # A database that does not answer: 503 with Retry-After, never a 500.
    "lms.outages.DatabaseOutageMiddleware",
    # Last, so it sees the outcome of authentication (django-axes' rule).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lms.site.urls"
WSGI_APPLICATION = "lms.site.wsgi.application"
ASGI_APPLICATION = "lms.site.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lms.context_processors.platform",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------
if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'engage.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
# A database that stops answering: a request gives up connecting after this
# many seconds (PostgreSQL's connect_timeout) and answers 503 (lms/outages.py).
DATABASE_CONNECT_TIMEOUT = env_int("DATABASE_CONNECT_TIMEOUT", 3)
# A query may run this many seconds before PostgreSQL cancels it (the request
# then answers 503); 0 leaves the server's own setting. Off by default because
# `manage.py migrate` and the worker's bulk tasks share these settings: set it on
# the web servers (the README's production section).
DATABASE_STATEMENT_TIMEOUT = env_int("DATABASE_STATEMENT_TIMEOUT", 0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": DATABASE_CONNECT_TIMEOUT,
            # A database host that vanishes mid-request (no FIN, no RST) is
            # noticed: keepalives on an idle kept connection, and data the server
            # never acknowledges fails the connection after tcp_user_timeout ms.
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
            "tcp_user_timeout": DATABASE_CONNECT_TIMEOUT * 5000,
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the worker write without "database is locked";
    # synchronous=NORMAL cannot corrupt a WAL database (a power cut may lose the
    # last commits), and saves an fsync per commit.
    # IMMEDIATE: every transaction takes the write lock when it begins, waiting up
    # to `timeout` for it. A deferred transaction that read first and then writes
    # (a page view recording its xAPI statement, a report, a journal edit) cannot
    # wait: SQLite fails it at once with "database is locked" when another
    # connection wrote meanwhile (one crawler and one browser were enough).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        }
    )
elif (
    DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    and env_str("ENGAGE_PG_JIT", "off") != "on"
):
    # No JIT for the site's short queries: a report's grouped query estimated
    # just above jit_above_cost spent 45-60 ms compiling what runs in 15-19 ms
    # (bench/insight.py). Set ENGAGE_PG_JIT=on to keep the server's default.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
if (
    DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    and DATABASE_STATEMENT_TIMEOUT > 0
):
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = (
        options.get("options", "")
        + f" -c statement_timeout={DATABASE_STATEMENT_TIMEOUT}s"
    ).strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------
# A request waits at most this long (seconds) on a cache that does not answer;
# then the cache counts as a miss and is left alone for ENGAGE_OUTAGE_BACKOFF
# seconds (lms/cache.py).
CACHE_CONNECT_TIMEOUT = env_float("CACHE_CONNECT_TIMEOUT", 1.0)
CACHE_SOCKET_TIMEOUT = env_float("CACHE_SOCKET_TIMEOUT", 1.0)
CACHE_URL = env_str("CACHE_URL", "")
if CACHE_URL.startswith("redis"):
    CACHES = {
        "default": {
            "BACKEND": "lms.cache.TolerantRedisCache",
            "LOCATION": CACHE_URL,
            "OPTIONS": {
                "socket_connect_timeout": CACHE_CONNECT_TIMEOUT,
                "socket_timeout": CACHE_SOCKET_TIMEOUT,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Authentication ---------------------------------------------------------------
# Configurable so SSO (SAML/OIDC) backends can be added without code changes.
# django-axes must come first: it refuses logins that are locked out.
AUTHENTICATION_BACKENDS = env_list(
    "AUTHENTICATION_BACKENDS",
    [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
        "lms.accounts.permissions.ObjectPermissionBackend",
    ],
)
_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]
LOGIN_URL = "engage_accounts:login"
LOGIN_REDIRECT_URL = "engage_frontend:dashboard"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day

# Login throttling: five failures for one username from one address lock it for
# fifteen minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "engage_accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_IPWARE_META_PRECEDENCE_ORDER = env_list("AXES_IP_HEADERS", ["REMOTE_ADDR"])

SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "frontend.views.csrf_failure"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# --- Internationalisation ---------------------------------------------------------
LANGUAGE_CODE = env_str("LANGUAGE_CODE", "en")
LANGUAGES = [("en", _("English")), ("nl", _("Dutch"))]
LOCALE_PATHS = [BASE_DIR / "frontend" / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Amsterdam")
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("nl", "Nederlands")]
# No Gravatar in the admin: it would send a hash of every listed person's e-mail
# address to a third party (and the CSP blocks its plain-http images anyway).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Static and media files ------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {
        "BACKEND": env_str(
            "MEDIA_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"
        ),
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
    # Files the site sends only after a permission check (journal attachments):
    # outside MEDIA_ROOT, so never reachable under MEDIA_URL.
    "engage_private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private"))
        },
    },
}

# --- Uploads ---------------------------------------------------------------------
ENGAGE_UPLOAD_MAX_BYTES = env_int("ENGAGE_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
ENGAGE_UPLOAD_EXTENSIONS = env_list(
    "ENGAGE_UPLOAD_EXTENSIONS",
    [
        "pdf",
        "docx",
        "pptx",
        "xlsx",
        "odt",
        "odp",
        "ods",
        "txt",
        "csv",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "webp",
    ],
)
# Office/OpenDocument uploads as zip archives (lms.uploads.archives; zip bombs).
ENGAGE_UPLOAD_MAX_INFLATED_BYTES = env_int(
    "ENGAGE_UPLOAD_MAX_INFLATED_BYTES", 200 * 1024 * 1024
)
ENGAGE_UPLOAD_MAX_COMPRESSION_RATIO = env_int(
    "ENGAGE_UPLOAD_MAX_COMPRESSION_RATIO", 100
)
ENGAGE_UPLOAD_MAX_ARCHIVE_MEMBERS = env_int("ENGAGE_UPLOAD_MAX_ARCHIVE_MEMBERS", 5000)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILDOCS_EXTENSIONS = [
    ext
    for ext in ENGAGE_UPLOAD_EXTENSIONS
    if ext not in {"png", "jpg", "jpeg", "gif", "webp"}
]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = ENGAGE_UPLOAD_MAX_BYTES
WAGTAILDOCS_MAX_UPLOAD_SIZE = ENGAGE_UPLOAD_MAX_BYTES
# Every upload through the Wagtail admin also passes lms.uploads (content checks).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "lms.wagtail_upload_forms.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "lms.wagtail_upload_forms.ImageForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Documents always pass through Wagtail's serve view (never a redirect to the
# storage), which checks collection and practice privacy and sends every type but
# PDF and plain text as a download, with nosniff and "default-src 'none'".
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True

# --- E-mail ----------------------------------------------------------------------
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds the worker waits on an SMTP server that does not answer; the e-mail
# stays unsent in its outbox row and is retried.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Engage PD <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery ----------------------------------------------------------------------
# The embedded default is kombu's filesystem transport: messages are files in
# var/celery/, so a real worker runs with no broker server at all.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")
CELERY_BROKER_FOLDER = Path(env_str("CELERY_BROKER_FOLDER", str(VAR_DIR / "celery")))
# A request waits at most about this long (seconds) on a broker that refuses or
# does not answer; the task is then left to its beat sweeper (lms/queueing.py).
BROKER_CONNECT_TIMEOUT = env_float("BROKER_CONNECT_TIMEOUT", 1.0)
BROKER_SOCKET_TIMEOUT = env_float("BROKER_SOCKET_TIMEOUT", 1.0)
# Each retry of a publish may wait the timeouts again.
BROKER_PUBLISH_RETRIES = env_int("BROKER_PUBLISH_RETRIES", 0)
if CELERY_BROKER_URL.startswith("filesystem"):
    CELERY_BROKER_TRANSPORT_OPTIONS = filesystem_broker_options(CELERY_BROKER_FOLDER)
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = broker_timeout_options(
        BROKER_CONNECT_TIMEOUT, BROKER_SOCKET_TIMEOUT
    )
CELERY_BROKER_CONNECTION_TIMEOUT = BROKER_CONNECT_TIMEOUT
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": BROKER_PUBLISH_RETRIES,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", "") or None
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = BROKER_CONNECT_TIMEOUT
CELERY_REDIS_SOCKET_TIMEOUT = BROKER_SOCKET_TIMEOUT
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "engage")
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    # Every minute: an e-mail that could not be queued (a broker that was down
    # or hanging) goes out within two minutes of the broker's return
    # (bench/redis_hang.py; it took up to ten with five minutes here).
    "retry-unsent-email": {
        "task": "lms.notifications.tasks.send_pending_emails",
        "schedule": 60.0,
    },
    "forward-xapi-statements": {
        "task": "lms.xapi.tasks.forward_all",
        "schedule": 60.0,
    },
    # Digest e-mails at 06:00 (CELERY_TIMEZONE); the weekly one on Mondays.
    "daily-digests": {
        "task": "lms.notifications.tasks.send_daily_digests",
        "schedule": crontab(hour=6, minute=0),
    },
    "weekly-digests": {
        "task": "lms.notifications.tasks.send_weekly_digests",
        "schedule": crontab(hour=6, minute=0, day_of_week="mon"),
    },
    # Certificates: reminders 60 and 14 days before they lapse (once each), and
    # any award whose issuing task was lost.
    "certificate-expiry-reminders": {
        "task": "certification.tasks.send_expiry_reminders",
        "schedule": crontab(hour=6, minute=30),
    },
    "issue-pending-certificates": {
        "task": "certification.tasks.issue_pending_credentials",
        "schedule": 3600.0,
    },
    # Status lists are valid for ENGAGE_CERTIFICATION_STATUS_LIST_HOURS (24); each
    # is re-signed once half has passed, so a missed run or two changes nothing.
    "refresh-certificate-status-lists": {
        "task": "certification.tasks.refresh_status_lists",
        "schedule": 3600.0,
    },
    # Yearly reports whose building task was lost (a broker that was down).
    "build-pending-reports": {
        "task": "frontend.tasks.build_pending_reports",
        "schedule": 600.0,
    },
    # Participants of sessions that ended are asked to evaluate them (once each).
    "session-evaluation-invitations": {
        "task": "trajectories.tasks.send_evaluation_invitations",
        "schedule": 900.0,
    },
}

# --- Security headers -------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail previews pages in a same-origin iframe
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)

# --- Wagtail ---------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Engage PD"
WAGTAILADMIN_BASE_URL = env_str("SITE_URL", "http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_LOGIN_URL = "engage_accounts:login"
WAGTAIL_PASSWORD_RESET_ENABLED = False  # the site's own reset pages are used

# --- REST framework -------------------------------------------------------------
# Every API view names its own classes (CONVENTIONS rule 8); these are the safe
# fallbacks for anything a host project adds.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication"
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.UserRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"user": "1000/hour", "anon": "100/hour"},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Throttles tell clients apart by address. With 0 trusted proxies that is the
    # connection's own address and X-Forwarded-For is ignored (a client could
    # otherwise reset its own throttle by sending one); behind N proxies, the
    # address the outermost trusted proxy saw.
    "NUM_PROXIES": env_int("ENGAGE_TRUSTED_PROXIES", 0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Engage PD API",
    "DESCRIPTION": "Programmes, practices, trajectories and certification.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["lms.openapi.only_engage_api"],
    # <id:pk> in a path (lms/converters.py): an integer of at most 18 digits.
    "PATH_CONVERTER_OVERRIDES": {
        "id": {"type": "integer", "minimum": 0, "maximum": 10**18 - 1}
    },
}

# A practice is published by its approved review (practices_db/workflow_actions.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "practices_db.workflow_actions.publish_approved"

# --- Engage PD ---------------------------------------------------------------------
ENGAGE_SITE_URL = WAGTAILADMIN_BASE_URL
ENGAGE_PLATFORM_NAME = "Engage PD"
# Ed25519 keys that sign certificates, "id:z3u2…" items (the first signs; the
# rest keep older credentials verifiable). See certification/openbadges/README.md.
ENGAGE_CERTIFICATION_KEYS = env_str("ENGAGE_CERTIFICATION_KEYS", "")
# How long a signed revocation list is valid (its validUntil); beat re-signs it
# once half has passed. A copy fetched before a revocation can be replayed to a
# verifier at most this long (docs/decisions/0006).
ENGAGE_CERTIFICATION_STATUS_LIST_HOURS = env_float(
    "ENGAGE_CERTIFICATION_STATUS_LIST_HOURS", 24.0
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
