# Boot tests, sourced by tools/run-tests.sh: each boots Lantern in QEMU
# and checks the serial log and QEMU's exit status.  QEMU's status tells
# how the guest ended: 0 = ACPI power-off or reset (with -no-reboot),
# 3 = isa-debug-exit with 1 (test-mode panic or a failed ktest),
# 137 = killed by the timeout.
# shellcheck shell=bash

KERNEL=$BUILD/vmlinux
INITRD=$BUILD/initramfs.cpio

boot_test() {
	local name=$1
	selected "$name" || return 0
	why=""
	if "test_${name//[\/-]/_}"; then
		pass "$name"
	else
		fail "$name" "${why:-exit status $status}"
	fi
}

# Direct boot through PVH: banner, command line, memory map, timers,
# in-kernel tests, orderly power-off.
test_boot_pvh() {
	local log=$LOGDIR/boot-pvh.log
	qemu_boot "$log" 60 -kernel "$KERNEL" -initrd "$INITRD" \
		-append "console=ttyS0 ktest=timer,nofault" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0 (power-off)"; return 1; }
	expect "$log" "Linux version 6.1.0-lantern " "Command line: console=ttyS0 ktest=timer,nofault" \
		"Boot loader: PVH" "BIOS-e820: [mem 0x0000000000100000-" "RAMDISK: [mem 0x" \
		"tsc: Detected" "one-shot tick at 250 Hz from the local APIC timer, stopped when idle" "ktest: timer: PASS" \
		"ktest: nofault: PASS" "ktest: 3 run, 0 failed" "reboot: Power down" || return 1
	# Linux-style timestamps, and they move forward.
	grep -qaE '^\[ +0\.0[0-9]{5}\] ' "$log" || { why="no [    0.xxxxxx] timestamps"; return 1; }
	grep -qaE '^\[ +0\.[1-9][0-9]{5}\] ktest: timer: [0-9]+ jiffies' "$log" ||
		{ why="timestamps did not advance during the timer test"; return 1; }
}

# Through GRUB: Multiboot2 header, the command line and the initramfs module.
test_boot_grub_iso() {
	local log=$LOGDIR/boot-grub-iso.log iso=$BUILD/test.iso
	make -s -C "$ROOT" "$iso" BUILD="$BUILD" ISO_INITRD="$INITRD" \
		APPEND="console=ttyS0 ktest=timer via=grub" >"$LOGDIR/iso-build.log" 2>&1 ||
		{ why="building the ISO failed: $(tail -3 "$LOGDIR/iso-build.log")"; return 1; }
	qemu_boot "$log" 90 -cdrom "$iso" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0"; return 1; }
	expect "$log" "Boot loader: Multiboot2 (GRUB" \
		"Command line: console=ttyS0 ktest=timer via=grub" "RAMDISK: [mem 0x" \
		"ACPI: RSDP" "ktest: 2 run, 0 failed"
}

# `make iso` as README says to boot it: GRUB loads Lantern and the busybox
# initramfs, the shell prompt comes up on the serial line, and poweroff
# ends QEMU.  The QEMU command is README's (plus -no-reboot).
test_boot_iso_shell() {
	local log=$LOGDIR/boot-iso-shell.log fifo=$LOGDIR/.iso-in qemu end
	make -s -C "$ROOT" iso BUILD="$BUILD" >"$LOGDIR/iso-shell-build.log" 2>&1 ||
		{ why="make iso failed: $(tail -3 "$LOGDIR/iso-shell-build.log")"; return 1; }
	rm -f "$fifo" && mkfifo "$fifo"
	exec 6<>"$fifo"
	: >"$log"	# the poll below may read it before QEMU's redirection runs
	timeout -s KILL 150 qemu-system-x86_64 -cdrom "$BUILD/lantern.iso" -m 512M -nographic \
		-no-reboot -accel "$ACCEL" <"$fifo" >"$log" 2>&1 &
	qemu=$!
	end=$((SECONDS + 120))
	until tr -d '\r' <"$log" | grep -qaE 'lantern:.*# '; do
		if [ "$SECONDS" -ge "$end" ] || ! kill -0 "$qemu" 2>/dev/null; then
			why="no shell prompt (log: ${log#"$ROOT"/})"
			kill -KILL "$qemu" 2>/dev/null; wait "$qemu" 2>/dev/null
			exec 6>&-; rm -f "$fifo"
			return 1
		fi
		sleep 0.5
	done
	printf 'cat /proc/cmdline; poweroff\r' >&6
	wait "$qemu"
	status=$?
	exec 6>&-
	rm -f "$fifo"
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0 (power-off)"; return 1; }
	expect "$log" "Boot loader: Multiboot2 (GRUB" "initramfs: unpacked" \
		"Welcome to Lantern" "reboot: Power down"
}

