#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run the network fuzz target (the Makefile's run-net and fuzz targets)
# and print one result line, "PASS fuzz/net (...)" or "FAIL fuzz/net: why":
#   1. every seed (valid frames) runs clean;
#   2. every input in regressions-net/ (frames that once crashed or
#      leaked in net/) runs clean;
#   3. libFuzzer mutates the corpus for <seconds>, with LeakSanitizer on.
#
# usage: run-fuzz-net.sh <work-dir> <binary> <seconds>
set -u

dir=$(cd "$(dirname "$0")" && pwd)
b=$1
bin=$2
secs=$3
log=$b/fuzz.log
rel=${log#"$(cd "$dir/../../.." && pwd)"/}
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

fail() {
	echo "FAIL fuzz/net: $1 (log: $rel)"
	exit 1
}

mkdir -p "$b/corpus" "$b/artifacts"
: >"$log"
if ! "$bin" -runs=0 -artifact_prefix="$b/artifacts/" "$b/seeds" >>"$log" 2>&1; then
	fail "a seed frame fails: $(grep -a -m1 -E 'ERROR: |runtime error|fuzz: ' "$log" | cut -c1-120)"
fi
if ! "$bin" -runs=0 -artifact_prefix="$b/artifacts/" "$dir/regressions-net" >>"$log" 2>&1; then
	fail "a regression input fails again: $(grep -a -m1 -E 'ERROR: |runtime error|fuzz: ' "$log" | cut -c1-120)"
fi

if "$bin" -timeout=10 -rss_limit_mb=2048 -max_len=8192 -max_total_time="$secs" \
	-artifact_prefix="$b/artifacts/" -print_final_stats=1 \
	"$b/corpus" "$b/seeds" "$dir/regressions-net" >>"$log" 2>&1; then
	runs=$(grep -a 'stat::number_of_executed_units' "$log" | tail -1 | awk '{ print $2 }')
	echo "PASS fuzz/net (${runs:-?} inputs in $secs s)"
	exit 0
fi
# shellcheck disable=SC2012 # artifact names are libFuzzer's hex hashes
a=$(ls -t "$b/artifacts" 2>/dev/null | head -1)
fail "$(grep -a -m1 -E 'ERROR: |runtime error|fuzz: |ALARM' "$log" | cut -c1-120) (input: ${a:+$b/artifacts/$a})"
