#!/usr/bin/env bash
# The whole test suite, as CI runs it: lint, layer contracts, dependency audit, unit + integration tests on the
# embedded store and on a real local Neo4j 5 (started by the tests from Maven Central artifacts
# when NEO4J_URI is unset), and the dashboard in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
  echo "installing Java 17 and Maven (the local Neo4j needs them)"
  apt-get update -qq && apt-get install -y -qq openjdk-17-jdk-headless maven >/dev/null
fi
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing Debian's chromium for the browser test"
  (apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) || echo "warning: chromium could not be installed"
fi

"$BIN/ruff" check .
# the layer contracts of pyproject's [tool.importlinter] (import-linter, over the installed layout)
"$BIN/python" scripts/lint_imports.py
if [ -x scripts/audit.sh ] || [ -f scripts/audit.sh ]; then bash scripts/audit.sh; fi
"$BIN/python" -m pytest -m "not slow" "$@"
