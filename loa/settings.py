"""Loa's one settings module, configured by environment variables.

Every deployment knob is an environment variable (see the README's "Configuration" section), so the
same code runs `make run` on a laptop, the test suite, and a province's production servers.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


VAR_DIR = Path(os.environ.get("LOA_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """SECRET_KEY from the environment, or one generated once and kept under var/.

    A fresh clone must run without configuration, yet a key baked into the code would sign every
    install's sessions with the same secret.
    """
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "loa.accounts",
    "loa.audit",
    "loa.units",
    "loa.orgs",
    "loa.workdays",
    "loa.bulletins",
    "loa.citizens",
    "loa.portal",
    "loa.legal",
    "loa.procedures",
    "loa.schedules",
    "loa.questions",
    "loa.syndication",
    "loa.reading",
    "loa.search",
    "loa.demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtailcache",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
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
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL alone: /en/... is English, every other path Vietnamese (see
    # loa/urls.py). An unprefixed path never follows Accept-Language or a cookie.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "loa.portal.redirects.PageRedirectMiddleware",
    "loa.audit.middleware.RequestContextMiddleware",
    # Axes must come last: it inspects the outcome of authentication in the views above.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "loa.urls"
WSGI_APPLICATION = "loa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "loa.portal.context_processors.fragment_cache",
            ],
        },
    },
]

# Database: SQLite under var/ by default, anything dj-database-url understands through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'loa.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web workers read while one of them writes; IMMEDIATE transactions take the write
    # lock up front so two writers queue on busy_timeout instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
            " PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0 if DEBUG else 600

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Caching: local memory by default, Redis when REDIS_URL is set. Two caches must be shared by the
# server's processes: the page cache ("pages"), so that publishing in one clears it for all, and
# "shared", the small values that tell every process its cached feed data is stale (a bulletin was
# approved or withdrawn, counts were flushed). Files under var/ by default, Redis when there is one.
PAGE_CACHE_SECONDS = int(os.environ.get("LOA_PAGE_CACHE_SECONDS", "300"))
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "loa",
        },
        "pages": {
            "BACKEND": "loa.portal.memory.RedisPagesCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "loa-pages",
            "TIMEOUT": PAGE_CACHE_SECONDS,
        },
        "shared": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "loa-shared",
        },
    }
else:
    # Buffered view counters live here until flushed: keep far more than Django's default 300 keys.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
        "pages": {
            "BACKEND": "loa.portal.memory.FileBasedPagesCache",
            "LOCATION": VAR_DIR / "cache" / "pages",
            "TIMEOUT": PAGE_CACHE_SECONDS,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
        "shared": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": VAR_DIR / "cache" / "shared",
            "OPTIONS": {"MAX_ENTRIES": 100_000},  # a generation per area: some 3,400
        },
    }
# Rendered fragments of portal pages ({% wagtailcache %}), kept in each process's memory under the
# pages generation (loa.portal.memory): unlike the caches above, nothing is pickled or read from disk.
CACHES["template_fragments"] = {"BACKEND": "loa.portal.memory.FragmentCache"}
WAGTAIL_CACHE = PAGE_CACHE_SECONDS > 0
WAGTAIL_CACHE_BACKEND = "pages"
WAGTAIL_CACHE_HEADER = "X-Loa-Cache"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# E-mail (reminders, answers to citizens' questions): through EMAIL_HOST when it is set; otherwise
# written to the server's log, so that an install without a mail server loses no action to it.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Loa <no-reply@localhost>")

# Authentication: Axes counts failures and locks out; the role backend derives admin access from
# role assignments instead of storing a second copy of them as permissions.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "loa.orgs.backends.RolePermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "loa.accounts.validators.CharacterClassValidator"},
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOA_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_VERBOSE = False
LOGIN_URL = "wagtailadmin_login"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60
SECURE = env_bool("LOA_SECURE")
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
if SECURE:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"
# nginx in front sets X-Forwarded-For; only trust it when told to, or anyone could forge an address.
LOA_TRUSTED_PROXY_COUNT = int(os.environ.get("LOA_TRUSTED_PROXY_COUNT", "0"))

# Internationalization: Vietnamese first, English second; Vietnam's one time zone.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# The first is generated from the source by `make messages`; the second mends Wagtail's catalogue.
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "locale_overrides"]
# Pages in both languages: each site has a Vietnamese tree and, once its editors translate it, an
# English tree (Wagtail's locales); Vietnamese is served at the plain URLs, English under /en/.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("LOA_MEDIA_ROOT", VAR_DIR / "media"))
# `make run` serves public media itself; in production nginx does (see the README).
LOA_SERVE_MEDIA = env_bool("LOA_SERVE_MEDIA", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("LOA_PLAIN_STATIC")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# The citizen API: identity tokens signed by the identity provider, verified against its public keys.
# Without LOA_CITIZEN_JWKS a development key pair is generated under var/ and trusted, so that
# `manage.py citizen_token` can sign demo tokens; production sets the provider's JWKS file.
LOA_CITIZEN_JWKS = os.environ.get("LOA_CITIZEN_JWKS", "")
LOA_CITIZEN_ISSUER = os.environ.get("LOA_CITIZEN_ISSUER", "loa-dev-identity")
LOA_CITIZEN_AUDIENCE = os.environ.get("LOA_CITIZEN_AUDIENCE", "loa")
# Key of the pseudonyms under which citizens' interactions are kept (Decree 13/2023): never the
# identity number itself. Changing it severs every citizen from their past reactions and comments.
LOA_PSEUDONYM_KEY = os.environ.get("LOA_PSEUDONYM_KEY", "") or SECRET_KEY

WAGTAIL_SITE_NAME = "Loa"
WAGTAILADMIN_BASE_URL = os.environ.get("LOA_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
