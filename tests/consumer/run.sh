#!/usr/bin/env bash
# Installs the built preflight into a temporary prefix and builds tests/consumer/main.cpp
# against it three ways, each with the compiler's default C++ standard and no flags of its own:
#   1. CMake find_package(preflight) (the shared library when the build made one);
#   2. pkg-config --static: the static library and every dependency from Requires.private
#      and Libs.private (the program must not need libpreflight.so);
#   3. pkg-config: the shared library.
# Each checks one sample design; its output must equal `preflight lint --format json` of the
# built CLI on the same files.
set -euo pipefail
build_dir="$(cd "$1" && pwd)"; source_dir="$(cd "$2" && pwd)"
cxx="${CXX:-c++}"
# The README's smallest program ("Use as a library") is this test's source, character for character.
awk '/^## Use as a library/{f=1} f&&/^```cpp/{p=1;next} p&&/^```/{exit} p' "$source_dir/README.md" \
  | diff -u - "$source_dir/tests/consumer/main.cpp" >&2 || { echo "run.sh: README's program differs from tests/consumer/main.cpp" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Runs a command quietly; on failure shows what it printed and names it.
quiet() {
  "$@" > "$work/step.log" 2>&1 || { cat "$work/step.log" >&2; echo "run.sh: failed: $*" >&2; return 1; }
}
prefix="$work/prefix"
quiet cmake --install "$build_dir" --prefix "$prefix"
# The installed tree must work after a move: preflight.pc locates itself (${pcfiledir}).
mv "$prefix" "$work/moved" && prefix="$work/moved"
pc_dir="$(dirname "$(find "$prefix" -name preflight.pc)")"
lib_dir="$(cd "$pc_dir/.." && pwd)"
quiet "$build_dir/samples/preflight_make_samples" "$work/export"
design="SP-1002/design.json"
policy="policy.json"
test -f "$work/export/$design" && test -f "$work/export/$policy"
(cd "$work/export" && "$build_dir/preflight" lint "$design" --policy "$policy" --root . --format json > "$work/cli.json" 2>"$work/cli.err") || true
grep -q '"bleed.coverage"' "$work/cli.json" || { cat "$work/cli.json" "$work/cli.err" >&2; echo "run.sh: the CLI found no bleed.coverage on $design" >&2; exit 1; }

compare() {   # name, program
    (cd "$work/export" && LD_LIBRARY_PATH="$lib_dir" "$2" "$policy" "$design" . > "$work/$1.json") \
      || { echo "run.sh: $1 consumer failed" >&2; exit 1; }
    if ! diff -u "$work/cli.json" "$work/$1.json" >&2; then
        echo "run.sh: $1 consumer's findings differ from the CLI's" >&2; exit 1
    fi
    echo "$1 consumer: same findings as the CLI ($(grep -c '"check"' "$work/$1.json") findings)"
}

# 1. CMake
quiet cmake -S "$source_dir/tests/consumer" -B "$work/cmake" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$prefix"
quiet cmake --build "$work/cmake"
compare cmake "$work/cmake/consumer"

export PKG_CONFIG_PATH="$pc_dir${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
# 2. pkg-config, static: the archive by name, then everything it needs.
static_libs="$(pkg-config --static --libs preflight | sed 's/-lpreflight\b/-l:libpreflight.a/')"
# shellcheck disable=SC2046,SC2086
# (LDFLAGS: empty, except in the sanitized build, whose library needs the sanitizer runtimes.)
"$cxx" "$source_dir/tests/consumer/main.cpp" $(pkg-config --cflags preflight) -o "$work/static" $static_libs ${LDFLAGS:-}
if ldd "$work/static" | grep libpreflight >/dev/null; then echo "run.sh: the static consumer needs libpreflight.so" >&2; exit 1; fi
compare pkg-config-static "$work/static"

# 3. pkg-config, shared (when the build made the shared library).
if ls "$lib_dir"/libpreflight.so >/dev/null 2>&1; then
  # shellcheck disable=SC2046
  "$cxx" "$source_dir/tests/consumer/main.cpp" $(pkg-config --cflags --libs preflight) -o "$work/shared" ${LDFLAGS:-}
  LD_LIBRARY_PATH="$lib_dir" ldd "$work/shared" | grep "libpreflight.so.0 => $lib_dir" >/dev/null \
    || { echo "run.sh: the shared consumer does not load the installed libpreflight.so.0" >&2; exit 1; }
  compare pkg-config-shared "$work/shared"
fi
