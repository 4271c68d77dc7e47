"""Check the layer contracts (``[tool.importlinter]`` in pyproject.toml) over the package as it is installed.

import-linter finds a package's modules by walking the folder the package is imported from, so it cannot
follow setuptools' package-dir mapping (``lawgraph.graph`` is the folder ``graph/``, not ``lawgraph/graph/``):
run at the repository's root it would see only ``lawgraph/``. This script lays the installed tree out in a
temporary folder of symbolic links (``lawgraph/`` with ``graph`` → ``../graph`` …, read from pyproject's
``[tool.setuptools.package-dir]``), checks that every package pyproject installs is there, and runs the venv's
``lint-imports`` from that folder, so the contracts see the files as they are, under their installed names.

    .venv/bin/python scripts/lint_imports.py             # exit 1 if a contract is broken
    .venv/bin/python scripts/lint_imports.py --verbose   # other arguments go to lint-imports
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def lay_out(pyproject: Path, into: Path) -> None:
    """Symbolic links under ``into`` that give every installed package its installed path."""
    tool = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]
    package_dir: dict[str, str] = tool["setuptools"]["package-dir"]
    roots = [name for name in package_dir if "." not in name]
    if len(roots) != 1:
        raise SystemExit(f"lint_imports: expected one root package in package-dir, found {roots}")
    root = roots[0]
    (into / root).mkdir()
    for entry in sorted((REPO / package_dir[root]).iterdir()):
        (into / root / entry.name).symlink_to(entry)
    for name, folder in sorted(package_dir.items()):
        parent, _, last = name.rpartition(".")
        if not parent or (parent in package_dir and Path(package_dir[parent]) / last == Path(folder)):
            continue  # the root, or a sub-package in its parent's folder (dashboard/app_pages)
        if parent != root:
            raise SystemExit(f"lint_imports: cannot lay out {name} ({folder}): only the root's sub-packages may "
                             "come from other folders")
        (into / root / last).symlink_to(REPO / folder)
    for name in tool["setuptools"]["packages"]:
        if not (into / name.replace(".", "/") / "__init__.py").is_file():
            raise SystemExit(f"lint_imports: the installed package {name} is missing from the laid-out tree")


def main(argv: list[str]) -> int:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    if not lint_imports.exists():
        raise SystemExit(f"lint_imports: {lint_imports} is missing (pip install import-linter into the venv)")
    with tempfile.TemporaryDirectory(prefix="lawgraph-imports-") as tmp:
        tree = Path(tmp)
        lay_out(REPO / "pyproject.toml", tree)
        (tree / "pyproject.toml").symlink_to(REPO / "pyproject.toml")  # the contracts, found in the working folder
        # lint-imports puts its working folder first on sys.path, so `lawgraph` is imported from the tree
        return subprocess.run([str(lint_imports), "--no-cache", *argv], cwd=tree).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