# Killing `make run` (TERM, or KILL so make cannot clean up), or the
# reader of its output, takes QEMU with it: nothing is left running.  QEMU_ARGS reaches QEMU (-pidfile
# here, which is how the test finds it), and so does QEMU_MEM.
test_boot_run_kill() {
	local log=$LOGDIR/run-kill.log pidf=$LOGDIR/run-kill.pid sig mk q
	for sig in TERM KILL; do
		rm -f "$pidf"
		QEMU_ACCEL=$ACCEL QEMU_TIMEOUT=90 make -s -C "$ROOT" run BUILD="$BUILD" QEMU_MEM=300M \
			QEMU_ARGS="-pidfile $pidf" </dev/null >"$log" 2>&1 &
		mk=$!
		# Wait for the memory banner itself, not an earlier line: on a
		# loaded CI machine the kernel can be between the two when we look.
		for _ in $(seq 120); do
			[ -s "$pidf" ] && grep -qa "Memory: " "$log" && break
			sleep 0.5
		done
		q=$(cat "$pidf" 2>/dev/null)
		if [ -z "$q" ] || ! kill -0 "$q" 2>/dev/null; then
			why="make run did not start QEMU (log: ${log#"$ROOT"/})"
			kill -KILL "$mk" 2>/dev/null; wait "$mk" 2>/dev/null
			return 1
		fi
		grep -qaE 'Memory: [0-9]+K/30[0-9]{4}K available' "$log" ||
			{ why="QEMU_MEM=300M did not reach QEMU"; kill -KILL "$mk" "$q" 2>/dev/null; return 1; }
		kill -"$sig" "$mk"
		wait "$mk" 2>/dev/null
		for _ in $(seq 20); do
			kill -0 "$q" 2>/dev/null || break
			sleep 0.25
		done
		if kill -0 "$q" 2>/dev/null; then
			why="QEMU (pid $q) outlived make run killed with SIG$sig"
			kill -KILL "$q" 2>/dev/null
			return 1
		fi
	done
	# `make run | head`: the reader goes away while the boot is still
	# printing; QEMU (which ignores SIGPIPE) must stop too.
	rm -f "$pidf"
	QEMU_ACCEL=$ACCEL QEMU_TIMEOUT=90 make -s -C "$ROOT" run BUILD="$BUILD" \
		QEMU_ARGS="-pidfile $pidf" </dev/null 2>&1 | head -c 3000 >"$log"
	for _ in $(seq 40); do
		q=$(cat "$pidf" 2>/dev/null)
		[ -z "$q" ] && break		# QEMU removes its pidfile as it exits
		kill -0 "$q" 2>/dev/null || break
		sleep 0.25
	done
	if [ -n "$q" ] && kill -0 "$q" 2>/dev/null; then
		why="QEMU (pid $q) outlived the reader of make run's output"
		kill -KILL "$q" 2>/dev/null
		return 1
	fi
	expect "$log" "Linux version 6.1.0-lantern"
}

# make debug: the gdb stub listens on GDBPORT (default 1234 + uid, one
# per user), QEMU waits halted, and it too goes when make is killed.
test_boot_debug_gdbport() {
	local log=$LOGDIR/debug-gdbport.log port=$((20000 + RANDOM % 20000)) mk up=0
	make -s -n -C "$ROOT" debug BUILD="$BUILD" 2>/dev/null |
		grep -q "tcp::$((1234 + $(id -u) % 60000)) " ||
		{ why="make debug's default port is not 1234 + uid"; return 1; }
	QEMU_ACCEL=$ACCEL QEMU_TIMEOUT=60 make -s -C "$ROOT" debug BUILD="$BUILD" GDBPORT=$port \
		</dev/null >"$log" 2>&1 &
	mk=$!
	for _ in $(seq 80); do
		if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			up=1
			break
		fi
		sleep 0.25
	done
	kill -TERM "$mk" 2>/dev/null
	wait "$mk" 2>/dev/null
	[ "$up" = 1 ] || { why="nothing listened on GDBPORT=$port (log: ${log#"$ROOT"/})"; return 1; }
	expect "$log" "target remote :$port" || return 1
	# Halted at the first instruction: the kernel printed nothing.
	expect_not "$log" "Linux version" || return 1
	for _ in $(seq 20); do
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || return 0
		sleep 0.25
	done
	why="the gdb stub (QEMU) outlived make debug"
	return 1
}

