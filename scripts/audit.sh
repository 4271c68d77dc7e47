#!/usr/bin/env bash
# Dependency audit, as CI runs it: pip-audit over exactly the pinned set CI installs (constraints.txt,
# a `pip freeze --exclude-editable` of the dev venv), against the PyPI vulnerability service.
#
#   bash scripts/audit.sh                 # exit 1 if any pinned package has a known vulnerability
#   AUDIT_STRICT=1 bash scripts/audit.sh  # also exit 2 if any package could not be audited (service
#                                         # unreachable, an offline mirror without vulnerability data)
#   AUDIT_ARGS="-s osv" bash scripts/audit.sh   # extra pip-audit arguments (another service …)
#
# Regenerate the pins after changing dependencies: .venv/bin/pip freeze --exclude-editable > constraints.txt
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}

if [ ! -x "$BIN/pip-audit" ]; then
  "$BIN/python" -m pip install -q -c constraints.txt pip-audit
fi
if ! "$BIN/python" -m pip freeze --exclude-editable | diff -q - constraints.txt >/dev/null; then
  echo "audit: warning: the venv differs from constraints.txt (regenerate it with pip freeze --exclude-editable)"
fi

report=$(mktemp)
trap 'rm -f "$report"' EXIT
set +e
# constraints.txt pins every package (the whole closure), so --no-deps audits exactly that set
# shellcheck disable=SC2086
"$BIN/pip-audit" -r constraints.txt --disable-pip --no-deps --progress-spinner off -f json -o "$report" \
  ${AUDIT_ARGS:-} 2>"$report.log"
status=$?
set -e

"$BIN/python" - "$report" "$status" "$report.log" <<'PY'
import json
import os
import sys

path, status, log = sys.argv[1], int(sys.argv[2]), sys.argv[3]
strict = os.environ.get("AUDIT_STRICT") == "1"
try:
    with open(path, encoding="utf-8") as fh:
        deps = json.load(fh).get("dependencies", [])
except (OSError, ValueError):
    with open(log, encoding="utf-8", errors="replace") as fh:
        tail = fh.read()[-2000:]
    print(f"audit: pip-audit produced no report (exit {status}):\n{tail}")
    sys.exit(2 if strict else 0)
finally:
    if os.path.exists(log):
        os.remove(log)

vulnerable = [d for d in deps if d.get("vulns")]
skipped = [d for d in deps if d.get("skip_reason")]
audited = len(deps) - len(skipped)
for dep in vulnerable:
    for vuln in dep["vulns"]:
        fixes = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
        print(f"audit: VULNERABLE {dep['name']} {dep['version']}: {vuln['id']} (fixed in: {fixes})")
print(f"audit: {len(deps)} pinned packages, {audited} audited, {len(vulnerable)} vulnerable, "
      f"{len(skipped)} not audited")
if skipped:
    reasons = sorted({d["skip_reason"].split(":")[0] for d in skipped})
    print(f"audit: warning: not audited ({'; '.join(reasons)}): "
          + ", ".join(d["name"] for d in skipped[:8]) + (" …" if len(skipped) > 8 else ""))
if vulnerable:
    sys.exit(1)
if skipped and strict:
    sys.exit(2)
PY
