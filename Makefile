# Two commands do all the set-up from a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run serve test install setup lint format db-stop clean-db bench

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed; set PYTHON=python3.x")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed

# Database (embedded PostgreSQL unless DATABASE_URL is set), migrations, demo data, demo admin.
setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@$(BIN)/python manage.py demo_superuser > $(VENV)/.signin

run: setup
	@echo ""
	@echo "  Cluster Cooperation Knowledge Base: http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/  —  $$(cat $(VENV)/.signin)"
	@echo ""
	$(BIN)/python manage.py runserver --noreload $(HOST):$(PORT)

# Production: DJANGO_ENV=production with SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL set (see README).
serve: install
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/gunicorn --config config/gunicorn.conf.py

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

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

# Stop the embedded PostgreSQL (it is otherwise left running for the next command).
db-stop:
	$(BIN)/python -m config.embedded_db stop
