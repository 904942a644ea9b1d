#!/usr/bin/env bash
# Red-team run: builds every generated export under $REDTEAM_WORK (default /tmp/redteam) and
# prints each verdict that is not `release` plus any sanitizer report. Needs python3 and
# ImageMagick's `convert`. Usage: scripts/redteam/run.sh [PREFLIGHT_BINARY]
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="$(realpath "${1:-build/preflight}")"
work="${REDTEAM_WORK:-/tmp/redteam}"; export REDTEAM_WORK="$work"
mkdir -p "$work"
python3 "$here/gen.py" "$work/a" >/dev/null
python3 "$here/gen.py" "$work/b" defects >/dev/null
python3 "$here/gen_photo.py" "$work/c"; python3 "$here/gen_foil.py" "$work/f"; python3 "$here/gen_pages.py" "$work/p"
python3 "$here/gen_over.py" "$work/o"; python3 "$here/gen_fonts.py" "$work/g" >/dev/null; python3 "$here/gen_bleed.py" "$work/bl"
for m in mut mut2 mut4 mut5; do python3 "$here/$m.py" "$work/$m" >/dev/null; done
for export in a/orders.jsonl a/orders_bom.jsonl a/orders_array.json b/orders.jsonl c/orders.jsonl f/orders.jsonl \
              f/orders2.jsonl p/orders.jsonl p/orders2.jsonl o/orders.jsonl g/orders.jsonl bl/orders.jsonl bl/orders2.jsonl mut/orders.jsonl \
              mut2/orders.jsonl mut4/orders.jsonl mut5/orders.jsonl; do
  dir="$work/${export%/*}"
  (cd "$dir" && "$bin" check "${export#*/}" --policy policy.json --now 2026-11-23T10:00:00+01:00 -j2 >out.jsonl 2>err.txt)
  echo "== $export: exit $?, $(wc -l <"$dir/out.jsonl") verdicts for $(grep -c '' "$dir/${export#*/}") records"
  grep -E 'AddressSanitizer|runtime error|LeakSanitizer' "$dir/err.txt"
  python3 -c 'import json,sys
for l in open(sys.argv[1]):
    v = json.loads(l)
    if v["verdict"] != "release" or v["findings"]:
        print(" ", v["order_id"], v["verdict"], [(f["check"], f.get("code"), f["message"][:100]) for f in v["findings"]][:3])' "$dir/out.jsonl"
done