# The command line arrives byte for byte, and unclaimed options go to
# init: name=value into the environment, words (and all after --) into argv.
test_boot_cmdline() {
	local log=$LOGDIR/boot-cmdline.log
	# init/main.c lists init's arguments with pr_debug: dyndbg= switches it on.
	local cmd='console=ttyS0 debug dyndbg="file init/main.c +p" ktest=timer root=/dev/vda rw foo=bar "spaced=a b" single mod.opt=1 -- initarg x=y'
	qemu_boot "$log" 60 -kernel "$KERNEL" -append "$cmd" </dev/null
	[ "$status" -eq 0 ] || return 1
	expect "$log" "Command line: $cmd" "Kernel command line: $cmd" \
		"    foo=bar" "    spaced=a b" "    single" "    initarg" "    x=y" \
		"root=/dev/vda (rw)" || return 1
	# Module parameters and options the kernel owns are not init's.
	expect_not "$log" "    mod.opt=1" "    ktest=timer" "    debug" "    root=/dev/vda" "    rw" \
		"    dyndbg"
}

# loglevel=/quiet/debug decide what reaches the console.
test_boot_loglevel() {
	local log=$LOGDIR/boot-quiet.log log2=$LOGDIR/boot-loglevel.log
	qemu_boot "$log" 60 -kernel "$KERNEL" -append "console=ttyS0 quiet ktest=timer" </dev/null
	[ "$status" -eq 0 ] || return 1
	expect_not "$log" "tsc: Detected" "Linux version" || return 1
	expect "$log" "reboot: Power down" || return 1
	qemu_boot "$log2" 60 -kernel "$KERNEL" -append "console=ttyS0 loglevel=6 ktest=timer" </dev/null
	[ "$status" -eq 0 ] || return 1
	# Level 6 (info) is not below 6: hidden; level 5 (notice) shows.
	expect "$log2" "Linux version 6.1.0-lantern " "Kernel command line:" || return 1
	expect_not "$log2" "tsc: Detected"
}

check_oops_trace() {
	local log=$1 func=$2
	expect "$log" "RIP: 0010:$func+0x" "Code: " "RSP: 0018:" "RAX: " "CR2: " \
		"Call Trace:" " <TASK>" " $func+0x" " kernel_init+0x" " ret_from_fork+0x" " </TASK>" \
		"Kernel panic - not syncing: Fatal exception"
}

# The boot log, at every level (debug, with every pr_debug site switched
# on by dyndbg=+p), through user space and a test program, holds no raw
# kernel address: no direct-map, kernel-text or vmalloc pointer (%p
# hashes; only oopses print raw ones).
test_log_no_addresses() {
	local log=$LOGDIR/log-no-addresses.log leak
	make -s -C "$ROOT" usr >"$LOGDIR/usr-build-addr.log" 2>&1 || { why="make usr failed"; return 1; }
	qemu_boot "$log" 90 -kernel "$KERNEL" -initrd "$BUILD/usr/initramfs-tests.cpio" \
		-append "console=ttyS0 debug dyndbg=+p ktest=user -- lt.only=syslog_restrict" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0"; return 1; }
	expect "$log" "mem_map at " "PASS syslog_restrict/nonroot_denied" "testinit: done" || return 1
	leak=$(grep -aoE '(ffff88[0-9a-f]{10}|ffffffff8[0-9a-f]{7}|ffffc9[0-9a-f]{10})' "$log" | head -n 1)
	[ -z "$leak" ] && return 0
	why="raw kernel address in the log: $(grep -a "$leak" "$log" | head -n 1)"
	return 1
}

# An invalid opcode in the kernel: an oops naming #UD, a symbolized
# backtrace, and in test mode the VM exits with a failure status.
test_oops_ud2() {
	local log=$LOGDIR/oops-ud2.log
	qemu_boot "$log" 60 -kernel "$KERNEL" -append "console=ttyS0 ktest=ud2" </dev/null
	[ "$status" -eq 3 ] || { why="QEMU exit status $status, expected 3 (failure exit)"; return 1; }
	# kernel_init is PID 1 and, until it execs, has the idle task's name.
	expect "$log" "invalid opcode: 0000 [#1]" \
		"CPU: 0 PID: 1 Comm: swapper/0 Not tainted" && check_oops_trace "$log" ktest_ud2
}

