# Vitrin — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PORT ?= 8000
PYTHON ?= python3
VENV := .venv
PY := $(CURDIR)/$(VENV)/bin/python
BACKEND := backend
FRONTEND := frontend
MANAGE := cd $(BACKEND) && $(PY) manage.py

.PHONY: run test dev install backend-deps frontend-deps web lint typecheck test-backend test-frontend test-e2e bench fuzz clean

## run: install what is needed, build the web app, migrate, load demo data once, serve on 127.0.0.1:$(PORT)
run: backend-deps web
	@# The SQLite database's folder (the settings create nothing when they load).
	mkdir -p $${VITRIN_VAR_DIR:-$(BACKEND)/var}
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo
	$(MANAGE) collectstatic --no-input -v0
	@echo "Vitrin is on http://127.0.0.1:$(PORT)/ (API docs: http://127.0.0.1:$(PORT)/api/docs/)"
	@# Links in e-mails (verification, password reset) point at this server unless told otherwise.
	cd $(BACKEND) && FRONTEND_URL=$${FRONTEND_URL:-http://127.0.0.1:$(PORT)} exec $(CURDIR)/$(VENV)/bin/gunicorn vitrin.wsgi:application \
		--bind 127.0.0.1:$(PORT) --workers 1 --threads 8 --access-logfile - --forwarded-allow-ips=127.0.0.1

## test: install what is needed and run every test: lint, types, backend, frontend, browser
test: backend-deps lint typecheck test-backend test-frontend test-e2e

install: backend-deps frontend-deps

$(VENV)/.installed: $(BACKEND)/requirements.txt $(BACKEND)/requirements-dev.txt
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r $(BACKEND)/requirements.txt -r $(BACKEND)/requirements-dev.txt
	touch $@

backend-deps: $(VENV)/.installed

$(FRONTEND)/node_modules/.installed: $(FRONTEND)/package.json $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

frontend-deps:
	@if [ -f $(FRONTEND)/package.json ]; then $(MAKE) --no-print-directory $(FRONTEND)/node_modules/.installed; fi

## web: build the web app into frontend/dist (Django serves it)
web: frontend-deps
	@if [ -f $(FRONTEND)/package.json ]; then cd $(FRONTEND) && npm run build --silent; fi

lint: backend-deps frontend-deps
	cd $(BACKEND) && $(CURDIR)/$(VENV)/bin/ruff check . && $(CURDIR)/$(VENV)/bin/ruff format --check .
	@# Security lint: any high-severity finding fails (docs/security.md lists what the others are).
	cd $(BACKEND) && $(CURDIR)/$(VENV)/bin/bandit -q -c pyproject.toml -r . --severity-level high
	@# Layers: the import contracts of backend/.importlinter (docs/architecture.md, "Layers");
	@# the check takes a second, so no cache directory is left in the tree.
	cd $(BACKEND) && $(CURDIR)/$(VENV)/bin/lint-imports --no-cache
	@if [ -f $(FRONTEND)/package.json ]; then cd $(FRONTEND) && npm run --silent lint; fi

typecheck: backend-deps
	cd $(BACKEND) && $(CURDIR)/$(VENV)/bin/mypy .

test-backend: backend-deps
	cd $(BACKEND) && $(PY) manage.py makemigrations --check --dry-run >/dev/null || \
		(echo "Model changes without a migration: run 'manage.py makemigrations'." && exit 1)
	cd $(BACKEND) && $(PY) -m pytest -q
	@# The embedded default must behave the same (search included): with another database
	@# configured, the whole suite runs once more on SQLite.
	@if [ -n "$$DATABASE_URL" ]; then \
		echo "The same suite on the embedded default (SQLite):"; \
		cd $(BACKEND) && DATABASE_URL= $(PY) -m pytest -q; \
	fi

test-frontend: frontend-deps
	@if [ -f $(FRONTEND)/package.json ]; then cd $(FRONTEND) && npm run --silent test; fi

test-e2e: backend-deps web
	@if [ -f $(FRONTEND)/package.json ]; then cd $(FRONTEND) && npm run --silent e2e; fi

## dev: Vite on :3000 with hot reload, proxying /api to Django on :8000
dev: backend-deps frontend-deps
	mkdir -p $${VITRIN_VAR_DIR:-$(BACKEND)/var}
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo
	(cd $(BACKEND) && $(PY) manage.py runserver 127.0.0.1:8000) & \
	(cd $(FRONTEND) && npm run dev -- --port 3000 --strictPort); kill %1

## bench: the benchmark (BENCH_SCALE=small for a quick run); see docs/performance.md
bench: backend-deps
	$(PY) bench/run.py --scale $(or $(BENCH_SCALE),full)

## fuzz: schemathesis against a live server on PostgreSQL + Redis, anonymous then signed in, for
## FUZZ_SECONDS in all (120 unless given); fails on any 5xx or answer the schema does not document
fuzz: backend-deps
	bash infra/scripts/fuzz.sh

clean:
	rm -rf $(VENV) $(FRONTEND)/node_modules $(FRONTEND)/dist $(BACKEND)/var $(BACKEND)/staticfiles
