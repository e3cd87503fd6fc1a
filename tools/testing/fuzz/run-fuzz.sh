#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run the ext2 fuzz target (the Makefile's run and fuzz targets) and
# print one result line, "PASS fuzz/ext2 (...)" or "FAIL fuzz/ext2: why":
#   1. every seed image, changed by the target's write path, is still
#      clean for e2fsck -fn (the changes themselves are right), and so is
#      every regressions/*.fsck.img (a corruption the driver must refuse
#      to spread, e.g. a bitmap that offers a metadata block);
#   2. every input in regressions/ (images that once crashed fs/ext2)
#      runs clean;
#   3. libFuzzer mutates the corpus for <seconds>.
#
# usage: run-fuzz.sh <build-dir> <seconds>
set -u

dir=$(cd "$(dirname "$0")" && pwd)
b=$1
secs=$2
bin=$b/fuzz_ext2
log=$b/fuzz.log
rel=${log#"$(cd "$dir/../../.." && pwd)"/}
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
E2FSCK=e2fsck
command -v "$E2FSCK" >/dev/null 2>&1 || E2FSCK=/sbin/e2fsck

fail() {
	echo "FAIL fuzz/ext2: $1 (log: $rel)"
	exit 1
}

: >"$log"
# Seeds, and corrupt images the driver must repair rather than make worse.
for img in "$b"/seeds/ext2-*.img "$dir"/regressions/*.fsck.img; do
	out=$b/fsck-check.img
	if ! FUZZ_DUMP=$out "$bin" "$img" >>"$log" 2>&1; then
		fail "$(basename "$img") crashes the target"
	fi
	if ! "$E2FSCK" -fn "$out" >>"$log" 2>&1; then
		fail "e2fsck -fn finds errors after the target's changes to $(basename "$img")"
	fi
done

if ! "$bin" -runs=0 "$dir/regressions" >>"$log" 2>&1; then
	fail "a regression input fails again: $(grep -a -m1 -E 'ERROR: |runtime error|fuzz: ' "$log" | cut -c1-120)"
fi

mkdir -p "$b/corpus" "$b/artifacts"
if "$bin" -timeout=10 -rss_limit_mb=2048 -max_len=1048576 -max_total_time="$secs" \
	-artifact_prefix="$b/artifacts/" -print_final_stats=1 \
	"$b/corpus" "$b/seeds" "$dir/regressions" >>"$log" 2>&1; then
	runs=$(grep -a 'stat::number_of_executed_units' "$log" | tail -1 | awk '{ print $2 }')
	echo "PASS fuzz/ext2 (${runs:-?} images in $secs s)"
	exit 0
fi
# shellcheck disable=SC2012 # artifact names are libFuzzer's hex hashes
a=$(ls -t "$b/artifacts" 2>/dev/null | head -1)
fail "$(grep -a -m1 -E 'ERROR: |runtime error|fuzz: |ALARM' "$log" | cut -c1-120) (input: ${a:+$b/artifacts/$a})"