# An oops in a kernel thread names that thread, not the idle task.
test_oops_kthread() {
	local log=$LOGDIR/oops-kthread.log
	qemu_boot "$log" 60 -kernel "$KERNEL" -append "console=ttyS0 ktest=kthread_oops" </dev/null
	[ "$status" -eq 3 ] || { why="QEMU exit status $status, expected 3 (failure exit)"; return 1; }
	expect "$log" "invalid opcode: 0000 [#1]" "RIP: 0010:ktest_oops_thread+0x" \
		" ret_from_fork+0x" || return 1
	grep -qaE 'CPU: 0 PID: [1-9][0-9]* Comm: ktest_oops Not tainted ' "$log" ||
		{ why="no 'CPU: 0 PID: <n> Comm: ktest_oops Not tainted' line"; return 1; }
}

# A crash from a user process (SysRq c written by the busybox shell):
# the panic's dump names the shell, not the idle task.
test_oops_sysrq_crash() {
	local log=$LOGDIR/oops-sysrq-crash.log
	qemu_boot_typing "$log" 60 12 $'echo c > /proc/sysrq-trigger\r' -kernel "$KERNEL" \
		-initrd "$BUILD/initramfs-busybox.cpio.gz" -append "console=ttyS0 panic=1"
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0 (reset after the panic)"; return 1; }
	expect "$log" "sysrq: Trigger a crash" "Kernel panic - not syncing: sysrq triggered crash" \
		" write_sysrq_trigger+0x" || return 1
	grep -qaE 'CPU: 0 PID: [1-9][0-9]* Comm: sh Not tainted ' "$log" ||
		{ why="no 'CPU: 0 PID: <n> Comm: sh Not tainted' line"; return 1; }
}

# -smp 4: the application processors come up (the boot line Linux
# prints), /proc/cpuinfo has a block per CPU and /sys/devices/system/cpu
# lists them; maxcpus= and nosmp limit how many start.  Every CPU runs
# tasks, so nproc (the CPUs a process may run on) says 4, and the
# version string says SMP, as Linux's does.  ktest=smp: the cross-CPU
# calls reach the CPUs asked for, and only online ones.
test_boot_smp() {
	local log=$LOGDIR/boot-smp.log
	QEMU_SMP=4 qemu_boot_typing "$log" 90 12 \
		$'echo "cpuinfo=$(grep -c ^processor /proc/cpuinfo) online=$(cat /sys/devices/system/cpu/online) offline=[$(cat /sys/devices/system/cpu/offline)] nproc=$(nproc)"; poweroff\r' \
		-kernel "$KERNEL" -initrd "$BUILD/initramfs-busybox.cpio.gz" -append "console=ttyS0"
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0"; return 1; }
	expect "$log" "smp: Brought up 1 node, 4 CPUs" "setup_percpu: NR_CPUS:64 nr_cpu_ids:4" \
		"cpuinfo=4 online=0-3 offline=[] nproc=4" "#1 SMP " "reboot: Power down" || return 1
	expect_not "$log" "did not come up" "did not stop" || return 1

	log=$LOGDIR/boot-smp-maxcpus.log
	QEMU_SMP=4 qemu_boot "$log" 60 -kernel "$KERNEL" -append "console=ttyS0 maxcpus=2 ktest=timer,smp" </dev/null
	[ "$status" -eq 0 ] || { why="maxcpus=2: QEMU exit status $status, expected 0"; return 1; }
	expect "$log" "smp: Brought up 1 node, 2 CPUs" "ktest: smp: 2 CPUs online" "ktest: smp: PASS" \
		"ktest: 3 run, 0 failed" || return 1

	log=$LOGDIR/boot-smp-nosmp.log
	QEMU_SMP=2 qemu_boot "$log" 60 -kernel "$KERNEL" -append "console=ttyS0 nosmp ktest=timer" </dev/null
	[ "$status" -eq 0 ] || { why="nosmp: QEMU exit status $status, expected 0"; return 1; }
	expect "$log" "smp: Brought up 1 node, 1 CPU" "ktest: 2 run, 0 failed"
}

