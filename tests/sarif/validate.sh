#!/bin/sh
# The SARIF of `preflight lint` on the sample templates must pass Microsoft's SARIF Multitool
# `validate` with no error. The tool is the version pinned in package-lock.json, installed
# with `npm ci` into the build folder the first time (and again when the lock changes).
# Usage: validate.sh BUILD_DIR SOURCE_DIR
set -eu
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
tool="$build/sarif-multitool"
if ! command -v npm >/dev/null; then
  echo "validate.sh: npm not found (Debian 12: apt-get install npm)" >&2
  exit 1
fi
if ! cmp -s "$src/tests/sarif/package-lock.json" "$tool/package-lock.json" || [ ! -e "$tool/node_modules/.bin/sarif-multitool" ]; then
  mkdir -p "$tool"
  cp "$src/tests/sarif/package.json" "$src/tests/sarif/package-lock.json" "$tool/"
  (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error)
fi
# The package's postinstall only marks its binary executable; npm may not have run it.
chmod u+x "$tool"/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null || true

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/samples/preflight_make_samples" "$work/export" >/dev/null
cd "$work/export"
status=0
# The collection (one error finding) and a design linted without its fonts' root (input errors).
"$build/preflight" lint templates --format sarif > "$work/templates.sarif" || status=$?
[ "$status" -eq 1 ] || { echo "validate.sh: lint templates exited $status, expected 1" >&2; exit 1; }
status=0
"$build/preflight" lint templates/rose/design.json SP-1001/design.json --root templates/rose --format sarif > "$work/inputs.sarif" || status=$?
[ "$status" -eq 1 ] || { echo "validate.sh: lint rose exited $status, expected 1" >&2; exit 1; }

for sarif in "$work/templates.sarif" "$work/inputs.sarif"; do
  "$tool/node_modules/.bin/sarif-multitool" validate "$sarif" --output "$sarif.validation" --log ForceOverwrite >/dev/null
  python3 - "$sarif" "$sarif.validation" <<'PY'
import json, sys
log = json.load(open(sys.argv[2]))
results = [r for run in log["runs"] for r in run.get("results", [])]
for r in results:
    print(f'{r.get("level", "warning")}: {r["ruleId"]}: {r["message"].get("text", "")[:300]}', file=sys.stderr)
errors = [r for r in results if r.get("level") == "error"]
produced = json.load(open(sys.argv[1]))
if not produced["runs"][0]["results"]:
    sys.exit(f"{sys.argv[1]}: no results to validate")
if errors:
    sys.exit(f"{sys.argv[1]}: {len(errors)} SARIF validation error(s)")
print(f"{sys.argv[1]}: valid SARIF 2.1.0 ({len(results)} note(s) or warning(s))")
PY
done
