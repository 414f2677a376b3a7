"""Real app-server processes (gunicorn) on the test database, and a separate process that changes data,
for the tests that prove what one process caches or decides, every other one sees."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
LOGS = ROOT / "test-artifacts"


def database_url():
    """The test database (PostgreSQL), as a DATABASE_URL other processes can use."""
    settings = connection.settings_dict
    user, host, port = settings["USER"] or "postgres", settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


def environment(cache_url=None, **extra):
    env = {**os.environ, "DATABASE_URL": database_url(), "CONN_MAX_AGE": "0", **extra}
    env.pop("CACHE_URL", None)  # Unset: the default, the database's cache table.
    if cache_url:
        env["CACHE_URL"] = cache_url
    return env


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def app_servers(count, cache_url=None, **settings):
    """``count`` gunicorn servers (one worker each), yielding their base URLs; stopped afterwards.

    What each prints goes to ``test-artifacts/app-server-PORT.log``.
    """
    ports = [free_port() for _ in range(count)]
    LOGS.mkdir(exist_ok=True)
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "coalition.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=ROOT,
            env=environment(cache_url, **settings),
            stdout=subprocess.DEVNULL,
            stderr=(LOGS / f"app-server-{port}.log").open("w"),
        )
        for port in ports
    ]
    try:
        urls = [f"http://127.0.0.1:{port}" for port in ports]
        for url, process in zip(urls, processes, strict=True):
            _wait_until_up(url, process)
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)


def _wait_until_up(url, process, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app server at {url} exited: see its log in {LOGS}")
        try:
            urllib.request.urlopen(f"{url}/robots.txt", timeout=2).close()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):  # a busy machine: not up yet
            time.sleep(0.1)
    raise RuntimeError(f"app server at {url} did not start")


def in_another_process(code, cache_url=None):
    """Run Python ``code`` in a fresh Django process (``manage.py shell``) on the test database."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=environment(cache_url),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def get(url, headers=None):
    """(status, headers, body) of a GET, 304s and errors included."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
