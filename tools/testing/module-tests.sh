# Module tests, sourced by tools/run-tests.sh: loadable modules, character
# devices and dynamic debug.
#
# On the host: the seed's own module and mydev driver are extracted from
# the seed document (tools/testing/modules/seed-modules.py) and built with
# the seed's Makefile against this tree; the tree's test modules
# (lib/test_modules) are built with "make modules" and installed with
# "make modules_install"; damaged copies of a good .ko are made.  mydev,
# as the seed prints it, has no MODULE_LICENSE although class_create and
# device_create are GPL-only exports: modpost must refuse to build it, as
# Linux 6.1's does; built anyway, the loader must refuse to load it; with
# MODULE_LICENSE("GPL") added, the one change, it works.  (Checked against
# Debian's linux-headers-6.1: its modpost stops at the missing license
# even with KBUILD_MODPOST_WARN=1, and at each GPL-only symbol a
# proprietary module uses.)
#
# In the VM: tools/testing/modules/run-in-vm.sh runs as PID 1's script
# and prints "MODTEST PASS name" / "MODTEST FAIL name: why".  A second
# boot crashes inside a module to check the oops names it.
#
# shellcheck shell=bash
# shellcheck disable=SC2154 # status, why, ROOT...: set by run-tests.sh

MODT_OUT=$BUILD/modtest

# modt_build: everything the VM needs under $MODT_OUT/root; sets $why on failure.
modt_build() {
	local seeds=$ROOT/../shared/seeds log=$LOGDIR/module-build.log
	rm -rf "$MODT_OUT" && mkdir -p "$MODT_OUT/root/modtest/bad"
	: > "$log"

	# The tree's modules, installed as modprobe expects them.
	make -s -C "$ROOT" modules_install INSTALL_MOD_PATH="$MODT_OUT/root" >>"$log" 2>&1 ||
		{ why="make modules_install failed (log: ${log#"$ROOT"/})"; return 1; }

	# test_got must really carry the GOT relocations the loader is tested on.
	local rels
	rels=$(readelf -rW "$BUILD/lib/test_modules/test_got.ko" 2>>"$log")
	if ! grep -q 'R_X86_64_GOTPCREL ' <<<"$rels" || ! grep -q 'R_X86_64_REX_GOTPCRELX ' <<<"$rels"; then
		why="test_got.ko lacks GOTPCREL/REX_GOTPCRELX relocations"; return 1
	fi

	# The seed's examples.
	if "$ROOT/tools/testing/modules/seed-modules.py" "$seeds" "$MODT_OUT/seed" >>"$log" 2>&1; then
		MODT_SEED=1
		(cd "$MODT_OUT/seed/mymodule" && make KERNEL_DIR="$ROOT") >>"$log" 2>&1 ||
			{ why="the seed's mymodule did not build with the seed's Makefile"; return 1; }
		# mydev as printed: modpost must refuse it, even with KBUILD_MODPOST_WARN=1.
		if (cd "$MODT_OUT/seed/mydev" && make KERNEL_DIR="$ROOT" KBUILD_MODPOST_WARN=1) \
			>"$LOGDIR/module-mydev-nolicense.log" 2>&1; then
			why="mydev without MODULE_LICENSE built; modpost must refuse it"; return 1
		fi
		grep -q 'ERROR: modpost: missing MODULE_LICENSE() in .*mydev.o' \
			"$LOGDIR/module-mydev-nolicense.log" ||
			{ why="no 'missing MODULE_LICENSE()' error from modpost"; return 1; }
		# A license that is not GPL-compatible: every GPL-only symbol is an error.
		cp -r "$MODT_OUT/seed/mydev" "$MODT_OUT/seed/mydev-proprietary"
		printf '%s\n' 'MODULE_LICENSE("Proprietary");' >> "$MODT_OUT/seed/mydev-proprietary/mydev.c"
		if (cd "$MODT_OUT/seed/mydev-proprietary" && make KERNEL_DIR="$ROOT") \
			>"$LOGDIR/module-mydev-proprietary.log" 2>&1; then
			why="a proprietary mydev built; modpost must refuse its GPL-only symbols"; return 1
		fi
		grep -q "ERROR: modpost: GPL-incompatible module mydev.ko uses GPL-only symbol 'device_create'" \
			"$LOGDIR/module-mydev-proprietary.log" ||
			{ why="no GPL-only symbol error from modpost for a proprietary mydev"; return 1; }
		# The one change: a license.
		printf '%s\n' 'MODULE_LICENSE("GPL");' >> "$MODT_OUT/seed/mydev/mydev.c"
		(cd "$MODT_OUT/seed/mydev" && make KERNEL_DIR="$ROOT") >>"$log" 2>&1 ||
			{ why="mydev with MODULE_LICENSE(\"GPL\") did not build"; return 1; }
		cp "$MODT_OUT/seed/mymodule/mymodule.ko" "$MODT_OUT/seed/mydev/mydev.ko" \
			"$MODT_OUT/root/modtest/"
		# What the loader does with a .ko that has no license (modpost makes
		# none, so one is made by blanking the tag of the built one).
		python3 -c 'import sys; d = open(sys.argv[1], "rb").read(); open(sys.argv[2], "wb").write(d.replace(b"license=GPL", b"xicense=GPL"))' \
			"$MODT_OUT/seed/mydev/mydev.ko" "$MODT_OUT/root/modtest/mydev_nolicense.ko"
	else
		MODT_SEED=0
	fi

	# Modules that must be refused: an unresolved symbol, damaged images.
	cp -r "$ROOT/tools/testing/modules" "$MODT_OUT/bad-src"
	if make -s -C "$ROOT" M="$MODT_OUT/bad-src" modules >"$LOGDIR/module-undef.log" 2>&1; then
		why="a module with an undefined symbol built; modpost must refuse it"; return 1
	fi
	grep -q 'ERROR: modpost: "lantern_no_such_function" .* undefined!' "$LOGDIR/module-undef.log" ||
		{ why="no 'undefined!' error from modpost for test_undef"; return 1; }
	make -s -C "$ROOT" M="$MODT_OUT/bad-src" KBUILD_MODPOST_WARN=1 modules >>"$log" 2>&1 ||
		{ why="test_undef did not build with KBUILD_MODPOST_WARN=1"; return 1; }
	cp "$MODT_OUT/bad-src/test_undef.ko" "$MODT_OUT/root/modtest/bad/"
	"$ROOT/tools/testing/modules/corrupt-ko.py" \
		"$MODT_OUT/root/lib/modules/$MODT_RELEASE/kernel/lib/test_modules/test_dep_a.ko" \
		"$MODT_OUT/root/modtest/bad" >>"$log" 2>&1 || { why="corrupt-ko.py failed"; return 1; }

	cp "$ROOT/tools/testing/modules/run-in-vm.sh" "$MODT_OUT/root/modtest/run.sh"
	musl-gcc -static -O2 -Wall -Wextra -Werror -o "$MODT_OUT/root/modtest/chardev-check" \
		"$ROOT/tools/testing/modules/chardev-check.c" >>"$log" 2>&1 ||
		{ why="chardev-check.c did not build"; return 1; }
	"$ROOT/tools/initramfs-add.sh" "$BUILD" "$MODT_OUT/root" "$MODT_OUT/initramfs.cpio" ||
		{ why="tools/initramfs-add.sh failed"; return 1; }
}

