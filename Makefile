# Wmo-monitor — the two commands of the quick start are `make book` and `make test`.
# Everything installs into .venv on first use (Python 3.11, 3.12 or 3.13 + make is all you need).
# The environment is exactly the lock (requirements.txt, with hashes): installed with
# --require-hashes, then whatever the lock no longer lists is removed (scripts/sync_venv.py).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.geinstalleerd
PERIODE ?= 2025

.PHONY: book alles test test-snel bench browser lint typecheck check-notebooks ci install lock clean help referentie

help:
	@echo "make book [PERIODE=2025]  rapport bouwen  -> _build/$(PERIODE)/html/index.html"
	@echo "make alles                alle perioden bouwen"
	@echo "make test                 alle tests (pytest + nbval + end-to-end)"
	@echo "make lint                 ruff op src, tests, scripts en de hoofdstuk-notebooks"
	@echo "make typecheck            mypy, vergeleken met de vastgelegde basislijn"
	@echo "make bench                benchmark van de bouw (schrijft bench/resultaten.json)"
	@echo "make browser              Chromium en axe-core installeren (toegankelijkheidstoets, PDF)"
	@echo "make lock                 requirements.txt opnieuw vastleggen (beheerders, internet nodig)"

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] < (3, 14))' || \
	  { echo "Python 3.11, 3.12 of 3.13 nodig (gevonden: $$($(PYTHON) --version 2>&1)); kies er een met PYTHON=..." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(BIN)/python scripts/sync_venv.py requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

book: $(STAMP)
	$(BIN)/wmo-rapport build --periode $(PERIODE)

alles: $(STAMP)
	$(BIN)/wmo-rapport build --alle-perioden

test: $(STAMP)
	$(BIN)/python -m pytest

test-snel: $(STAMP)
	$(BIN)/python -m pytest -m "not e2e and not browser and not install"

bench: $(STAMP)
	$(BIN)/python bench/benchmark.py

browser:
	bash scripts/install-browser.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts bench chapters
	$(BIN)/ruff format --check src tests scripts bench

typecheck: $(STAMP)
	$(BIN)/python scripts/mypy_baseline.py

check-notebooks:
	python3 scripts/check_notebooks.py chapters

# What .ci/run does after installing the browser: the gates, then the README's test command.
ci: lint typecheck check-notebooks test

# Maintainers: re-resolve the lock for every supported Python (universal, with hashes) from
# pyproject.toml (+ the "test" extra) and requirements.in. Needs uv (pip install uv) and internet.
lock:
	uv pip compile pyproject.toml requirements.in --extra test --universal --python-version 3.11 \
	  --generate-hashes --no-header --quiet --output-file requirements.txt

clean:
	rm -rf _build

referentie: $(STAMP)
	$(BIN)/python tests/nbval/regenerate.py
