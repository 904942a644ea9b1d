#!/usr/bin/env bash
# Runs one libFuzzer harness for a bounded time on its seed corpus (the ctest entries
# `fuzz.<harness>` and scripts/fuzz). Prints the executions; on a crash, leak, timeout or
# broken invariant it says where the input was saved and exits non-zero, which fails CI.
# Usage: run_fuzzer.sh HARNESS_EXE NAME SECONDS SOURCE_DIR WORK_DIR
set -uo pipefail
exe="$1"; name="$2"; seconds="$3"; source_dir="$4"; work_dir="$5"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
# Leaks in libraries we do not own (fontconfig's caches) are not ours: tests/fuzz/lsan.supp.
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$source_dir/tests/fuzz/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# The seeds stay untouched in tests/fuzz/corpus; what the fuzzer learns goes to WORK_DIR.
corpus="$work_dir/corpus/$name"
crashes="$work_dir/crashes"
mkdir -p "$corpus" "$crashes"
log="$work_dir/fuzz_$name.log"
rm -f "$crashes/$name-"*
"$exe" "$corpus" "$source_dir/tests/fuzz/corpus/$name" \
  -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -max_len=65536 -print_final_stats=1 \
  -artifact_prefix="$crashes/$name-" >"$log" 2>&1
status=$?
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
echo "fuzz_$name: ${runs:-0} executions (limit ${seconds} s, ${rate:-0}/s), corpus $(ls "$corpus" | wc -l) files, exit $status"
if [ "$status" -ne 0 ]; then
  artifact=$(ls -t "$crashes/$name-"* 2>/dev/null | head -1)
  # The report itself (stack, sanitizer message) is the end of the log.
  tail -n 60 "$log"
  echo "fuzz_$name FAILED: the input is ${artifact:-not saved (see $log)}"
  echo "  copy it into tests/fuzz/corpus/$name/ (the replay test keeps it fixed) and fix the bug;"
  echo "  reproduce: $exe ${artifact:-<input>}"
  exit 1
fi
