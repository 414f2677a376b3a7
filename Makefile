# The press room's two commands: `make run` (demo on SQLite) and `make test` (the whole suite).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

# The first interpreter >= 3.12 found: python3.13, python3.12, pyenv's versions, then python3.
FIND_PYTHON = for candidate in python3.14 python3.13 python3.12 \
	$$(ls -d $$(pyenv root 2>/dev/null)/versions/3.1[2-9]*/bin/python 2>/dev/null | sort -rV) python3; do \
	  if command -v $$candidate >/dev/null 2>&1 && $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	    command -v $$candidate; exit 0; fi; done; exit 1

.PHONY: run test install install-dev browser-tools clean

$(PY):
	@python=$$($(FIND_PYTHON)) || { echo "No Python 3.12 or newer found. Install Python >= 3.12 (e.g. 'pyenv install 3.12') and run make again." >&2; exit 1; }; \
	  echo "Using $$python"; $$python -m venv $(VENV)

# What running the press room needs (requirements.txt); tests and tools add requirements-dev.txt.
$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# A local .env for the demo: DEBUG on and a random secret key. Never used in production.
.env:
	@printf 'DEBUG=on\nSECRET_KEY=%s\n' "$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env
	@echo "Wrote .env for local development (DEBUG on)."

# The demo server, and beside it the worker that sends alerts and confirmations (to the console);
# both stop together.
run: install .env
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo --demo-account --address http://127.0.0.1:$(PORT)
	@export SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}"; \
	  $(PY) manage.py db_worker --no-reload & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver 127.0.0.1:$(PORT)

# npm packages the browser checks use (axe-core, the W3C checker), kept in tests/node_modules.
tests/node_modules/.installed: tests/package.json tests/package-lock.json
	cd tests && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

browser-tools:
	@command -v npm >/dev/null && $(MAKE) --no-print-directory tests/node_modules/.installed || echo "npm not found: browser accessibility and HTML checks will be skipped (install Node.js)."

test: install-dev browser-tools
	$(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) tests/node_modules staticfiles .pytest_cache
