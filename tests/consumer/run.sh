#!/usr/bin/env bash
# Installs the built preflight into a temporary prefix, builds tests/consumer against it with
# find_package(preflight), and runs it on a generated sample export.
set -euo pipefail
build_dir="$1"; source_dir="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
cmake -S "$source_dir/tests/consumer" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
"$build_dir/samples/preflight_make_samples" "$work/export" 2>/dev/null
"$work/build/consumer" "$work/export/orders.jsonl"
test -f "$work/prefix/lib/pkgconfig/preflight.pc" || test -f "$work/prefix/lib/x86_64-linux-gnu/pkgconfig/preflight.pc"
