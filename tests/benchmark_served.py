"""Benchmark, not a test: requests per second as served, against the floor, in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pressroom_served .venv/bin/python tests/benchmark_served.py

Needs wrk (apt-get install wrk) and a throwaway PostgreSQL database (migrated and given the demo
press room). It starts gunicorn with 2 sync workers three times, one after the other: on the floor (a
minimal Django view behind Django's default middleware, tests/floor_site.py), on the press room as
served (the shared cache in Redis, CACHE_URL=redis://127.0.0.1:6379/2, so the page cache serves
repeat readers), and on the press room with every cache off (CACHE_URL=dummycache://). Each page is
loaded with ``wrk -t2 -c16`` for DURATION seconds; req/s and the ratio to the floor are printed.
Client and servers share the machine: compare ratios from one run, not absolute numbers across runs.
"""

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
DURATION = int(os.environ.get("DURATION", "10"))
PORT = 8765
BASE_ENV = {
    **os.environ,
    "SECRET_KEY": "benchmark-only",
    "DEBUG": "off",
    "SECURE_SSL_REDIRECT": "off",
    "STATICFILES_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
    "LOG_LEVEL": "WARNING",
}


def serve(app, env):
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            app,
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=2).close()
            return process
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError(f"{app} did not start")


def load(path):
    output = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{DURATION}s", f"http://127.0.0.1:{PORT}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    failures = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    assert not failures, f"{path}: {failures.group(1)} failed requests"
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def measured(app, env, paths):
    process = serve(app, env)
    try:
        for path in paths:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=10).close()  # Warm.
        return {path: load(path) for path in paths}
    finally:
        process.terminate()
        process.wait()


def pages():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coalition.settings")
    for key, value in BASE_ENV.items():
        os.environ.setdefault(key, value)
    import django

    django.setup()
    from django.core.management import call_command

    from releases.models import Release

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    release = Release.objects.published().order_by("-released_at").first()
    return {
        "release page": release.get_absolute_url(),
        "home": "/",
        "release list": "/releases/",
        "RSS feed": "/feeds/rss/",
        "Atom feed": "/feeds/atom/",
        "sitemap": "/sitemap-releases.xml",
    }


def main():
    paths = pages()
    floor = measured(
        "floor_site:application",
        {**BASE_ENV, "DJANGO_SETTINGS_MODULE": "floor_site", "PYTHONPATH": str(ROOT / "tests")},
        ["/"],
    )["/"]
    print(f"floor (minimal Django view, default middleware): {floor:8.0f} req/s")
    for label, cache_url in (("as served (Redis)", "redis://127.0.0.1:6379/2"), ("every cache off", "dummycache://")):
        env = {**BASE_ENV, "CACHE_URL": cache_url}
        if cache_url.startswith("redis"):
            subprocess.run(["redis-cli", "-n", "2", "flushdb"], check=True, capture_output=True)
        results = measured("coalition.wsgi", env, list(paths.values()))
        print(f"\n{label}")
        for name, path in paths.items():
            print(f"  {name:14} {results[path]:8.0f} req/s   {results[path] / floor:5.2f}× the floor")


if __name__ == "__main__":
    main()