test_modules_vm() {
	local log=$LOGDIR/module-vm.log line
	qemu_boot "$log" 180 -kernel "$KERNEL" -initrd "$MODT_OUT/initramfs.cpio" \
		-append "console=ttyS0 rdinit=/modtest/run.sh test_params.p_long=-77 test_params.p_ulong=77 dyndbg=\"file mm_init.c +p\" modseed=$MODT_SEED" \
		</dev/null
	grep -q 'MODTEST DONE' "$log" ||
		fail module/vm "the test script did not finish (QEMU status $status, log: ${log#"$ROOT"/})"
	while IFS= read -r line; do
		line=${line%$'\r'}
		case "$line" in
		*"MODTEST PASS "*) pass "${line#*MODTEST PASS }" ;;
		*"MODTEST FAIL "*) line=${line#*MODTEST FAIL }; fail "${line%%:*}" "${line#*: }" ;;
		*"MODTEST SKIP "*) echo "SKIP ${line#*MODTEST SKIP }" ;;
		esac
	done < <(grep -a 'MODTEST \(PASS\|FAIL\|SKIP\) ' "$log")
	grep -qaE 'BUG|WARNING:|Oops|Kernel panic' "$log" &&
		fail module/kernel-log "the kernel complained: $(grep -aE 'BUG|WARNING:|Oops|Kernel panic' "$log" | head -n 1)"
	return 0
}

