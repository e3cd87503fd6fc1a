# Scenario tests, sourced by tools/run-tests.sh: boot the busybox
# initramfs (build/initramfs-busybox.cpio.gz) once and type at its shell
# over the serial line the way a person would, then read the screen.
# One PASS/FAIL/SKIP line per scenario, named scenario/<name>.  A
# scenario whose kernel feature has not landed yet prints SKIP with the
# reason (a capability probe decides), never PASS.
#
# Each command ends by echoing a marker built by the shell (@@name:$?@@
# prints as @@name:0@@), so the typed echo never matches the answer.
# shellcheck shell=bash

SCN_INITRD=$BUILD/initramfs-busybox.cpio.gz
SCN_TIMEOUT=150		# the whole boot; the suite takes ~60 s under TCG

# scn_type TEXT: type TEXT (printf format: \r is Enter, \003 is ^C).
scn_type() {
	printf "$1" >&7
}

# scn_screen: the log so far without carriage returns.
scn_screen() {
	tr -d '\r' < "$SCN_LOG"
}

# scn_wait ERE SECONDS: until a line of the screen matches; 1 on timeout.
scn_wait() {
	local end=$((SECONDS + $2))
	while [ "$SECONDS" -lt "$end" ]; do
		scn_screen | grep -qaE -- "$1" && return 0
		kill -0 "$SCN_QEMU" 2>/dev/null || return 1
		sleep 0.3
	done
	return 1
}

# scn_run NAME COMMAND SECONDS: type COMMAND followed by the marker echo
# and wait for the marker; sets $scn_rc to the command's exit status.
scn_run() {
	scn_type "$2; echo @@$1:\$?@@\r"
	scn_rc=
	scn_wait "^@@$1:[0-9]+@@" "$3" || return 1
	scn_rc=$(scn_screen | grep -aoE -- "^@@$1:[0-9]+@@" | tail -n 1 | tr -dc 0-9)
}

scn_result() {
	local name=scenario/$1
	selected "$name" || return 0
	case "$2" in
	pass) pass "$name" ;;
	skip) echo "SKIP $name: $3" ;;
	*) fail "$name" "$3 (log: ${SCN_LOG#$ROOT/})" ;;
	esac
}

# scn_has ERE: a whole screen line matches.
scn_has() {
	scn_screen | grep -qaE -- "$1"
}

scenario_file() {
	scn_run file 'echo hi > f; cat f' 15 && scn_has '^hi$' && return 0
	why="'cat f' did not print hi"; return 1
}

scenario_ls() {
	scn_run ls 'ls -l /' 15 && scn_has '^l.* init -> /bin/busybox$' &&
		scn_has '^d.* bin$' && return 0
	why="'ls -l /' did not list /init and /bin"; return 1
}

scenario_cd() {
	scn_run cd 'cd /tmp; pwd' 15 && scn_has '^/tmp$' && return 0
	why="'pwd' did not print /tmp"; return 1
}

scenario_redirect() {
	scn_run redir '{ echo out1; echo err1 >&2; ls /nonexistent; } > r 2>&1; cat r' 15 &&
		scn_has '^out1$' && scn_has '^err1$' &&
		scn_has "^ls: /nonexistent: No such file or directory$" && return 0
	why="stdout and stderr did not both reach the file"; return 1
}

scenario_script() {
	scn_run script "printf 'f() { echo \"fn\$1\"; }\\\\nfor i in 1 2 3; do f \$i; done\\\\n' > s.sh; sh s.sh" 20 &&
		scn_has '^fn1$' && scn_has '^fn3$' && return 0
	why="the script's loop and function did not print fn1..fn3"; return 1
}

