# The LTP gate, sourced by tools/run-tests.sh: every test listed in
# tools/ltp/gate.txt (runtest format) must pass, each reported as
# ltp/<name>.  tools/ltp/run.sh builds only the folders those tests need
# (cached outside the clone, so only the first run on a machine builds)
# and boots them; with --linux the same tests run on Debian's kernel.
# A test joins the gate when it starts passing (tools/ltp/update-gate.sh)
# and leaves it only with a note in the gate saying why.
# shellcheck shell=bash

run_ltp_gate() {
	local gate=$ROOT/tools/ltp/gate.txt out=$LOGDIR/ltp log=$LOGDIR/ltp.log
	local name res why start built
	[[ -z "$FILTER" || "$FILTER" == ltp* || "$FILTER" != */* ]] || return 0
	[ -s "$gate" ] || return 0
	rm -rf "$out"
	start=$SECONDS
	LINUX=$LINUX LTP_OUT=$out QEMU_ACCEL=$ACCEL "$ROOT/tools/ltp/run.sh" "$gate" >"$log" 2>&1
	built=$(grep '^ltp: built [0-9]* folders' "$log" | tail -n 1)
	echo "# ltp: $(grep -c '^[^#]' "$gate") gate tests in $((SECONDS - start)) s (${built:-the build was cached})"
	if [ ! -s "$out/results.txt" ]; then
		fail ltp/run "no results (log: ${log#"$ROOT"/}): $(tail -n 3 "$log" | tr '\n' ' ')"
		return
	fi
	# Every gate entry, in the gate's order; one that never ran fails too.
	while read -r name _; do
		selected "ltp/$name" || continue
		read -r _ res _ why < <(awk -v n="$name" '$1 == n' "$out/results.txt" | tail -n 1)
		case "${res:-}" in
		PASS)	pass "ltp/$name" ;;
		"")	fail "ltp/$name" "did not run (log: ${log#"$ROOT"/})" ;;
		*)	fail "ltp/$name" "$res $why: $(grep -m 3 "^$name: .*T\(FAIL\|BROK\|CONF\|WARN\)" "$out/output.txt" | cut -d' ' -f2- | tr '\n' ' ')" ;;
		esac
	done < <(grep -v '^#' "$gate" | awk 'NF >= 2')
}

run_ltp_gate
