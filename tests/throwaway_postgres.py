"""A PostgreSQL cluster of a test's own, and the press room served from it by gunicorn, for outages.

The cluster lives in a temporary folder on a free port, so a test may stop it, start it again and cut
its connections without touching the shared server on 5432 that other test runs use. As root, the
cluster runs as the ``postgres`` user (PostgreSQL refuses to run as root).
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import psycopg
import pytest

from browser_checks import browser_tests_required

REPO = Path(__file__).resolve().parent.parent
# The settings also read REPO/.env when a developer has one; the served press room must not.
WITHOUT_DOTENV = "import environ; environ.Env.read_env = classmethod(lambda cls, *args, **kwargs: None)\n"


def postgres_bin():
    """The folder holding initdb and pg_ctl (the newest installed PostgreSQL), or a skip naming what to install."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parent.parent.name))
    if found:
        return found[-1].parent
    if shutil.which("pg_ctl"):
        return Path(shutil.which("pg_ctl")).parent
    message = "PostgreSQL's server programs are missing; to run this check, apt-get install postgresql."
    if browser_tests_required():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ThrowawayPostgres:
    def __init__(self):
        self.bin = postgres_bin()
        self.folder = Path(tempfile.mkdtemp(prefix="pressroom-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.folder, "postgres")
        self.run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8")
        self.start()

    def run(self, program, *arguments):
        subprocess.run(
            [*self.as_postgres, self.bin / program, *map(str, arguments)],
            check=True,
            capture_output=True,
            timeout=120,
        )

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run("pg_ctl", "-D", self.data, "-o", options, "-l", self.folder / "server.log", "-w", "start")

    def stop(self):
        self.run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def url(self, name="postgres"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def terminate_connections(self, name):
        """Cuts every connection to database ``name``, as a restart or a failover does; returns how many."""
        with psycopg.connect(self.url(), autocommit=True) as admin:
            return len(
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name]
                ).fetchall()
            )

    def remove(self):
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class PressRoomServer:
    """The press room under gunicorn on production settings (DEBUG off), on a database of its own."""

    def __init__(self, postgres, database, **settings):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.media = Path(tempfile.mkdtemp(prefix="pressroom-media-"))
        self.environment = {
            "PATH": os.environ["PATH"],
            "HOME": os.environ.get("HOME", "/tmp"),
            "DJANGO_SETTINGS_MODULE": "coalition.settings",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DEBUG": "off",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": postgres.url(database),
            "SECURE_SSL_REDIRECT": "off",
            "SESSION_COOKIE_SECURE": "off",
            "CSRF_COOKIE_SECURE": "off",
            "STATICFILES_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
            "MEDIA_ROOT": str(self.media / "public"),
            "PRIVATE_MEDIA_ROOT": str(self.media / "private"),
            **settings,
        }
        self.process = None

    def python(self, code):
        """Runs ``code`` with the server's settings and Django set up; returns what it printed."""
        result = subprocess.run(
            [sys.executable, "-c", WITHOUT_DOTENV + "import django\ndjango.setup()\n" + code],
            cwd=REPO,
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def start(self):
        arguments = [
            "gunicorn",
            "coalition.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            "1",
            "--no-control-socket",
        ]
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                WITHOUT_DOTENV + f"import sys\nsys.argv = {arguments!r}\n"
                "from gunicorn.app.wsgiapp import run\nrun()\n",
            ],
            cwd=REPO,
            env=self.environment,
            stdout=subprocess.DEVNULL,
            stderr=open(self.media / "server.log", "w"),  # noqa: SIM115 - closed with the process
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                assert self.process.poll() is None, self.log()
                time.sleep(0.2)
        raise AssertionError(f"gunicorn did not start:\n{self.log()}")

    def log(self):
        return (self.media / "server.log").read_text()

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
        shutil.rmtree(self.media, ignore_errors=True)


class Browser:
    """A person's browser without JavaScript: keeps cookies, follows no redirects, reads any status."""

    class _NoRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, server):
        self.server = server
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), self._NoRedirects()
        )

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        headers = {"Referer": self.server.url + path} if data is not None else {}
        request = urllib.request.Request(self.server.url + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as answer:
            return answer.code, answer.headers, answer.read().decode()

    def cookie(self, name):
        return next((cookie.value for cookie in self.cookies if cookie.name == name), None)
