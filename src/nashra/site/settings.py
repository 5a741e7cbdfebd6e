"""Nashra's one settings module, driven by the environment.

Every variable is listed in the README's settings table. A malformed value raises
`ConfigurationError` at import time; `nashra` and `manage.py` print it as one line.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _

from nashra.kernel.cache_settings import cache_settings
from nashra.kernel.database import database_from_url
from nashra.kernel.env import ConfigurationError, env_bool, env_int, env_list, env_str, var_dir

SRC_DIR = Path(__file__).resolve().parents[1]  # src/nashra
PROJECT_DIR = SRC_DIR.parents[1]
VAR_DIR = var_dir()

DEBUG = env_bool("DEBUG", default=False)
TESTING = env_bool("NASHRA_TESTING", default=False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ConfigurationError(
            "SECRET_KEY is not set; set it (any long random string) or set DEBUG=true"
        )
    SECRET_KEY = "insecure-development-key-only-for-debug"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "nashra.site",
    "nashra.newsroom",
    "nashra.prayer",
    "nashra.hijri",
    "nashra.weather",
    "nashra.search",
    "nashra.syndication",
    "nashra.wire",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
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
    "django_filters",
    "ninja",  # Swagger UI for /api/v1/docs from our own static files, not a CDN
    "huey.contrib.djhuey",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "nashra.kernel.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the page cache: a story whose time has come is published (and the cache
    # purged) before a cached page could be served without it.
    "nashra.newsroom.scheduling.PublishOverdueMiddleware",
    "nashra.kernel.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After the user is known, before anything reads the body (CSRF reads request.POST).
    "nashra.kernel.request_body.RequestBodyLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its 429 page.
    "axes.middleware.AxesMiddleware",
]

# Sign-in lockout (django-axes): after NASHRA_LOGIN_FAILURE_LIMIT failures for one
# username, or from one address, further attempts are refused for
# NASHRA_LOGIN_LOCKOUT_MINUTES before any password is hashed (the axes backend comes
# first and stops authentication). Failures are counted in the database, so every app
# server sees them. A successful sign-in clears the account's count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
NASHRA_LOGIN_FAILURE_LIMIT = env_int("NASHRA_LOGIN_FAILURE_LIMIT", 10, minimum=1)
NASHRA_LOGIN_LOCKOUT_MINUTES = env_int("NASHRA_LOGIN_LOCKOUT_MINUTES", 15, minimum=1)
NASHRA_LOGIN_LOCKOUT_SECONDS = NASHRA_LOGIN_LOCKOUT_MINUTES * 60
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = NASHRA_LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=NASHRA_LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "site/locked_out.html"
AXES_VERBOSE = False

ROOT_URLCONF = "nashra.site.urls"
WSGI_APPLICATION = "nashra.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(env_str("DATABASE_URL"), VAR_DIR / "nashra.sqlite3"),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ConfigurationError("REDIS_URL must start with redis://, rediss:// or unix://")

CACHE_KEY_PREFIX = env_str("NASHRA_CACHE_PREFIX", "nashra")
CACHES = cache_settings(REDIS_URL, CACHE_KEY_PREFIX)
# Without Redis each app-server process has its own cache: the purge generation lives in
# a file they all read, so a purge reaches every process at once (docs/caching.md).
PURGE_GENERATION_FILE = None if REDIS_URL else VAR_DIR / "purge-generation"

# Background jobs: Huey, on SQLite by default and on Redis when REDIS_URL is set.
# Tests run tasks immediately (in memory) unless they ask otherwise.
HUEY_IMMEDIATE = env_bool("NASHRA_TASKS_IMMEDIATE", default=TESTING)
if REDIS_URL:
    HUEY = {
        "name": CACHE_KEY_PREFIX,
        "huey_class": "huey.RedisHuey",
        "url": REDIS_URL,
        "immediate": HUEY_IMMEDIATE,
        "utc": True,
        "consumer": {"workers": 2, "worker_type": "thread"},
    }
else:
    HUEY = {
        "name": CACHE_KEY_PREFIX,
        "huey_class": "huey.SqliteHuey",
        "filename": str(VAR_DIR / "tasks.sqlite3"),
        "immediate": HUEY_IMMEDIATE,
        "utc": True,
        "consumer": {"workers": 2, "worker_type": "thread"},
    }

# NIST SP 800-63B / OWASP ASVS: at least 12 characters, not on the common-password list,
# not all digits, not like the user's name or e-mail, not containing the site's name or
# the username (nashra.kernel.passwords). Every path that sets a password applies them:
# the admin's forms, `nashra createadmin`, the demo account.
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "nashra.kernel.passwords.ContextWordsValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ar", _("Arabic"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Asia/Dubai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("NASHRA_STATIC_ROOT") or VAR_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("NASHRA_MEDIA_ROOT") or VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies (nashra.kernel.request_body): anonymous ones are small forms; signed-in
# people upload images and documents through the admin.
NASHRA_ANONYMOUS_BODY_LIMIT_KB = env_int("NASHRA_ANONYMOUS_BODY_LIMIT_KB", 256, minimum=1)
NASHRA_UPLOAD_LIMIT_MB = env_int("NASHRA_UPLOAD_LIMIT_MB", 64, minimum=1)

WAGTAIL_SITE_NAME = "Nashra"
WAGTAILADMIN_BASE_URL = env_str("NASHRA_BASE_URL", "http://localhost:8000").rstrip("/")
PUBLIC_URL_IS_HTTPS = urlsplit(WAGTAILADMIN_BASE_URL).scheme == "https"

# Production posture (docs/operating.md): an https NASHRA_BASE_URL turns on the SSL
# redirect and secure cookies; HSTS is on unless DEBUG (Django sends it over https only).
SECURE_SSL_REDIRECT = env_bool("NASHRA_SSL_REDIRECT", default=PUBLIC_URL_IS_HTTPS)
# Health probes (load balancers, `nashra serve`'s own checks) talk plain http on loopback.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool(
    "NASHRA_SECURE_COOKIES", default=PUBLIC_URL_IS_HTTPS
)
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("NASHRA_HSTS_SECONDS", 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("NASHRA_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env_bool("NASHRA_HSTS_PRELOAD", default=False)
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views allow their own admin frame
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Behind a TLS proxy (nginx, Caddy) that sets X-Forwarded-Proto and X-Forwarded-Host.
# Only turn it on when the proxy is the only way in: a client reaching the app directly
# could claim https.
NASHRA_BEHIND_PROXY = env_bool("NASHRA_BEHIND_PROXY", default=False)
if NASHRA_BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
# The public URL's origin may always post to the admin (its login form, behind a proxy).
CSRF_TRUSTED_ORIGINS = [
    f"{urlsplit(WAGTAILADMIN_BASE_URL).scheme}://{urlsplit(WAGTAILADMIN_BASE_URL).netloc}",
    *env_list("NASHRA_CSRF_TRUSTED_ORIGINS"),
]

# Content-Security-Policy (nashra.kernel.security_headers): everything from our own
# origin, no inline script or style. Video embeds in stories may frame these origins.
NASHRA_CSP_EMBED_ORIGINS = env_list(
    "NASHRA_CSP_EMBED_ORIGINS",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
NASHRA_CSP = {
    "default-src": ["'self'"],
    "base-uri": ["'self'"],
    "connect-src": ["'self'"],
    "font-src": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "frame-src": NASHRA_CSP_EMBED_ORIGINS or ["'none'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
}
# The least Wagtail's admin needs beyond that, by path prefix (the longest prefix wins;
# tests/browser/test_csp.py loads each area in Chromium and fails on any violation).
# Wagtail 8's page editor runs inline scripts and its widgets inject inline styles, so
# the signed-in admin allows them; the sign-in page, open to anyone, keeps the strict
# policy. Swagger UI at /api/v1/docs needs nothing more.
NASHRA_CSP_EXTRA_BY_PATH = {
    "/admin/": {
        "frame-ancestors": ["'self'"],  # the live preview frames admin views
        "frame-src": ["'self'"],
        "script-src": ["'unsafe-inline'"],
        "style-src": ["'unsafe-inline'"],
    },
    "/admin/login/": {},
}
NASHRA_PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
# Wagtail's database backend (wrapped by nashra.search.backends) uses PostgreSQL full-text
# search with the english stemmer on PostgreSQL, and FTS5 with the porter tokenizer on
# SQLite (nashra.search's migration).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "nashra.search.backends", "SEARCH_CONFIG": "english"}
}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# The largest picture an editor may upload. 50 megapixels takes a full-resolution frame
# from the 45-megapixel bodies news photographers carry, and bounds what one decode costs
# (about 150 MB as RGB) in the worker that makes renditions; Wagtail's own cap is 128.
NASHRA_MAX_IMAGE_MEGAPIXELS = env_int("NASHRA_MAX_IMAGE_MEGAPIXELS", 50, minimum=1)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = NASHRA_MAX_IMAGE_MEGAPIXELS * 1_000_000
# Renditions are written without the EXIF/GPS/camera metadata of the original.
WAGTAILIMAGES_RENDITION_STORAGE = "nashra.newsroom.images.RenditionStorage"
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt"]
# Documents are reached only through Wagtail's view, which checks a private collection's
# restriction; the media route never serves documents/ (nashra.site.media).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_WORKFLOW_ENABLED = True
# No Gravatar: the admin makes no third-party request (and shows no broken avatar offline).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Our own settings.
NASHRA_PAGE_CACHE_SECONDS = env_int("NASHRA_PAGE_CACHE_SECONDS", 60, minimum=0)
# Public requests publish overdue scheduled stories at most once per this many seconds.
NASHRA_OVERDUE_CHECK_SECONDS = env_int("NASHRA_OVERDUE_CHECK_SECONDS", 15, minimum=1)
NASHRA_SECTION_PAGE_SIZE = env_int("NASHRA_SECTION_PAGE_SIZE", 12, minimum=1)
NASHRA_SEARCH_PAGE_SIZE = env_int("NASHRA_SEARCH_PAGE_SIZE", 10, minimum=1)
# Search ranks the latest this-many matching stories by relevance (nashra.search.backends):
# 20 pages of results. Each 100 more costs about 3 ms on SQLite and 10 ms on PostgreSQL
# at 100,000 stories (bench/search.py).
NASHRA_SEARCH_WINDOW = env_int("NASHRA_SEARCH_WINDOW", 200, minimum=1)
NASHRA_PUBLISHER_NAME = env_str("NASHRA_PUBLISHER_NAME", "Nashra")
NASHRA_PUBLIC_TIME_ZONE = "Asia/Dubai"
# Comma-separated place slugs for the header prayer table (`nashra prayer places`).
NASHRA_PRAYER_HEADER_PLACES = env_str("NASHRA_PRAYER_HEADER_PLACES", "")
# A single machine serves uploaded images itself; behind a CDN or nginx, turn this off.
NASHRA_SERVE_MEDIA = env_bool("NASHRA_SERVE_MEDIA", default=True)
# The password of the demo `editor` account that `nashra setup --demo` creates; unset, a
# random one is made and printed once. It must pass AUTH_PASSWORD_VALIDATORS.
NASHRA_DEMO_PASSWORD = env_str("NASHRA_DEMO_PASSWORD")

# Weather (docs/weather.md): the provider chain, in order; the first valid answer wins.
# A misconfigured provider is skipped with a system-check warning (nashra.W1xx).
NASHRA_WEATHER_PROVIDERS = env_list("NASHRA_WEATHER_PROVIDERS", "open-meteo,metar")
NASHRA_OPEN_METEO_URL = env_str("NASHRA_OPEN_METEO_URL", "https://api.open-meteo.com")
NASHRA_OPEN_METEO_API_KEY = env_str("NASHRA_OPEN_METEO_API_KEY")
NASHRA_MET_OFFICE_URL = env_str(
    "NASHRA_MET_OFFICE_URL", "https://data.hub.api.metoffice.gov.uk/sitespecific/v0"
)
NASHRA_MET_OFFICE_API_KEY = env_str("NASHRA_MET_OFFICE_API_KEY")
NASHRA_METAR_URL = env_str("NASHRA_METAR_URL", "https://aviationweather.gov/api/data")
NASHRA_METAR_FORMAT = env_str("NASHRA_METAR_FORMAT", "json")  # json or raw
NASHRA_WEATHER_PLACE = env_str("NASHRA_WEATHER_PLACE", "dubai")
NASHRA_WEATHER_TIMEOUT = env_int("NASHRA_WEATHER_TIMEOUT", 10, minimum=1)
NASHRA_WEATHER_RETRIES = env_int("NASHRA_WEATHER_RETRIES", 2, minimum=0)
NASHRA_WEATHER_REFRESH_MINUTES = env_int("NASHRA_WEATHER_REFRESH_MINUTES", 15, minimum=1)
if NASHRA_WEATHER_REFRESH_MINUTES > 60:
    raise ConfigurationError(
        f"NASHRA_WEATHER_REFRESH_MINUTES must be at most 60, not {NASHRA_WEATHER_REFRESH_MINUTES}"
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "nashra": {
            "handlers": ["console"],
            "level": env_str("NASHRA_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

# Mail: only to a server the operator names. Without one, nothing is sent (the console
# backend) and the admin offers no password reset, whose e-mail could never arrive.
NASHRA_EMAIL_HOST = env_str("NASHRA_EMAIL_HOST")
EMAIL_HOST = NASHRA_EMAIL_HOST or "localhost"
EMAIL_PORT = env_int("NASHRA_EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = env_str("NASHRA_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("NASHRA_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("NASHRA_EMAIL_TLS", default=True)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_str("NASHRA_EMAIL_FROM", "nashra@localhost")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if NASHRA_EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
WAGTAIL_PASSWORD_RESET_ENABLED = bool(NASHRA_EMAIL_HOST)

# ArticlePage indexes its title through NormalisedSearchField (Arabic folding), which
# Wagtail's check does not recognise as the core title field.
SILENCED_SYSTEM_CHECKS = ["wagtailsearch.W001"]
