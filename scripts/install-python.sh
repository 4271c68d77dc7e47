#!/usr/bin/env bash
# Print the path of a Python 3.12+ interpreter, installing nothing we cannot fetch here:
# pyenv's preinstalled 3.12/3.13 on these machines, else python3.12 on PATH, else Debian's package.
set -euo pipefail
for candidate in python3.12 python3.13; do
  if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; exit 0; fi
done
for dir in "$HOME"/.pyenv/versions/3.12* "$HOME"/.pyenv/versions/3.13*; do
  if [ -x "$dir/bin/python3" ]; then echo "$dir/bin/python3"; exit 0; fi
done
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq >&2 && apt-get install -y -qq python3.12 python3.12-venv >&2 2>/dev/null && command -v python3.12 && exit 0
fi
echo "lawgraph needs Python >= 3.12 (FalkorDBLite); install it (e.g. pyenv install 3.12) and re-run" >&2
exit 1
