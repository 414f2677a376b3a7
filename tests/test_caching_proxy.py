"""The documented deployment behind nginx (``deploy/nginx/``): it keeps what the app marks public for as
long as the app says, bypasses its cache for signed-in staff, passes 304s, keeps nothing private, and a
release scheduled two seconds ahead appears through it at its moment."""

import datetime as dt
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from app_servers import ROOT, app_servers, free_port, get, in_another_process

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="app servers share the PostgreSQL test database"),
    pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed (apt-get install nginx)"),
]
DEPLOY = ROOT / "deploy" / "nginx"


def test_nginx_config(tmp_path: Path, upstream: str, port: int) -> Path:
    """An nginx.conf for this test: the shipped cache zone and proxy rules, on a local port and cache folder."""
    cache_line = (DEPLOY / "cache.conf").read_text().replace("/var/cache/nginx/pressroom", str(tmp_path / "cache"))
    config = tmp_path / "nginx.conf"
    config.write_text(
        f"""daemon off;
{"user root;" if os.geteuid() == 0 else ""}
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    {cache_line}
    upstream pressroom {{ server {upstream.removeprefix("http://")}; keepalive 8; }}
    server {{
        listen 127.0.0.1:{port};
        location / {{ include {DEPLOY / "proxy.conf"}; }}
    }}
}}
"""
    )
    return config


test_nginx_config.__test__ = False  # A helper, despite its name.


@pytest.fixture
def proxy(tmp_path, make_release):
    make_release(headline="Already public", released_at=timezone.now() - dt.timedelta(hours=1))
    in_another_process("from django.core.management import call_command; call_command('createcachetable')")
    with app_servers(1) as (upstream,):
        port = free_port()
        config = test_nginx_config(tmp_path, upstream, port)
        process = subprocess.Popen(["nginx", "-c", str(config), "-p", str(tmp_path)], stderr=subprocess.PIPE)
        try:
            url = f"http://127.0.0.1:{port}"
            for _ in range(50):
                try:
                    get(url + "/robots.txt")
                    break
                except OSError:
                    time.sleep(0.1)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=10)


def cache_status(url, headers=None):
    status, answer_headers, body = get(url, headers)
    return status, answer_headers.get("X-Cache-Status"), body


def test_public_pages_are_kept_and_revalidated(proxy):
    first = cache_status(proxy + "/releases/")
    again = cache_status(proxy + "/releases/")

    assert first[:2] == (200, "MISS") and again[:2] == (200, "HIT") and again[2] == first[2]
    etag = get(proxy + "/releases/")[1]["ETag"]
    assert cache_status(proxy + "/releases/", {"If-None-Match": etag})[:2] == (304, "HIT")


def test_signed_in_staff_bypass_the_cache_and_private_pages_are_never_kept(proxy):
    cache_status(proxy + "/")
    assert cache_status(proxy + "/", {"Cookie": "sessionid=someones-session"})[1] == "BYPASS"
    cache_status(proxy + "/admin/login/")
    assert cache_status(proxy + "/admin/login/")[1] != "HIT"


def test_a_release_scheduled_two_seconds_ahead_appears_through_the_proxy_at_its_moment(proxy):
    """Pages made before the moment say so in their max-age: the proxy drops them when it comes.
    (A page kept before a release was scheduled lives its PUBLIC_CACHE_SECONDS: keep that short.)"""
    moment = dt.datetime.fromisoformat(
        in_another_process(
            "import datetime as dt; from django.utils import timezone; from releases.models import Release; "
            "r = Release.objects.create(headline='Embargo lifts', slug='embargo-lifts', body='<p>Now.</p>', "
            "status='published', released_at=timezone.now() + dt.timedelta(seconds=2)); "
            "print(r.released_at.isoformat())"
        ).strip()
    )
    seen = []
    while timezone.now() < moment + dt.timedelta(seconds=1.5):
        sent = timezone.now()
        _status, _cache, body = cache_status(proxy + "/")
        seen.append((sent, timezone.now(), b"Embargo lifts" in body))
        time.sleep(0.05)

    assert not [done for sent, done, shown in seen if shown and done < moment], "shown before its moment"
    # The proxy kept the page at most until the moment (whole seconds): it shows the release within a second.
    assert not [sent for sent, done, shown in seen if not shown and sent >= moment + dt.timedelta(seconds=1)]
    assert seen[-1][2]
    assert any(cache == "HIT" for cache in [cache_status(proxy + "/")[1], cache_status(proxy + "/")[1]])
