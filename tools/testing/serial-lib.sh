# Typing at a guest's shell over the serial line and reading its screen,
# sourced by the scenario and network tests.  The caller starts QEMU with
# its serial input on fd 7 and output in $SCN_LOG, its PID in $SCN_QEMU.
# shellcheck shell=bash
# scn_rc is for the callers (SC2034).
# shellcheck disable=SC2034

# scn_type TEXT: type TEXT (printf format: \r is Enter, \003 is ^C).
scn_type() {
	# shellcheck disable=SC2059 # TEXT is a format on purpose: \r, \003
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

# scn_has ERE: a whole screen line matches.
scn_has() {
	scn_screen | grep -qaE -- "$1"
}