# A panic with four CPUs up: the others are stopped by NMI, the log has
# one panic, and panic=1 resets the machine.
test_panic_smp() {
	local log=$LOGDIR/panic-smp.log n
	QEMU_SMP=4 qemu_boot_typing "$log" 60 12 $'echo c > /proc/sysrq-trigger\r' -kernel "$KERNEL" \
		-initrd "$BUILD/initramfs-busybox.cpio.gz" -append "console=ttyS0 panic=1"
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0 (reset after the panic)"; return 1; }
	expect "$log" "smp: Brought up 1 node, 4 CPUs" \
		"Kernel panic - not syncing: sysrq triggered crash" "Rebooting in 1 seconds" || return 1
	n=$(grep -ac "Kernel panic - not syncing" "$log")
	[ "$n" -eq 1 ] || { why="$n panic lines, expected 1"; return 1; }
	expect_not "$log" "did not stop"
}

test_oops_pagefault() {
	local log=$LOGDIR/oops-pagefault.log
	qemu_boot "$log" 60 -kernel "$KERNEL" -append "console=ttyS0 ktest=pagefault" </dev/null
	[ "$status" -eq 3 ] || { why="QEMU exit status $status, expected 3"; return 1; }
	expect "$log" "BUG: unable to handle page fault for address: 000000000dead000" \
		"#PF: supervisor write access in kernel mode" \
		"#PF: error_code(0x0002) - not-present page" "Oops: 0002 [#1]" \
		"CR2: 000000000dead000" && check_oops_trace "$log" ktest_pagefault
}

# Writing one byte past a vmalloc area hits its guard page: the oops
# says so, naming the area and who allocated it.
test_oops_vmalloc_guard() {
	local log=$LOGDIR/oops-vmalloc-guard.log
	qemu_boot "$log" 60 -kernel "$KERNEL" -append "console=ttyS0 ktest=vmalloc_guard" </dev/null
	[ "$status" -eq 3 ] || { why="QEMU exit status $status, expected 3"; return 1; }
	expect "$log" "BUG: vmalloc guard page hit at ffffc9" \
		"allocated by ktest_vmalloc_guard+0x" \
		"BUG: unable to handle page fault for address: ffffc9" \
		"#PF: error_code(0x0002) - not-present page" "Oops: 0002 [#1]" &&
		check_oops_trace "$log" ktest_vmalloc_guard
}

# panic=N reboots after N seconds (QEMU's -no-reboot turns that into an
# exit with status 0); panic=0 halts, so only the timeout ends QEMU.
test_panic_reboot() {
	local log=$LOGDIR/panic-reboot.log
	qemu_boot "$log" 60 -kernel "$KERNEL" -append "console=ttyS0 ktest=ud2 panic=1" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0 (reset)"; return 1; }
	expect "$log" "Rebooting in 1 seconds.."
}

test_panic_halt() {
	local log=$LOGDIR/panic-halt.log
	qemu_boot "$log" 8 -kernel "$KERNEL" -append "console=ttyS0 ktest=ud2 panic=0" </dev/null
	[ "$status" -eq 137 ] || { why="QEMU exit status $status, expected 137 (halted until killed)"; return 1; }
	expect "$log" "---[ end Kernel panic - not syncing: Fatal exception ]---"
}

# Characters typed on the serial line arrive through IRQ 4 (I/O APIC),
# and the interrupt table counts them.
test_irq_serial() {
	local log=$LOGDIR/irq-serial.log
	qemu_boot_typing "$log" 40 3 $'hello lantern\r' -kernel "$KERNEL" \
		-append "console=ttyS0 ktest=serial"
	[ "$status" -eq 0 ] || return 1
	expect "$log" "got 'hello lantern' through" "IO-APIC" "serial" "LOC:" || return 1
	grep -qaE '(^|\] ) *4: +[1-9][0-9]* +IO-APIC +4-edge +serial' "$log" ||
		{ why="no nonzero IRQ 4 line in the interrupt table"; return 1; }
}

# A CPU without a local APIC: interrupts through the 8259 PIC and the tick
# from the PIT; the timer and serial tests must still pass.
test_irq_legacy_pic() {
	local log=$LOGDIR/irq-legacy-pic.log
	qemu_boot_typing "$log" 40 3 $'pic\r' -kernel "$KERNEL" -cpu max,-apic,-x2apic \
		-append "console=ttyS0 ktest=timer,serial"
	[ "$status" -eq 0 ] || return 1
	expect "$log" "routing device interrupts through the legacy 8259 PIC" \
		"periodic tick at 250 Hz from the PIT" "ktest: timer: PASS" \
		"got 'pic' through" "XT-PIC" "ktest: 3 run, 0 failed"
}

