#!/bin/sh
# Start QEMU the way Lantern expects: serial console on stdio, no display,
# the isa-debug-exit device (test mode leaves through it), and TCG unless a
# probe shows real hardware virtualization.  Extra arguments pass through.
#
# Environment: QEMU_MEM (default 512M), QEMU_SMP (default 1),
#              QEMU_ARGS (more QEMU arguments, split at spaces),
#              QEMU_TIMEOUT (seconds; 0 = none), QEMU_ACCEL (override).
#
# QEMU must not outlive whoever started it (make run killed, a pipeline
# torn down): each process of the chain below gets a parent-death signal
# (prctl PR_SET_PDEATHSIG, through setpriv), which execve keeps.  So run
# this with exec from make's recipe, so that make itself is the parent.
# SIGTERM lets QEMU restore the terminal before it goes.
here=$(dirname "$0")
accel=${QEMU_ACCEL:-$("$here/qemu-accel.sh")}
mem=${QEMU_MEM:-512M}
smp=${QEMU_SMP:-1}

# shellcheck disable=SC2086 # QEMU_ARGS is a list of words on purpose
set -- -machine q35 -accel "$accel" -cpu max -m "$mem" -smp "$smp" \
	-nographic -no-reboot -nic none \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 "$@" ${QEMU_ARGS:-}

pdeath=
if command -v setpriv >/dev/null 2>&1; then
	pdeath="setpriv --pdeathsig TERM"
fi

# stdin may be a terminal (Ctrl-A X quits) or a pipe or file.
# shellcheck disable=SC2086 # $pdeath is a command prefix, or nothing
if [ "${QEMU_TIMEOUT:-0}" -gt 0 ]; then
	exec $pdeath timeout -s KILL "$QEMU_TIMEOUT" $pdeath qemu-system-x86_64 "$@"
fi
exec $pdeath qemu-system-x86_64 "$@"
