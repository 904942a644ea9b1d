#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` from the build, its Depends computed by dpkg-shlibdeps;
# apt accepts it on this system (`apt-get install --simulate`: every dependency resolves,
# nothing is installed); unpacked with dpkg into a temporary prefix (no change to the
# machine), the installed `preflight check` gives the golden verdicts on the samples, with
# the packaged libpreflight.so.
set -euo pipefail
build_dir="$(cd "$1" && pwd)"; source_dir="$(cd "$2" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if ! (cd "$build_dir" && cpack -G DEB -B "$work/package") >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log" >&2; exit 1
fi
deb="$(ls "$work"/package/*.deb)"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
# Computed, not written by hand: the libraries the binaries link must be there.
for package in libc6 libstdc++6 libvips42 libharfbuzz0b libfreetype6 libhwy1 libopencv-core406 libopencv-imgproc406; do
  tr ',' '\n' <<<"$depends" | awk '{print $1}' | grep -xF "$package" >/dev/null || { echo "deb_test: Depends lacks $package" >&2; exit 1; }
done
apt-get install --simulate "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; exit 1; }
grep -q "^Inst preflight " "$work/apt.log" || grep -q "preflight is already the newest" "$work/apt.log" \
  || { cat "$work/apt.log" >&2; echo "deb_test: apt would not install the package" >&2; exit 1; }
dpkg -x "$deb" "$work/root"
installed="$work/root/usr/bin/preflight"
# Not `ldd | grep -q`: under pipefail grep's early exit can kill ldd with SIGPIPE (a flake).
grep -qF "libpreflight.so.0 => $work/root/usr/" <<<"$(ldd "$installed")" \
  || { ldd "$installed" >&2; echo "deb_test: the installed command does not load the packaged library" >&2; exit 1; }
"$build_dir/samples/preflight_make_samples" "$work/export" >/dev/null 2>&1
status=0
(cd "$work/export" && "$installed" check orders.jsonl --policy policy.json --now 2026-11-25T09:00:00+01:00 \
  > verdicts.jsonl 2>/dev/null) || status=$?
if [ "$status" -gt 1 ] || ! diff -u "$source_dir/tests/golden/samples.verdicts.jsonl" "$work/export/verdicts.jsonl" >&2; then
  echo "deb_test: the packaged preflight's verdicts differ from tests/golden/samples.verdicts.jsonl" >&2; exit 1
fi
echo "deb_test: $(basename "$deb") ($(du -k "$deb" | cut -f1) kB) installs; its preflight gives the golden verdicts"
