# Wmo-monitor — the two commands of the quick start are `make book` and `make test`.
# Everything installs into .venv on first use (Python 3.11 + make is all you need).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.geinstalleerd
PERIODE ?= 2025

.PHONY: book alles test test-snel bench browser lint clean help referentie

help:
	@echo "make book [PERIODE=2025]  rapport bouwen  -> _build/$(PERIODE)/html/index.html"
	@echo "make alles                alle perioden bouwen"
	@echo "make test                 alle tests (pytest + nbval + end-to-end)"
	@echo "make bench                benchmark van de bouw (schrijft bench/resultaten.json)"
	@echo "make browser              Chromium en axe-core installeren (toegankelijkheidstoets, PDF)"

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

book: $(STAMP)
	$(BIN)/wmo-rapport build --periode $(PERIODE)

alles: $(STAMP)
	$(BIN)/wmo-rapport build --alle-perioden

test: $(STAMP)
	$(BIN)/python -m pytest

test-snel: $(STAMP)
	$(BIN)/python -m pytest -m "not e2e and not browser"

bench: $(STAMP)
	$(BIN)/python bench/benchmark.py

browser:
	bash scripts/install-browser.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

clean:
	rm -rf _build

referentie: $(STAMP)
	$(BIN)/python tests/nbval/regenerate.py
