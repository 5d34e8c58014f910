# Loa: `make run` serves the demo, `make test` runs the whole suite. Both set themselves up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2

.PHONY: run test test-sqlite test-postgres setup demo messages bench screenshots clean

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

setup: $(INSTALLED)

var/static/staticfiles.json: $(INSTALLED) $(shell find loa -path '*/static/*' -type f 2>/dev/null)
	$(PY) manage.py collectstatic --noinput --verbosity 0

demo: $(INSTALLED)
	$(PY) manage.py migrate --noinput --verbosity 0
	$(PY) manage.py load_units
	$(PY) manage.py load_demo

run: demo var/static/staticfiles.json
	$(PY) manage.py demo_accounts
	@echo "Loa is at http://$(HOST):$(PORT)/  (staff sign-in: http://$(HOST):$(PORT)/admin/)"
	$(VENV)/bin/gunicorn loa.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) \
		--access-logfile - --forwarded-allow-ips 127.0.0.1

# The suite runs on SQLite, then again on PostgreSQL when TEST_DATABASE_URL names a server.
# Browser tests drive their own server on its own SQLite database, so they run in the first pass only.
test: test-sqlite test-postgres

test-sqlite: $(INSTALLED)
	$(PY) -m pytest $(PYTEST_ARGS)

test-postgres: $(INSTALLED)
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== PostgreSQL run: $${TEST_DATABASE_URL%%@*}@…"; \
		DATABASE_URL="$$TEST_DATABASE_URL" $(PY) -m pytest -m "not browser" $(PYTEST_ARGS); \
	else \
		echo "== PostgreSQL run skipped: set TEST_DATABASE_URL=postgres://USER:PASS@127.0.0.1:5432/loa"; \
		echo "   (Debian: apt-get install postgresql; .ci/run shows a complete setup)"; \
	fi

# Rebuild the message catalogue after changing user-facing strings (needs GNU gettext).
messages: $(INSTALLED)
	$(PY) manage.py makemessages --locale vi --no-obsolete \
		--ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*' --ignore 'var/*'
	$(PY) manage.py compilemessages --locale vi --ignore .venv

bench: $(INSTALLED)
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) var/static

# Refresh the README's screenshots: the browser tests save what they see into docs/screenshots.
screenshots: $(INSTALLED)
	LOA_SCREENSHOT_DIR=docs/screenshots $(PY) -m pytest -m browser -q
