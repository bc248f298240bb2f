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
	@# Smaller copies of the demo images (and of any upload that lacks them); nothing to do once made.
	$(MANAGE) make_image_variants
	$(MANAGE) collectstatic --no-input -v0
	@echo "Vitrin is on http://127.0.0.1:$(PORT)/ (API docs: http://127.0.0.1:$(PORT)/api/docs/)"
	@# Links in e-mails (verification, password reset) point at this server unless told otherwise.
	@# One uvicorn process serves the pages, the API (sync views in Django's thread pool) and the
	@# live streams of /api/live/, whose events then need no Redis: votes and streams share it.
	cd $(BACKEND) && FRONTEND_URL=$${FRONTEND_URL:-http://127.0.0.1:$(PORT)} exec $(CURDIR)/$(VENV)/bin/uvicorn vitrin.asgi:application \
		--host 127.0.0.1 --port $(PORT) --proxy-headers --forwarded-allow-ips=127.0.0.1 --timeout-graceful-shutdown 2

## test: install what is needed and run every test: lint, types, backend, frontend, browser, infra
test: backend-deps lint typecheck test-backend test-frontend test-e2e test-infra

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
	@# The benchmark, the drills and the infrastructure's scripts, by the backend's rules.
	cd $(BACKEND) && $(CURDIR)/$(VENV)/bin/ruff check --config pyproject.toml ../bench ../infra && \
		$(CURDIR)/$(VENV)/bin/ruff format --config pyproject.toml --check ../bench ../infra
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

## test-infra: the Kubernetes manifests checked offline (infra/k8s/validate.py) and nginx's
## micro-cache run for real in front of a test server (skipped, saying so, without nginx)
.PHONY: test-infra
test-infra: backend-deps
	$(PY) infra/k8s/validate.py
	$(PY) -m pytest -q -rs -p no:django -p no:cacheprovider infra/k8s/tests infra/nginx/tests

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

## bench-live: 1,000 server-sent event streams on one uvicorn process, votes published through
## Redis; p99 delivery and memory per stream (LIVE_SUBSCRIBERS to change the count)
.PHONY: bench-live
bench-live: backend-deps
	$(PY) bench/live.py --subscribers $(or $(LIVE_SUBSCRIBERS),1000)

## fuzz: schemathesis against a live server on PostgreSQL + Redis, anonymous then signed in, for
## FUZZ_SECONDS in all (120 unless given); fails on any 5xx or answer the schema does not document
fuzz: backend-deps
	bash infra/scripts/fuzz.sh

## stack: the production topology on this machine, no containers (nginx TLS on https://127.0.0.1:8443,
## two gunicorn app servers, PostgreSQL primary + replica, pgbouncer, Redis, RabbitMQ, Celery, S3,
## Prometheus); starts only what is down, then prints each part's address and state
.PHONY: stack stack-down stack-status
stack: backend-deps
	infra/stack/stack.sh up

## stack-down: stop every part of `make stack` (its data stays in .stack/)
stack-down:
	infra/stack/stack.sh down

stack-status:
	infra/stack/stack.sh status

## stack-test: failure drills against the production topology (`make stack` first when it is not
## up): app server killed, replica, primary, Redis and RabbitMQ stopped under load, beat, S3,
## Prometheus, Grafana, a browser; one line of figures each, fails on any broken requirement
.PHONY: stack-test
stack-test: backend-deps frontend-deps
	@infra/stack/stack.sh status >/dev/null 2>&1 || $(MAKE) --no-print-directory stack
	$(PY) infra/stack/drills/run.py $(DRILLS)

clean:
	rm -rf $(VENV) $(FRONTEND)/node_modules $(FRONTEND)/dist $(BACKEND)/var $(BACKEND)/staticfiles
