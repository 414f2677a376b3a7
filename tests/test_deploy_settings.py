"""A production deploy needs only DEBUG off, a secret key and the host names; every safety setting is on by default.

Each test starts a fresh Python with a clean environment, so only the variables named here count.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# The settings also read REPO/.env when a developer has one; skip it so it cannot decide the outcome.
WITHOUT_DOTENV = "import environ; environ.Env.read_env = classmethod(lambda cls, *args, **kwargs: None)\n"
PRODUCTION = {"DEBUG": "off", "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "press.example.org"}
SECURITY_DEFAULTS = {
    "SECURE_SSL_REDIRECT": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SECURE_REFERRER_POLICY": "strict-origin-when-cross-origin",
    "SECURE_CONTENT_TYPE_NOSNIFF": True,
    "X_FRAME_OPTIONS": "DENY",
}


def run_python(code, **variables):
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "coalition.settings",
        **PRODUCTION,
        **variables,
    }
    environment = {name: value for name, value in environment.items() if value is not None}
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_DOTENV + code],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def deploy_check(**variables):
    return run_python(
        "import runpy, sys\n"
        "sys.argv = ['manage.py', 'check', '--deploy', '--fail-level', 'WARNING']\n"
        "runpy.run_path('manage.py', run_name='__main__')\n",
        **variables,
    )


def settings_seen(*names, **variables):
    result = run_python(
        "import json\nfrom django.conf import settings\n"
        f"print(json.dumps({{name: getattr(settings, name) for name in {list(names)!r}}}))\n",
        **variables,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_deploy_check_passes_with_only_debug_off_a_secret_key_and_hosts():
    result = deploy_check()

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_deploy_check_fails_when_a_safety_setting_is_turned_off():
    result = deploy_check(SECURE_HSTS_SECONDS="0")

    assert result.returncode != 0
    assert "security.W004" in result.stderr


def test_a_missing_secret_key_stops_the_site_from_starting():
    result = run_python("from django.conf import settings\nsettings.DEBUG\n", SECRET_KEY=None)

    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_security_settings_are_on_by_default():
    seen = settings_seen("DEBUG", "ALLOWED_HOSTS", *SECURITY_DEFAULTS)

    assert seen == {"DEBUG": False, "ALLOWED_HOSTS": ["press.example.org"], **SECURITY_DEFAULTS}


@pytest.mark.parametrize(
    ("name", "written", "value"),
    [
        ("SECURE_SSL_REDIRECT", "off", False),
        ("SESSION_COOKIE_SECURE", "off", False),
        ("CSRF_COOKIE_SECURE", "off", False),
        ("SECURE_HSTS_SECONDS", "3600", 3600),
        ("SECURE_HSTS_INCLUDE_SUBDOMAINS", "off", False),
        ("SECURE_HSTS_PRELOAD", "off", False),
        ("SECURE_REFERRER_POLICY", "same-origin", "same-origin"),
        ("SECURE_CONTENT_TYPE_NOSNIFF", "off", False),
        ("X_FRAME_OPTIONS", "SAMEORIGIN", "SAMEORIGIN"),
    ],
)
def test_each_security_setting_is_overridable_under_its_django_name(name, written, value):
    seen = settings_seen(*SECURITY_DEFAULTS, **{name: written})

    assert seen == {**SECURITY_DEFAULTS, name: value}


def test_debug_on_relaxes_the_https_settings_for_local_work():
    seen = settings_seen("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "SECURE_HSTS_SECONDS", DEBUG="on")

    assert seen == {"SECURE_SSL_REDIRECT": False, "SESSION_COOKIE_SECURE": False, "SECURE_HSTS_SECONDS": 0}


def test_without_database_url_the_embedded_sqlite_file_is_used():
    database = settings_seen("DATABASES")["DATABASES"]["default"]

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(database["NAME"]) == REPO / "db.sqlite3"


def test_a_postgres_database_url_selects_postgresql():
    database = settings_seen("DATABASES", DATABASE_URL="postgres://press:s3cret@db.example.org:5432/pressroom")[
        "DATABASES"
    ]["default"]

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["USER"], database["HOST"], database["PORT"]) == (
        "pressroom",
        "press",
        "db.example.org",
        5432,
    )
