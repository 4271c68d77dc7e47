"""What a store was loaded from: a hash of ``data/`` and of the build's output format, not of source files.

A store whose recorded fingerprint differs from the data folder's is *stale*: reads report it and go on
answering from the store; only ``lawgraph load`` rebuilds. Editing code never makes a store stale (a read
must not rewrite a store because a ``.py`` file was touched); a change to what the build writes for the
same files does, by bumping :data:`BUILD_FORMAT`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

#: the build's output format: bump it when the same data/ files become different nodes, relationships or
#: properties (a new label or property, a changed id scheme …), so existing stores read as stale
BUILD_FORMAT = "2"


def data_fingerprint(data_dir: Path) -> str:
    """A hash of :data:`BUILD_FORMAT` and every file under ``data_dir`` (relative names and bytes).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     (Path(folder) / "a.yaml").write_text("x: 1")
    ...     before = data_fingerprint(Path(folder))
    ...     (Path(folder) / "a.yaml").write_text("x: 2")
    ...     before == data_fingerprint(Path(folder))
    4
    4
    False
    """
    digest = hashlib.sha256(f"build-format {BUILD_FORMAT}\0".encode())
    root = Path(data_dir)
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