# The pipe probe: a shell that cannot make a pipe prints no probe line.
scenario_pipe() {
	# A failed pipeline aborts the whole line: the probe has its own.
	scn_type 'echo probe$((40+2)) | cat\r'
	scn_run pipeprobe 'true' 10
	if ! scn_has '^probe42$'; then
		scn_skip_why="pipes are not implemented yet (fs/pipe.c)"
		return 2
	fi
	scn_run pipe 'ls /bin | wc -l' 15 || { why="no marker"; return 1; }
	scn_screen | grep -aqE '^ *[0-9]{2,}$' && return 0
	why="'ls /bin | wc -l' printed no count"; return 1
}

# ^C kills the foreground job with SIGINT: the shell sees status 130.
scenario_ctrl_c() {
	scn_type 'sleep 100\r'
	sleep 2
	scn_type '\003'
	sleep 1
	scn_type 'echo @@ctrlc:$?@@\r'
	scn_wait '^@@ctrlc:[0-9]+@@' 10 || { why="the shell did not come back after ^C"; return 1; }
	scn_has '^@@ctrlc:130@@' && return 0
	why="'sleep 100' did not die of SIGINT (status 130)"; return 1
}

# ^Z stops the foreground job, jobs lists it, fg continues it to the end.
scenario_job_control() {
	scn_type 'sleep 4\r'
	sleep 1.5
	scn_type '\032'
	scn_wait 'Stopped.*sleep 4' 10 || { why="^Z did not stop 'sleep 4'"; return 1; }
	scn_run jobs 'jobs' 10 && scn_has '^\[1\]\+ +Stopped +sleep 4' ||
		{ why="'jobs' did not list the stopped job"; return 1; }
	scn_run fg 'fg' 20 || { why="'fg' did not finish the job"; return 1; }
	[ "$scn_rc" = 0 ] || { why="'fg' returned $scn_rc"; return 1; }
}

scenario_poweroff() {
	scn_type 'poweroff\r'
	wait "$SCN_QEMU"
	status=$?
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0"; return 1; }
	scn_has 'reboot: Power down' || { why="no power-down message"; return 1; }
}

scn_scenario() {
	local name=$1 ret
	why=""
	scn_skip_why=""
	if ! kill -0 "$SCN_QEMU" 2>/dev/null; then
		scn_result "$name" fail "the VM is gone"
		return
	fi
	"scenario_${name//-/_}"
	ret=$?
	case $ret in
	0) scn_result "$name" pass ;;
	2) scn_result "$name" skip "$scn_skip_why" ;;
	*) scn_result "$name" fail "${why:-failed}" ;;
	esac
}

run_scenario_tests() {
	local fifo=$LOGDIR/.scenario-in name
	SCN_LOG=$LOGDIR/scenario.log
	[[ -z "$FILTER" || "scenario/" == *"$FILTER"* || "$FILTER" == scenario* ]] || return 0
	[ -f "$SCN_INITRD" ] || { fail scenario/build "$SCN_INITRD missing: run make"; return; }
	rm -f "$fifo" && mkfifo "$fifo"
	exec 7<>"$fifo"
	QEMU_ACCEL=$ACCEL QEMU_TIMEOUT=$SCN_TIMEOUT "$ROOT/tools/qemu-run.sh" \
		-kernel "$BUILD/vmlinux" -initrd "$SCN_INITRD" -append "console=ttyS0" \
		<"$fifo" >"$SCN_LOG" 2>&1 &
	SCN_QEMU=$!
	if ! scn_wait 'lantern:.*# ' 60; then
		fail scenario/boot "no shell prompt within 60 s (log: ${SCN_LOG#$ROOT/})"
		kill -KILL "$SCN_QEMU" 2>/dev/null
	else
		selected scenario/boot && pass scenario/boot
		for name in file ls cd redirect script ctrl-c job-control pipe poweroff; do
			scn_scenario "$name"
		done
	fi
	kill -KILL "$SCN_QEMU" 2>/dev/null
	wait "$SCN_QEMU" 2>/dev/null
	exec 7>&-
	rm -f "$fifo"
}

run_scenario_tests
