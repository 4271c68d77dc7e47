"""The docstring examples of every module of the package, run as tests.

Collected by importing each module under its package name (``lawgraph.graph.model`` …), never under the
folder's generic name, so a doctest sees the same modules as the code it documents. Streamlit's page
scripts run only inside Streamlit (AppTest covers them).
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import lawgraph

#: scripts that Streamlit runs, not modules to import
NOT_IMPORTABLE = ("lawgraph.dashboard.app", "lawgraph.dashboard.app_pages")


#: the sub-packages installed from the top-level folders (pyproject's package-dir)
LAYERS = ("graph", "ingest", "stores", "queries", "dashboard", "benchmarks")


def _modules() -> list[str]:
    names = [info.name for info in pkgutil.iter_modules(lawgraph.__path__, "lawgraph.")]
    for layer in LAYERS:
        package = importlib.import_module(f"lawgraph.{layer}")
        names += [info.name for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}.")]
    return sorted(n for n in names if not n.startswith(NOT_IMPORTABLE) and not n.endswith("__main__"))


def _with_examples() -> list[str]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    return [name for name in _modules() if any(t.examples for t in finder.find(importlib.import_module(name)))]


def test_every_layer_has_examples() -> None:
    layers = {name.split(".")[1] for name in _with_examples() if name.count(".") >= 2}
    assert set(LAYERS) - {"queries"} <= layers  # queries gains examples with the pure outcome reasoning


@pytest.mark.parametrize("module", _with_examples())
def test_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
