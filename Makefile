# HireLoop: the two commands of the README, and the steps they are made of.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run dev test lint install system browser demo worker clean messages

run: system install ## Install, load demo data and start the web server and worker on SQLite
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py collectstatic --noinput -v0
	HOST=$(HOST) PORT=$(PORT) scripts/serve.sh

dev: install ## Development server with debug pages (never for real data): runserver, reloads on change
	$(BIN)/python manage.py migrate --noinput
	HIRELOOP_DEBUG=1 $(BIN)/python manage.py runserver "$(HOST):$(PORT)"

test: system install browser ## Install everything and run the whole test suite
	$(BIN)/python -m pytest -n 2 --dist loadscope

lint: install ## Static checks: ruff, formatting, import contracts, types
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy hireloop

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements.lock -e ".[dev]"
	touch $(STAMP)

system: ## Debian's pango and CJK fonts for the report PDF (WeasyPrint); installs only what is missing
	scripts/ensure_system_packages.sh

browser: ## Debian's Chromium for the browser tests (Playwright drives it; no browser download)
	scripts/ensure_chromium.sh

worker: install
	$(BIN)/python manage.py db_worker --queue-name '*'

messages: install ## Refresh and compile the zh-Hans and en translation catalogues
	cd hireloop && ../$(BIN)/python ../manage.py makemessages -l zh_Hans -l en --no-obsolete
	cd hireloop && ../$(BIN)/python ../manage.py compilemessages

clean:
	rm -rf $(VENV) var
