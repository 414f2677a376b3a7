"""Settings for the press room, read from the environment (and an optional .env file).

Every variable is documented in .env.example. With DEBUG off, the production-safe security
settings are the defaults; each can be overridden under Django's own setting name.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# Real environment variables win over the file.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "coalition.apps.PressRoomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_prose_editor",
    "reversion",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "members",
    "releases",
    "signin",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside everything that can answer, so every answer carries them (the edge's and error pages too).
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Before static files, caches and sessions: control characters reach none of them.
    "coalition.hostile_bytes.RejectControlCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Early in the list, so it sees the response last: after any middleware below sets a cookie.
    "releases.caching.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The reader's pages in the language of their address; the admin in the browser's (coalition/locale.py).
    "coalition.locale.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "releases.redirects.ShortlinkMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether this session gave the second step, then: until it does, only the sign-in pages know the user.
    "django_otp.middleware.OTPMiddleware",
    "signin.mfa.SecondStepMiddleware",
    # The admin in the language each staff member chose, over their browser's (signin/language.py).
    "signin.language.StaffLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A view or template that finds the database out of reach answers 503 (coalition/outages.py).
    "coalition.outages.OutageMiddleware",
    # Last, as django-axes asks: turns a sign-in refused for lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coalition.urls"
WSGI_APPLICATION = "coalition.wsgi.application"

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
                "django.template.context_processors.i18n",
                "members.context_processors.coalition",
            ],
        },
    },
]

# Unset DATABASE_URL means the embedded SQLite file; postgres://... means PostgreSQL (psycopg 3).
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# A reused connection is checked before a request's first query: after a database restart the press room
# reconnects instead of failing that request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer is an outage page within seconds, not a request hanging.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache every process shares: unset CACHE_URL means a table in the database (created by
# migrate); redis://host:6379/1 for a dedicated cache; dummycache:// turns every cache off.
CACHES = {"default": env.cache("CACHE_URL", default="dbcache://press_room_cache")}

# Unset EMAIL_URL sends through the local mail server (prints to the console with DEBUG on);
# smtp+tls://user:password@host:587 sends through another.
_email = env.email_url_config(env("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25"))
_email_options = {
    "host": "EMAIL_HOST",
    "port": "EMAIL_PORT",
    "username": "EMAIL_HOST_USER",
    "password": "EMAIL_HOST_PASSWORD",
    "use_tls": "EMAIL_USE_TLS",
    "use_ssl": "EMAIL_USE_SSL",
    "file_path": "EMAIL_FILE_PATH",
}
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": {option: _email[key] for option, key in _email_options.items() if _email.get(key)},
    }
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="press@localhost")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
ADMINS = [("Admin", email) for email in env.list("ADMINS", default=[])]

# Where the press room lives, for the links in emails (a worker has no request to ask): https in production.
SITE_URL = env("SITE_URL", default="http://localhost:8000").rstrip("/")

# Background work (alerts, confirmations, embargo mailings) through Django's Tasks framework: by
# default a queue in the database, run by `manage.py db_worker`; see the README for Redis (RQ).
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}
if TASKS["default"]["BACKEND"].startswith("django_tasks_rq."):
    # Scale-out: RQ on Redis (pip install django-tasks-rq; run `manage.py rqworker --with-scheduler`).
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": env("RQ_URL", default="redis://127.0.0.1:6379/0")}}
# Alerts: messages per second each worker sends (0: no limit), how many one task sends before
# handing over, and how long before a batch whose worker died is taken up again.
ALERTS_PER_SECOND = env.float("ALERTS_PER_SECOND", default=5)
ALERT_BATCH_SIZE = env.int("ALERT_BATCH_SIZE", default=100)
ALERT_RETRY_SECONDS = env.int("ALERT_RETRY_SECONDS", default=120)
# Subscriptions: days a request waits for its confirmation, and requests allowed per address per hour.
SUBSCRIPTION_CONFIRM_DAYS = env.int("SUBSCRIPTION_CONFIRM_DAYS", default=7)
SUBSCRIPTION_REQUESTS_PER_HOUR = env.int("SUBSCRIPTION_REQUESTS_PER_HOUR", default=10)

# Staff sign-in (signin/): lockout after repeated failures (django-axes, checked before the password), then
# a second step (django-otp: an authenticator app, or a recovery code) for publishers and superusers.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "signin.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "signin.lockout.client_address"
# Reverse proxies in front of the app servers, each adding to X-Forwarded-For; 0 means REMOTE_ADDR is the client.
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
# Publishers and superusers give a second step when DEBUG is off; anyone with an authenticator always does.
REQUIRE_STAFF_MFA = env.bool("REQUIRE_STAFF_MFA", default=True)
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="Press room")
# Nobody reads another person's authenticator secret in the admin: apps are set up only through the
# one-time enrolment links (signin/); the device admin's key and QR pages answer 403.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = env("LANGUAGE_CODE", default="en")
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The coalition's own zone: release moments are shown in it (and in UTC).
TIME_ZONE = env("TIME_ZONE", default="America/Chicago")
USE_I18N = True
USE_TZ = True

# How long browsers, proxies and CDNs may keep a public page; never past the next scheduled release.
PUBLIC_CACHE_SECONDS = env.int("PUBLIC_CACHE_SECONDS", default=60)
# How long the press room's own page cache keeps a public page (never past the next scheduled
# release, never after any public-facing change), and how long a request waits for another's render.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
PAGE_CACHE_WAIT = env.float("PAGE_CACHE_WAIT", default=2.0)

# Region assumed for phone numbers written without a country code.
PHONE_DEFAULT_REGION = env("PHONE_DEFAULT_REGION", default="US")

STATIC_URL = env("STATIC_URL", default="/static/")
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# For object storage, point PRIVATE_MEDIA_STORAGE at a private bucket's backend.
_private_storage = env("PRIVATE_MEDIA_STORAGE", default="django.core.files.storage.FileSystemStorage")
STORAGES = {
    # Set MEDIA_STORAGE to e.g. storages.backends.s3.S3Storage for object storage.
    "default": {"BACKEND": env("MEDIA_STORAGE", default="django.core.files.storage.FileSystemStorage")},
    # Release images and attachments, never served directly (see releases/serving.py).
    "private": {
        "BACKEND": _private_storage,
        "OPTIONS": {"location": env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "media-private")}
        if _private_storage.endswith("FileSystemStorage")
        else {},
    },
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_STORAGE",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = env.int("FILE_UPLOAD_MAX_MEMORY_SIZE", default=5 * 1024 * 1024)

# Security: production-safe unless DEBUG is on; every one overridable by its own name.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_REFERRER_POLICY = env("SECURE_REFERRER_POLICY", default="strict-origin-when-cross-origin")
SECURE_CONTENT_TYPE_NOSNIFF = env.bool("SECURE_CONTENT_TYPE_NOSNIFF", default=True)
X_FRAME_OPTIONS = env("X_FRAME_OPTIONS", default="DENY")
if env.bool("USE_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *env.list("CSP_MEDIA_ORIGINS", default=[])],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# The rich-text editor's own extension: pasted HTML is cleaned by the server before it enters the editor.
# It adds nothing to django-prose-editor's allow-list: releases/sanitizing.py has the press room's own.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {"js": [static_lazy("js/prose-paste.js")], "extensions": {"PasteCleaner": html_tags([])}},
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"outages_are_not_errors": {"()": "coalition.outages.OutagesAreNotErrors"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.request": {"filters": ["outages_are_not_errors"]},
        # WeasyPrint reports each step of every PDF at INFO.
        "weasyprint.progress": {"level": "WARNING"},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}
