#!/bin/sh
# Start QEMU the way Lantern expects: serial console on stdio, no display,
# the isa-debug-exit device (test mode leaves through it), and TCG unless a
# probe shows real hardware virtualization.  Extra arguments pass through.
#
# Environment: QEMU_MEM (default 512M), QEMU_SMP (default 1),
#              QEMU_TIMEOUT (seconds; 0 = none), QEMU_ACCEL (override).
here=$(dirname "$0")
accel=${QEMU_ACCEL:-$("$here/qemu-accel.sh")}
mem=${QEMU_MEM:-512M}
smp=${QEMU_SMP:-1}

set -- -machine q35 -accel "$accel" -cpu max -m "$mem" -smp "$smp" \
	-nographic -no-reboot -nic none \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 "$@"

# stdin may be a terminal (Ctrl-A X quits) or a pipe or file.
if [ "${QEMU_TIMEOUT:-0}" -gt 0 ]; then
	exec timeout -s KILL "$QEMU_TIMEOUT" qemu-system-x86_64 "$@"
fi
exec qemu-system-x86_64 "$@"
