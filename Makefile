# Two commands do all the set-up from a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run serve test test-fast check install install-run setup lint format db-stop clean-db bench bench-run-time audit

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed; set PYTHON=python3.x")'
	$(PYTHON) -m venv $(VENV)

# Runtime packages for run/serve (.installed-run); the test tools on top for test/lint (.installed).
# --no-compile: Python compiles the modules it imports on first use, not every module of every
# package at install time (the venv's own pip is recent enough for the pinned wheels).
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-compile

$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	$(PIP_INSTALL) -r requirements.txt
	@touch $@

$(VENV)/.installed: requirements.txt requirements-dev.txt requirements-s3.txt | $(BIN)/python
	$(PIP_INSTALL) -r requirements-dev.txt
	@touch $@ $(VENV)/.installed-run

install-run: $(VENV)/.installed-run
install: $(VENV)/.installed

# Database (embedded PostgreSQL unless DATABASE_URL is set), migrations, demo data, demo admin:
# one process that skips what is already done (demo/management/commands/setup_demo.py) and,
# for run, goes on to serve (runserver without reloader), printing the address and sign-in first.
setup: install-run
	$(BIN)/python manage.py setup_demo

run: install-run
	$(BIN)/python manage.py setup_demo --serve $(HOST):$(PORT)

# Production: DJANGO_ENV=production with SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL set (see README).
serve: install-run
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/gunicorn --config config/gunicorn.conf.py

# Ruff, the layer contracts (pyproject.toml [tool.importlinter]) and the migration check.
check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run

# The whole suite: everything but the browser tests across CPUs (pytest-xdist, one test database
# per worker), then the browser tests in one process (each drives Chromium against a live server
# on a flushed database). PYTEST_ARGS go to both runs.
test: check
	$(BIN)/pytest -n auto -m "not e2e" $(PYTEST_ARGS)
	$(BIN)/pytest -m e2e $(PYTEST_ARGS)

# The inner loop: the same checks and every test but the browser and long fuzz ones, in parallel.
test-fast: check
	$(BIN)/pytest -n auto -m "not e2e and not fuzz" $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Benchmark against a separate database ckb_bench with 100,000 synthetic organisations (bench/README.md).
bench: install
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	$(BIN)/python -m bench.run

# Lighthouse (npx, pinned in bench/audit.py) and axe-core on home, a list, an organisation, a visit
# and search at the mobile and desktop presets, and axe on the admin's visit and organisation pages:
# one table. Against a server already running (`make run` in another shell), AUDIT_BASE_URL or :8000.
audit: install
	$(BIN)/python -m bench.audit --admin $(AUDIT_ARGS)

# `make run` from a fresh clone of HEAD and again once set up, RUNS times (bench/make_run_time.py).
RUNS ?= 5
bench-run-time:
	$(PYTHON) bench/make_run_time.py --runs $(RUNS)

# Soak (bench/soak.py): SOAK_SECONDS (600) of mixed browsing and an editor writing, on two production
# gunicorn servers with their own PostgreSQL (restarted twice) and Redis (restarted once), all in a
# temporary directory on free ports; prints errors around each restart and acknowledged writes lost.
.PHONY: soak
soak: install
	$(BIN)/python -m bench.soak

# Stop the embedded PostgreSQL (it is otherwise left running for the next command).
db-stop:
	$(BIN)/python -m config.embedded_db stop

# Stop the embedded PostgreSQL and delete its data (.pgdata/): the next command starts afresh.
clean-db: db-stop
	rm -rf .pgdata
