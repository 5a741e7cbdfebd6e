# Nashra: `make run` serves the demo site; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DEBUG ?= false
export SECRET_KEY ?= local-development-only-not-secret
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test install setup lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

setup: install
	$(BIN)/nashra setup

run: setup
	$(BIN)/nashra serve --bind 0.0.0.0:8000

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests bench

clean:
	rm -rf $(VENV) var test-artifacts
