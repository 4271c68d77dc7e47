# The two commands of the README: `make dashboard` (the main job) and `make test` (the whole suite).
# Both set everything up on a fresh machine: a Python 3.12 venv with pinned dependencies; the tests
# also build and start a real local Neo4j 5 (Java 17 + Maven Central) and use Debian's Chromium.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: setup dashboard test lint bench test-slow lock docs schema neo4j-start neo4j-stop clean

# The venv is installed from the lock (scripts/lock.sh): every package of requirements.lock (runtime + dev +
# bench, pip and uv among them) at its pinned version and hash, nothing resolved here; then the check that
# pyproject.toml and the lock agree (with the venv's uv), and lawgraph itself, editable, without dependencies.
$(BIN)/lawgraph: pyproject.toml uv.lock requirements.lock
	@test -x $(BIN)/python || "$$(bash scripts/install-python.sh)" -m venv $(VENV)
	$(BIN)/python -m pip install -q --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip check
	bash scripts/lock.sh --check
	PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	@touch $(BIN)/lawgraph

# Also byte-compiles the project (its modules are otherwise compiled on every start where
# PYTHONDONTWRITEBYTECODE is set) and builds the embedded store from data/ (does nothing when it is up to
# date): `lawgraph dashboard` then opens the store instead of first building it (~1.5 s saved).
setup: $(BIN)/lawgraph
	@$(BIN)/python -m compileall -q lawgraph dashboard queries stores ingest graph benchmarks >/dev/null
	$(BIN)/lawgraph load

dashboard: setup
	$(BIN)/lawgraph dashboard --port $(PORT)

test: setup
	bash scripts/test.sh

# the tests marked slow (over a minute: the 10k and 100k benchmarks), which addopts deselects
test-slow: setup
	$(BIN)/python -m pytest -m slow

# after changing pyproject.toml's dependencies: re-lock and re-export (scripts/lock.sh; ARGS=--upgrade …)
lock:
	bash scripts/lock.sh $(ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/python scripts/lint_imports.py

bench: setup
	$(BIN)/lawgraph bench --cases 10000 --backend both

docs: setup
	$(BIN)/lawgraph docs

# regenerate what graph/schema/lawgraph.yaml states (graph/schema_data.py, docs/schema.md); commit the result
schema: setup
	$(BIN)/python -m lawgraph.graph.schema_gen

neo4j-start: setup
	$(BIN)/lawgraph neo4j start

neo4j-stop: setup
	$(BIN)/lawgraph neo4j stop

clean:
	rm -rf $(VENV) .lawgraph .neo4j-local
