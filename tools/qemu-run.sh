#!/bin/sh
# Start QEMU the way Lantern expects: serial console on stdio, no display,
# the isa-debug-exit device (test mode leaves through it), and TCG unless a
# probe shows real hardware virtualization.  Extra arguments pass through.
# The exit status is QEMU's (137 when QEMU_TIMEOUT killed it).
#
# Environment: QEMU_MEM (default 512M), QEMU_SMP (default 1),
#              QEMU_ARGS (more QEMU arguments, split at spaces),
#              QEMU_TIMEOUT (seconds; 0 = none), QEMU_ACCEL (override).
#
# QEMU must not outlive whoever started it (make run killed, a pipeline
# torn down).  This script and each process below it get a parent-death
# signal (prctl PR_SET_PDEATHSIG, through setpriv), which execve keeps;
# make's recipes exec this script, so make itself is the parent.  SIGTERM
# lets QEMU restore the terminal before it goes.
here=$(dirname "$0")
pdeath=
if command -v setpriv >/dev/null 2>&1; then
	pdeath="setpriv --pdeathsig TERM"
	if [ -z "${QEMU_RUN_PDEATH:-}" ]; then
		QEMU_RUN_PDEATH=1 exec setpriv --pdeathsig TERM "$0" "$@"
	fi
fi
accel=${QEMU_ACCEL:-$("$here/qemu-accel.sh")}
mem=${QEMU_MEM:-512M}
smp=${QEMU_SMP:-1}

# shellcheck disable=SC2086 # QEMU_ARGS is a list of words on purpose
set -- -machine q35 -accel "$accel" -cpu max -m "$mem" -smp "$smp" \
	-nographic -no-reboot -nic none \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 "$@" ${QEMU_ARGS:-}

# shellcheck disable=SC2086 # $pdeath is a command prefix, or nothing
if [ "${QEMU_TIMEOUT:-0}" -gt 0 ]; then
	set -- $pdeath timeout -s KILL "$QEMU_TIMEOUT" $pdeath qemu-system-x86_64 "$@"
else
	set -- $pdeath qemu-system-x86_64 "$@"
fi

# stdin may be a terminal (Ctrl-A X quits) or a pipe or file.
[ -p /dev/stdout ] || exec "$@"

# Output into a pipe (make run | tee log): QEMU ignores SIGPIPE and would
# run on after the reader is gone, so its output goes through cat, and
# QEMU is stopped as soon as cat ends.  A background job's stdin would be
# /dev/null: QEMU gets the real one through fd 3.
fifo=$(mktemp -u "${TMPDIR:-/tmp}/qemu-run.XXXXXX") && mkfifo -m 600 "$fifo" || exit 1
exec 3<&0
"$@" <&3 3<&- >"$fifo" &
qemu=$!
cat <"$fifo" 3<&- &
copier=$!
exec 3<&-
trap 'kill "$qemu" "$copier" 2>/dev/null; rm -f "$fifo"; exit 143' HUP INT TERM
wait "$copier"
kill "$qemu" 2>/dev/null
wait "$qemu"
status=$?
rm -f "$fifo"
exit "$status"
