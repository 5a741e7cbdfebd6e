# Nashra: `make run` serves the demo site; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DEBUG ?= false
export SECRET_KEY ?= local-development-only-not-secret
export PYTHONDONTWRITEBYTECODE := 1
# Where `make run` listens: this machine only. To expose it: make run BIND=0.0.0.0:8000
# (and set a real SECRET_KEY; docs/operating.md).
BIND ?= 127.0.0.1:8000

.PHONY: run test test-fast install setup lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

setup: install
	$(BIN)/nashra setup

run: install
	$(BIN)/nashra setup --demo
	$(BIN)/nashra serve --bind $(BIND)

# The suite runs on TEST_WORKERS processes (pytest-xdist; each has its own test database
# and Redis database); TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto
test: install
	$(BIN)/python -m pytest --numprocesses $(TEST_WORKERS) --dist loadgroup

# Engines and unit tests: no database, no browser (README, "Tests").
test-fast: install
	$(BIN)/python -m pytest -m "not database and not browser"

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src/nashra/engines

# Benchmarks (README, "Measured"). The 100,000-article newsroom is made once (minutes);
# PostgreSQL: make bench BENCH_BIG=postgresql://... BENCH_SMALL=postgresql://...
BENCH_BIG ?= sqlite:///$(CURDIR)/var/bench-100000.sqlite3
BENCH_SMALL ?= sqlite:///$(CURDIR)/var/bench-0.sqlite3
bench: install
	$(BIN)/python bench/prayer.py
	$(BIN)/python bench/prayer_api.py
	$(BIN)/python bench/make_db.py --articles 100000 --database-url $(BENCH_BIG)
	-$(BIN)/python bench/newsroom.py --big $(BENCH_BIG) --small $(BENCH_SMALL)
	-$(BIN)/python bench/search.py --big $(BENCH_BIG) --small $(BENCH_SMALL)

clean:
	rm -rf $(VENV) var test-artifacts