# An oops inside a module: its frames name the module, and the oops lists
# it among the modules linked in, with its taint.
test_module_oops() {
	local log=$LOGDIR/module-oops.log
	qemu_boot "$log" 60 -kernel "$KERNEL" -initrd "$MODT_OUT/initramfs.cpio" \
		-append "console=ttyS0 rdinit=/modtest/run.sh modtest=oops" </dev/null
	expect "$log" "BUG: kernel NULL pointer dereference" \
		"RIP: 0010:test_oops_crash+0x" "[test_oops]" "Modules linked in: test_oops" \
		" param_attr_store+0x" "Kernel panic - not syncing: Fatal exception" || return 1
}

# The soft-lockup detector: a module spins 25 s in the kernel with
# interrupts on; the report comes once, names the CPU, the time and the
# task, and shows the stack the tick interrupted (the module's function).
test_module_softlockup() {
	local log=$LOGDIR/module-softlockup.log n
	qemu_boot "$log" 120 -kernel "$KERNEL" -initrd "$MODT_OUT/initramfs.cpio" \
		-append "console=ttyS0 rdinit=/modtest/run.sh modtest=softlockup" </dev/null
	expect "$log" "test_lockup: spinning for 25 s" "Modules linked in: test_lockup" \
		"test_lockup_spin+0x" "test_lockup: done spinning" "MODTEST wrote 'softlockup 25'" || return 1
	grep -qaE 'watchdog: BUG: soft lockup - CPU#0 stuck for 2[0-9]s! \[[^]:]+:[0-9]+\]' "$log" ||
		{ why="no 'watchdog: BUG: soft lockup - CPU#0 stuck for 2Ns! [comm:pid]' line"; return 1; }
	n=$(grep -ac 'BUG: soft lockup' "$log")
	[ "$n" -eq 1 ] || { why="$n soft-lockup reports for one episode, expected 1"; return 1; }
}

# The lock validator, booted with `lockdep`: each case is one report with
# Linux's header, naming the locks and the functions involved, after
# which the validator says it is off.
test_module_lockdep() {
	local case=$1 log=$LOGDIR/module-lockdep-$1.log
	shift
	qemu_boot "$log" 60 -kernel "$KERNEL" -initrd "$MODT_OUT/initramfs.cpio" \
		-append "console=ttyS0 lockdep rdinit=/modtest/run.sh modtest=lockdep_$case" </dev/null
	expect "$log" "lockdep: the lock validator is on" "$@" \
		"lockdep: turned off: a report was printed" || return 1
}

modt_lockdep() {
	local name=$1
	shift
	if test_module_lockdep "$@"; then pass "module/lockdep-$name"; else fail "module/lockdep-$name" "$why"; fi
}

if selected module/; then
	MODT_RELEASE=$(make -s -C "$ROOT" kernelrelease)
	why=
	if modt_build; then
		pass module/build
		[ "${MODT_SEED:-0}" = 1 ] || echo "SKIP module/seed: no seed document in ../shared/seeds"
		test_modules_vm
		if test_module_oops; then pass module/oops; else fail module/oops "$why"; fi
		if test_module_softlockup; then pass module/softlockup; else fail module/softlockup "$why"; fi
		modt_lockdep circular abba "WARNING: possible circular locking dependency detected" \
			"is trying to acquire lock:" "(test_lock_a), at: test_lockup_ba+0x" \
			"but task is already holding lock:" "(test_lock_b), at: test_lockup_ba+0x" \
			"-> #0 (test_lock_b):" "test_lockup_ab+0x" "stack backtrace:"
		modt_lockdep sleep sleep "BUG: sleeping function called from invalid context at kernel/locking/mutex.c:" \
			"in_atomic(): 1, irqs_disabled(): 0" "(test_atomic_lock), at: test_lockup_sleep+0x" \
			" test_lockup_sleep+0x"
		modt_lockdep unlock unlock "WARNING: bad unlock balance detected!" \
			"is trying to release lock (test_mutex) at:" "test_lockup_unlock+0x" \
			"but there are no more locks to release!"
		modt_lockdep irqsafe irqsafe "WARNING: inconsistent lock state" \
			"inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage." \
			"(test_irq_lock), at: test_lockup_irqsafe+0x" "test_lockup_timer_fn+0x"
	else
		fail module/build "$why"
	fi
fi
