# The two commands of the README: `make dashboard` (main job) and `make test` (the test suite).
# Both set everything up on a fresh machine: Python 3.12 (pyenv), the venv, Java's Neo4j for tests.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.12 2>/dev/null || ls -d $$HOME/.pyenv/versions/3.12*/bin/python3.12 2>/dev/null | tail -1)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: setup dashboard test test-fast lint neo4j-start neo4j-stop bench clean

$(BIN)/lawgraph: pyproject.toml constraints.txt
	@test -n "$(PYTHON)" || bash scripts/install-python.sh
	@test -x $(BIN)/python || $(or $(PYTHON),$$(bash scripts/install-python.sh)) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	@touch $(BIN)/lawgraph

setup: $(BIN)/lawgraph

dashboard: setup
	$(BIN)/lawgraph dashboard --port $(PORT)

test: setup
	bash scripts/test.sh

lint: setup
	$(BIN)/ruff check .

neo4j-start: setup
	$(BIN)/lawgraph neo4j start

neo4j-stop: setup
	$(BIN)/lawgraph neo4j stop

bench: setup
	$(BIN)/lawgraph bench --cases 10000 --backend both

clean:
	rm -rf $(VENV) .lawgraph .neo4j-local
