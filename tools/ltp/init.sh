#!/bin/sh
# /init of the LTP initramfs (tools/ltp/run.sh packs it): the file systems
# LTP expects, then the runner as PID 1.  Arguments after "--" on the
# kernel command line (ltp.first=, ltp.timeout=) reach the runner.
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/shm /dev/pts
mount -t tmpfs tmpfs /dev/shm
mount -t devpts devpts /dev/pts 2>/dev/null	# ioctl01 and the pty tests
mount -t tmpfs tmpfs /tmp
chmod 1777 /tmp /dev/shm
hostname ltp
# The socket tests talk to 127.0.0.1: the loopback must be up.
ifconfig lo 127.0.0.1 up 2>/dev/null
export PATH=/ltp/testcases/bin:/bin:/sbin:/usr/bin:/usr/sbin
export LTPROOT=/ltp TMPDIR=/tmp KCONFIG_PATH=/ltp/kconfig
export LTP_TIMEOUT_MUL=5 LTP_COLORIZE_OUTPUT=0
echo "ltp-init: $(uname -sr), $(grep -c . /ltp/list.txt) tests listed"
exec /ltp/ltp-run /ltp/list.txt "$@"