# Memory management: the zones and the Linux-style boot lines, then the
# self-tests (buddy, kmalloc and vmalloc exhausted and random, every
# counter back exactly; kernel page-table permissions; /proc text; the
# initrd given back), with "debug" so meminfo/buddyinfo/slabinfo print.
# Bottom halves and timers (issue 13): softirqs, tasklets, workqueues,
# timers, hrtimers and RCU checked from inside, with the context each
# callback ran in printed, as the tour shows it.
# ("timer" names two tests: the tick rate (arch) and timer_list.)
DEFERRED_KTESTS="softirq tasklet workqueue timer hrtimer rcu"
test_deferred_ktest() {
	local log=$LOGDIR/deferred-ktest.log t n=0 list
	list=$(echo "$DEFERRED_KTESTS" | tr ' ' ,)
	qemu_boot "$log" 90 -kernel "$KERNEL" -append "console=ttyS0 ktest=$list" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0"; return 1; }
	for t in $DEFERRED_KTESTS; do
		expect "$log" "ktest: $t: PASS" || return 1
		n=$((n + 1))
		[ "$t" = timer ] && n=$((n + 1))
	done
	expect "$log" "ktest: $n run, 0 failed" \
		"ktest: tasklet: ran in softirq context" \
		"ran in softirq context in 'ksoftirqd/0'" \
		"ktest: workqueue: item ran in task context in 'kworker/0:" \
		"ktest: timer: timer_list for 5 jiffies fired once after" \
		"ktest: hrtimer: soft hrtimer fired in softirq context" \
		"then ran in order in softirq context" || return 1
	grep -qaE 'ktest: hrtimer: 2 ms hrtimer fired [0-9]+ us late, in hardirq context' "$log" ||
		{ why="no hardirq hrtimer line"; return 1; }
	expect_not "$log" "BUG" "WARNING:" "Oops"
}

test_mm_ktest() {
	local log=$LOGDIR/mm-ktest.log
	qemu_boot "$log" 90 -kernel "$KERNEL" -initrd "$INITRD" \
		-append "console=ttyS0 debug ktest=mm" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0"; return 1; }
	expect "$log" "Zone ranges:" "  DMA      [mem 0x0000000000000000-0x0000000000ffffff]" \
		"  DMA32    [mem 0x0000000001000000-" "  Normal   empty" \
		"init_memory_mapping: [mem 0x00100000-" "NX on" \
		"SLUB: HWalign=64" "MemTotal:  " "SUnreclaim:  " "VmallocTotal:   34359738367 kB" \
		"Node 0, zone      DMA " "Node 0, zone    DMA32 " "slabinfo - version: 2.1" \
		"ktest: mm: PASS" "ktest: 1 run, 0 failed" || return 1
	grep -qaE 'Memory: [0-9]+K/[0-9]+K available \([0-9]+K kernel code, .*K reserved\)' "$log" ||
		{ why="no 'Memory: NK/NK available (...)' line"; return 1; }
	grep -qaE 'Freeing initrd memory: [1-9][0-9]*K' "$log" ||
		{ why="the initrd was not given back"; return 1; }
	expect_not "$log" "BUG" "WARNING:" "Bad page"
}

# TCP's loss recovery (net/ipv4/tcp_test.c): segments lost on purpose over
# lo come back by fast retransmit and by the retransmission timeout.
test_net_tcp_ktest() {
	local log=$LOGDIR/tcp-ktest.log
	qemu_boot "$log" 60 -kernel "$KERNEL" -append "console=ttyS0 ktest=tcp" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0"; return 1; }
	expect "$log" "ktest: tcp: 40000 bytes in " "ktest: tcp: PASS" "ktest: 1 run, 0 failed" || return 1
	expect_not "$log" "BUG" "WARNING:" "Oops"
}

# More memory than fits below 4 GiB: ZONE_NORMAL and 1 GiB direct-map pages.
test_mm_bigmem() {
	local log=$LOGDIR/mm-bigmem.log
	QEMU_MEM=6G qemu_boot "$log" 60 -kernel "$KERNEL" \
		-append "console=ttyS0 debug ktest=timer" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0"; return 1; }
	expect "$log" "  Normal   [mem 0x0000000100000000-0x00000001ffffffff]" \
		"init_memory_mapping: [mem 0x100000000-0x1ffffffff]" "1G pages on" \
		"DirectMap1G:     4194304 kB" "Node 0, zone   Normal " "ktest: 2 run, 0 failed"
}

