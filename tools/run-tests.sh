#!/bin/bash
# Lantern's test runner: host unit tests, then boot tests in QEMU, the
# user tests, and the LTP gate (tools/ltp/gate.txt).
#
# Prints one line per test ("PASS name" / "FAIL name: why") and ends with
# "N passed, N failed".  Exit status is non-zero if anything failed.
#
#   tools/run-tests.sh [FILTER]      run tests whose name contains FILTER
#   tools/run-tests.sh --linux [FILTER]  only the user, network and
#                                    Debian root tests, on Debian's Linux
#                                    kernel (the oracle); FILTER debian/
#                                    runs just the Debian root ones
#
# Every QEMU runs under `timeout -s KILL`.  KVM is used only when the
# machine offers real hardware virtualization and a probe boot of Lantern
# under it succeeds; otherwise TCG.
set -u
cd "$(dirname "$0")/.." || exit 1
export ROOT=$PWD
export BUILD=$ROOT/build
export LOGDIR=$BUILD/test-logs
LINUX=0
if [ "${1:-}" = --linux ]; then
	LINUX=1
	shift
fi
FILTER=${1:-}
mkdir -p "$LOGDIR"

passed=0
failed=0
failed_names=()

pass() {
	echo "PASS $1"
	passed=$((passed + 1))
}

fail() {
	echo "FAIL $1: $2"
	failed=$((failed + 1))
	failed_names+=("$1")
}

selected() {
	[ -z "$FILTER" ] || [[ "$1" == *"$FILTER"* ]]
}

# qemu_boot LOG TIMEOUT QEMU-ARGS... : boot with the serial log in LOG;
# stdin comes from the caller.  Sets $status to QEMU's exit status
# (137 when the timeout killed it).
qemu_boot() {
	local log=$1 t=$2
	shift 2
	# The subshell reports a timeout's SIGKILL into the log, not the output.
	(QEMU_ACCEL=$ACCEL QEMU_TIMEOUT=$t "$ROOT/tools/qemu-run.sh" "$@"; exit $?) >"$log" 2>&1
	status=$?
}

# qemu_boot_typing LOG TIMEOUT DELAY TEXT QEMU-ARGS...: as qemu_boot, with
# TEXT typed on the serial line DELAY seconds after the start.
qemu_boot_typing() {
	local log=$1 t=$2 delay=$3 text=$4 fifo=$LOGDIR/.serial-in writer
	shift 4
	rm -f "$fifo" && mkfifo "$fifo"
	{ sleep "$delay"; printf '%s' "$text"; exec sleep "$t"; } >"$fifo" &
	writer=$!
	qemu_boot "$log" "$t" "$@" <"$fifo"
	kill "$writer" 2>/dev/null
	wait "$writer" 2>/dev/null
	rm -f "$fifo"
}

# expect LOG TEXT...: every TEXT (fixed string) appears in LOG.
# Sets $why to the first missing one.
expect() {
	local log=$1 s
	shift
	for s in "$@"; do
		if ! grep -qaF -- "$s" "$log"; then
			why="missing '$s' (log: ${log#"$ROOT"/})"
			return 1
		fi
	done
	return 0
}

expect_not() {
	local log=$1 s
	shift
	for s in "$@"; do
		if grep -qaF -- "$s" "$log"; then
			why="unexpected '$s' (log: ${log#"$ROOT"/})"
			return 1
		fi
	done
	return 0
}

pick_accel() {
	local a
	a=$("$ROOT/tools/qemu-accel.sh")
	if [ "$a" = kvm ]; then
		ACCEL=kvm
		qemu_boot "$LOGDIR/kvm-probe.log" 20 -kernel "$BUILD/vmlinux" \
			-append "console=ttyS0 ktest=timer" </dev/null
		if [ "$status" -eq 0 ] && expect "$LOGDIR/kvm-probe.log" "ktest: 1 run, 0 failed"; then
			echo "# accelerator: kvm (probe boot passed)"
			return
		fi
		echo "# accelerator: tcg (a Lantern probe boot under KVM failed)"
	else
		echo "# accelerator: tcg (no usable hardware virtualization)"
	fi
	ACCEL=tcg
}

run_unit_tests() {
	local out=$LOGDIR/unit.log line
	selected unit || return 0
	if ! make -s -C "$ROOT/tools/testing/unit" run >"$out" 2>&1; then
		# The lines below say which; a build failure has none.
		grep -qE '^(PASS|FAIL) ' "$out" || { fail unit/build "$(tail -5 "$out")"; return; }
	fi
	while IFS= read -r line; do
		case "$line" in
		"PASS "*) pass "${line#PASS }" ;;
		"FAIL "*) line=${line#FAIL }; fail "${line%%:*}" "${line#*: }" ;;
		esac
	done < <(grep -aE '^(PASS|FAIL) ' "$out")
}

