#!/usr/bin/env bash
# Print the path of a working Python >= 3.12, installing nothing we cannot fetch here:
# pyenv's preinstalled 3.12/3.13 on these machines, else python3.12/3.13 on PATH, else Debian's package.
set -euo pipefail
works() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
for candidate in "$HOME"/.pyenv/versions/3.12*/bin/python3 "$HOME"/.pyenv/versions/3.13*/bin/python3 \
                 "$(command -v python3.12 || true)" "$(command -v python3.13 || true)" "$(command -v python3 || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && works "$candidate"; then echo "$candidate"; exit 0; fi
done
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq >&2 && apt-get install -y -qq python3.12 python3.12-venv >&2 2>/dev/null \
    && works "$(command -v python3.12)" && command -v python3.12 && exit 0
fi
echo "lawgraph needs Python >= 3.12 (FalkorDBLite); install it (e.g. pyenv install 3.12) and re-run" >&2
exit 1