# A CPU without NX or 1 GiB pages: 2 MiB pages, no NX bits, tests still pass.
test_mm_no_nx() {
	local log=$LOGDIR/mm-no-nx.log
	qemu_boot "$log" 90 -kernel "$KERNEL" -cpu max,-pdpe1gb,-nx \
		-append "console=ttyS0 ktest=mm" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0"; return 1; }
	expect "$log" "NX unavailable, 1G pages unavailable" "ktest: mm: PASS"
}

# slub_debug catches a double free, an overflow and a use after free,
# reports each in Linux's words, and the kernel carries on.
test_mm_slub_debug() {
	local log=$LOGDIR/mm-slub-debug.log
	qemu_boot "$log" 60 -kernel "$KERNEL" \
		-append "console=ttyS0 slub_debug ktest=slub_double_free,slub_overflow,slub_uaf" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0"; return 1; }
	expect "$log" "SLUB: HWalign=64, Order=0-3, MinObjects=8, CPUs=1, Nodes=1, debugging on" \
		"BUG kmalloc-64 (Not tainted): Object already free" \
		"BUG kmalloc-64 (Not tainted): Right Redzone overwritten" \
		"BUG kmalloc-64 (Not tainted): Poison overwritten" \
		"Allocated in ktest_slub_double_free+0x" "Freed in ktest_slub_double_free+0x" \
		"FIX kmalloc-64: Object not freed" "FIX kmalloc-64: Object leaked, not reused" \
		"ktest: slub_double_free: PASS" "ktest: slub_overflow: PASS" \
		"ktest: slub_uaf: PASS" "ktest: 3 run, 0 failed"
}

# ktest=mmbench: allocator fast paths in ns, one parseable line each.
test_mm_mmbench() {
	local log=$LOGDIR/mm-mmbench.log
	qemu_boot "$log" 60 -kernel "$KERNEL" -append "console=ttyS0 ktest=mmbench" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0"; return 1; }
	local n
	for n in kmalloc64 alloc_pages_order0 alloc_pages_order4; do
		tr -d '\r' <"$log" | grep -qaE "\] mmbench: $n [0-9]+ ns$" ||
			{ why="no 'mmbench: $n N ns' line"; return 1; }
	done
}

# A truncated cpio archive is refused with one clear line, before
# anything is unpacked, and the boot goes on without it (to the usual
# "no init" panic, which panic=1 turns into a reset): no hang.
test_initramfs_corrupt() {
	local log=$LOGDIR/initramfs-corrupt.log img=$LOGDIR/truncated.cpio
	head -c 300 "$INITRD" >"$img"
	qemu_boot "$log" 60 -kernel "$KERNEL" -initrd "$img" -append "console=ttyS0 panic=1" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0 (reset after the panic)"; return 1; }
	expect "$log" "initramfs: corrupt or truncated cpio archive at offset" \
		"Kernel panic - not syncing: No working init found"
}

# A gzip-compressed archive (the user test initramfs, gzipped) is
# unpacked by lib/inflate.c and its programs run.
test_initramfs_gzip() {
	local log=$LOGDIR/initramfs-gzip.log img=$LOGDIR/initramfs.cpio.gz
	make -s -C "$ROOT" usr >"$LOGDIR/usr-build-gzip.log" 2>&1 ||
		{ why="make usr failed"; return 1; }
	gzip -9 -c "$BUILD/usr/initramfs-tests.cpio" >"$img"
	qemu_boot "$log" 120 -kernel "$KERNEL" -initrd "$img" \
		-append "console=ttyS0 ktest=user -- lt.only=sys_misc" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0"; return 1; }
	expect "$log" "initramfs: gzip archive:" "PASS sys_misc/uname" "testinit: done"
}