# The fuzz targets, on the host (tools/testing/fuzz).  fuzz/ext2: fs/ext2
# on mutated images; the seeds stay fsck-clean, the saved crashers stay
# fixed, and FUZZ_TIME seconds (50 here) of fuzzing find nothing.
# fuzz/net: the network receive path (net/core, net/ethernet, net/ipv4,
# net/packet) on mutated Ethernet frames, the same for 40 seconds.
# clang is installed if missing; a machine where it cannot be gets a
# FAIL, not a silent skip.
run_fuzz_target() {
	local name=$1 target=$2 secs=$3 out=$LOGDIR/$1.log line
	shift 3
	selected "fuzz/$name" || return 0
	if ! "$ROOT/scripts/deps.sh" "$@" >"$out" 2>&1; then
		fail "fuzz/$name" "clang (libFuzzer) is missing: $(tail -1 "$out")"
		return
	fi
	make -s -C "$ROOT/tools/testing/fuzz" "$target" FUZZ_TIME="${FUZZ_TIME:-$secs}" >>"$out" 2>&1
	line=$(grep -aE '^(PASS|FAIL) fuzz/' "$out" | tail -1)
	case "$line" in
	"PASS "*) line=${line#PASS }; pass "${line%% (*}" ;;
	"FAIL "*) line=${line#FAIL }; fail "${line%%:*}" "${line#*: }" ;;
	*) fail "fuzz/$name" "the fuzz target did not build: $(tail -3 "$out" | tr '\n' ' ')" ;;
	esac
}

run_fuzz_tests() {
	run_fuzz_target ext2 run 50 clang e2fsprogs
	run_fuzz_target net run-net 40 clang python3
}

# Documentation generated from the code must match the code.
run_doc_checks() {
	selected docs/syscalls || return 0
	if "$ROOT/scripts/syscall-status.sh" | cmp -s - "$ROOT/Documentation/syscalls.md"; then
		pass docs/syscalls
	else
		fail docs/syscalls "Documentation/syscalls.md is stale: run scripts/syscall-status.sh > Documentation/syscalls.md"
	fi
}

# make check: no warning anywhere (-Werror, -Wmissing-prototypes), shellcheck clean.
run_make_check() {
	selected check/make-check || return 0
	if make -s -C "$ROOT" check >"$LOGDIR/make-check.log" 2>&1; then
		pass check/make-check
	else
		fail check/make-check "$(grep -m 3 -E 'error|warning|SC[0-9]+' "$LOGDIR/make-check.log" | tr '\n' ' ')(log: build/test-logs/make-check.log)"
	fi
}

# make bench's harness, one round and no bisection: it must still work,
# Lantern must get through the disk metrics, and leave its ext2 clean.
run_bench_smoke() {
	selected bench/smoke || return 0
	if "$ROOT/tools/bench/run-bench.sh" --smoke >"$LOGDIR/bench-smoke.log" 2>&1 &&
	   grep -q '"null_syscall"' "$BUILD/bench/results.json" &&
	   ! grep -q '"ext2_untar": {"lantern": "n/a"' "$BUILD/bench/results.json" &&
	   grep -q 'ext2 after the lantern run: clean' "$LOGDIR/bench-smoke.log"; then
		pass bench/smoke
	else
		fail bench/smoke "$(tail -3 "$LOGDIR/bench-smoke.log" | tr '\n' ' ')"
	fi
}

if [ "$LINUX" = 1 ]; then
	ACCEL=$("$ROOT/tools/qemu-accel.sh")
	echo "# --linux: unit and boot tests are Lantern's, skipped"
	source "$ROOT/tools/testing/block-tests.sh"
else
	pick_accel
	run_unit_tests
	run_fuzz_tests
	run_doc_checks
	run_make_check
	run_bench_smoke
	source "$ROOT/tools/testing/boot-tests.sh"
	source "$ROOT/tools/testing/scenario-tests.sh"
	source "$ROOT/tools/testing/module-tests.sh"
	source "$ROOT/tools/testing/block-tests.sh"
fi
source "$ROOT/tools/testing/user-tests.sh"
source "$ROOT/tools/testing/net-tests.sh"
source "$ROOT/tools/testing/debian-tests.sh"
source "$ROOT/tools/testing/ltp-tests.sh"

echo
if [ "$failed" -gt 0 ]; then
	echo "failed: ${failed_names[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
