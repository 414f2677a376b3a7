"""`make run PORT=…` serves the demo at that port and prints that address for signing in, as the README says.

Runs the real target (migrate, load the demo, runserver) on a SQLite file of its own, then asks the
printed address for the admin. The virtualenv and .env steps are taken as done (the test run has both).
"""

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(sys.prefix).relative_to(ROOT) if Path(sys.prefix).is_relative_to(ROOT) else Path(".venv")
STARTUP_SECONDS = 180


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_make_run_prints_the_address_it_serves_for_the_port_it_is_given(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        "SECRET_KEY": "make-run-test-only",
        "DEBUG": "on",
        "PYTHONUNBUFFERED": "1",
    }
    command = ["make", "--no-print-directory", "-o", ".env", "-o", str(VENV / ".installed"), "run", f"PORT={port}"]
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not any("Quit the server with" in line for line in lines):
            assert server.poll() is None, "make run stopped:\n" + "".join(lines)
            assert time.monotonic() < deadline, "make run did not start serving:\n" + "".join(lines)
            time.sleep(0.2)
        output = "".join(lines)
        printed = re.search(r"sign in at (\S+)", output).group(1)
        answer = urllib.request.urlopen(printed, timeout=10)  # Follows the redirect to the sign-in page.
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    assert printed == f"http://127.0.0.1:{port}/admin/"
    assert re.search(rf"Starting \w* ?development server at http://127.0.0.1:{port}/", output)
    assert answer.status == 200 and "/admin/login/" in answer.url
    assert ":8000" not in output


def test_the_readme_documents_the_port():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")

    assert "make run PORT=8100" in readme