# Hard links as GNU cpio writes them: the data comes once, with the last
# name of the set.  Here /init is the first name (an empty entry) and
# /init.link the last, so the system only starts if the kernel gives the
# later entry's data to the inode both names share.
test_initramfs_hardlink() {
	local log=$LOGDIR/initramfs-hardlink.log dir=$LOGDIR/hardlink-root img=$LOGDIR/hardlink.cpio
	make -s -C "$ROOT" usr >"$LOGDIR/usr-build-hardlink.log" 2>&1 ||
		{ why="make usr failed"; return 1; }
	rm -rf "$dir" && mkdir -p "$dir"
	(cd "$dir" && cpio -id --quiet <"$BUILD/usr/initramfs-tests.cpio") ||
		{ why="unpacking the test initramfs failed"; return 1; }
	ln "$dir/init" "$dir/init.link"
	(cd "$dir" && { find . ! -name init ! -name init.link; echo ./init; echo ./init.link; } |
		cpio -o -H newc --quiet >"$img") || { why="cpio failed"; return 1; }
	# The archive must really hold an empty /init, or this tests nothing.
	cpio -tv --quiet <"$img" 2>/dev/null | grep -qE ' 0 .* init$' ||
		{ why="cpio did not write /init as an empty hard-link entry"; return 1; }
	qemu_boot "$log" 120 -kernel "$KERNEL" -initrd "$img" \
		-append "console=ttyS0 ktest=user -- lt.only=sys_misc" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0"; return 1; }
	expect "$log" "PASS sys_misc/uname" "testinit: done"
}

# Several archives in one image, as Debian's initrd (microcode cpio, then
# the gzipped root) and `cat a.cpio b.cpio.gz` make: a plain archive whose
# /init is not a program, zero padding, then the gzipped test archive
# with its real /init and padding after it, so the gzip trailer is not at
# the end of the image.  The system only starts if both are read and the
# later /init replaces the earlier one.
test_initramfs_concat() {
	local log=$LOGDIR/initramfs-concat.log dir=$LOGDIR/concat-root img=$LOGDIR/concat.img
	make -s -C "$ROOT" usr >"$LOGDIR/usr-build-concat.log" 2>&1 ||
		{ why="make usr failed"; return 1; }
	rm -rf "$dir" && mkdir -p "$dir" && printf 'not a program\n' >"$dir/init" && chmod 755 "$dir/init"
	(
		cd "$dir" && echo init | cpio -o -H newc --quiet || exit
		head -c 512 /dev/zero
		gzip -9 -c "$BUILD/usr/initramfs-tests.cpio"
		head -c 1000 /dev/zero
	) >"$img" || { why="building the image failed"; return 1; }
	qemu_boot "$log" 120 -kernel "$KERNEL" -initrd "$img" \
		-append "console=ttyS0 ktest=user -- lt.only=sys_misc" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0"; return 1; }
	expect "$log" "initramfs: gzip archive:" "initramfs: 2 archives in the image" \
		"PASS sys_misc/uname" "testinit: done"
}

# A gzip archive with damage in the middle: a clear error, no crash, no hang.
test_initramfs_gzip_corrupt() {
	local log=$LOGDIR/initramfs-gzip-corrupt.log img=$LOGDIR/corrupt.cpio.gz size
	gzip -9 -c "$INITRD" >"$img"
	size=$(stat -c %s "$img")
	printf '\xff\xff\xff\xff\xff\xff\xff\xff' |
		dd of="$img" bs=1 seek=$((size / 2)) conv=notrunc status=none
	qemu_boot "$log" 60 -kernel "$KERNEL" -initrd "$img" -append "console=ttyS0 panic=1" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0 (reset after the panic)"; return 1; }
	expect "$log" "initramfs: corrupt gzip archive" \
		"Kernel panic - not syncing: No working init found"
}

boot_test boot/pvh
boot_test initramfs/corrupt
boot_test initramfs/gzip
boot_test initramfs/gzip-corrupt
boot_test initramfs/concat
boot_test initramfs/hardlink
boot_test boot/grub-iso
boot_test boot/iso-shell
boot_test boot/run-kill
boot_test boot/debug-gdbport
boot_test boot/cmdline
boot_test boot/smp
boot_test boot/loglevel
boot_test log/no-addresses
boot_test oops/ud2
boot_test oops/pagefault
boot_test oops/kthread
boot_test oops/sysrq-crash
boot_test oops/vmalloc-guard
boot_test panic/reboot
boot_test panic/halt
boot_test panic/smp
boot_test irq/serial
boot_test irq/legacy-pic
boot_test mm/ktest
boot_test deferred/ktest
boot_test net/tcp-ktest
boot_test mm/bigmem
boot_test mm/no-nx
boot_test mm/slub-debug
boot_test mm/mmbench
