#!/bin/sh
# The module tests inside the VM (tools/testing/module-tests.sh boots this
# as rdinit=): busybox's insmod, rmmod, lsmod, modinfo and modprobe on the
# seed's modules and the tree's test modules.  Prints
# "MODTEST PASS name" or "MODTEST FAIL name: why" per test, then
# "MODTEST DONE", and powers off.
# shellcheck disable=SC2317 # the tests are called through run()

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs dev /dev
mount -t debugfs debugfs /sys/kernel/debug
mount -t tmpfs tmpfs /tmp
M=/modtest
LIB=/lib/modules/$(uname -r)
T=$LIB/kernel/lib/test_modules
CTL=/sys/kernel/debug/dynamic_debug/control

cmdline_has() {
	grep -q "$1" /proc/cmdline
}

# run NAME: run test_NAME; it returns non-zero with $why set on failure.
run() {
	why=
	if "test_$1"; then
		echo "MODTEST PASS module/$1"
	else
		echo "MODTEST FAIL module/$1: $why"
	fi
}

# dmesg_has TEXT: the kernel log has the fixed string.
dmesg_has() {
	dmesg | grep -qF -- "$1" || { why="dmesg lacks '$1'"; return 1; }
}

# expect_fail WHAT ERRTEXT CMD...: CMD fails and says ERRTEXT (strerror).
expect_fail() {
	what=$1 err=$2
	shift 2
	if "$@" >/tmp/err 2>&1; then
		why="$what succeeded"
		return 1
	fi
	grep -qF -- "$err" /tmp/err || { why="$what: '$(cat /tmp/err)', expected '$err'"; return 1; }
}

value_is() {
	v=$(cat "$1" 2>&1)
	[ "$v" = "$2" ] || { why="$1 is '$v', expected '$2'"; return 1; }
}

# --- The seed's module ------------------------------------------------------

test_seed_mymodule() {
	insmod $M/mymodule.ko param_value=100 || { why="insmod failed"; return 1; }
	dmesg_has "Module loaded with param_value = 100" || return 1
	lsmod | grep -q '^mymodule ' || { why="lsmod does not list mymodule"; return 1; }
	value_is /sys/module/mymodule/parameters/param_value 100 || return 1
	[ "$(stat -c %a /sys/module/mymodule/parameters/param_value)" = 644 ] ||
		{ why="param_value file mode is not 644"; return 1; }
	echo 5 > /sys/module/mymodule/parameters/param_value
	value_is /sys/module/mymodule/parameters/param_value 5 || return 1
	value_is /sys/module/mymodule/initstate live || return 1
	value_is /sys/module/mymodule/version 1.0 || return 1
	# kmod's rmmod reads it (empty here: no module uses mymodule).
	[ -d /sys/module/mymodule/holders ] || { why="no /sys/module/mymodule/holders"; return 1; }
	value_is /sys/module/mymodule/taint O || return 1
	grep -q '^mymodule [0-9]* 0 - Live 0x[0-9a-f]* (O)$' /proc/modules ||
		{ why="/proc/modules line: $(grep mymodule /proc/modules)"; return 1; }
	grep -q '	\[mymodule\]$' /proc/kallsyms || { why="no mymodule symbols in /proc/kallsyms"; return 1; }
	rmmod mymodule || { why="rmmod failed"; return 1; }
	dmesg_has "Module unloaded" || return 1
	[ ! -e /sys/module/mymodule ] || { why="/sys/module/mymodule still there"; return 1; }
	! grep -q '\[mymodule\]' /proc/kallsyms || { why="symbols left in /proc/kallsyms"; return 1; }
}

test_seed_modinfo() {
	modinfo $M/mymodule.ko > /tmp/mi || { why="modinfo failed"; return 1; }
	for l in "license:        GPL" "author:         Your Name" \
		"description:    Example kernel module" "param_value:An integer parameter" \
		"vermagic:       $(uname -r) mod_unload"; do
		grep -qF "$l" /tmp/mi || { why="modinfo lacks '$l'"; return 1; }
	done
}

test_seed_mydev_nolicense() {
	# busybox insmod words ENOENT this way.
	expect_fail "insmod of mydev without a license" "unknown symbol in module" \
		insmod $M/mydev_nolicense.ko || return 1
	dmesg_has "mydev: module license 'unspecified' taints kernel." || return 1
	dmesg_has "mydev: Unknown symbol __class_create (err -2)" || return 1
	[ $(($(cat /proc/sys/kernel/tainted) & 1)) = 1 ] || { why="taint bit P not set"; return 1; }
	[ ! -e /sys/module/mydev ] || { why="/sys/module/mydev left behind"; return 1; }
}

test_seed_mydev() {
	insmod $M/mydev.ko || { why="insmod failed"; return 1; }
	[ -c /dev/mydev ] || { why="no /dev/mydev"; return 1; }
	major=$(awk '$2 == "mydev" { print $1 }' /proc/devices)
	[ -n "$major" ] || { why="mydev not in /proc/devices"; return 1; }
	value_is /sys/class/mydev/mydev/dev "$major:0" || return 1
	out=$(cat /dev/mydev | tr -d '\0')
	[ "$out" = "Hello from kernel!" ] || { why="read '$out'"; return 1; }
	dmesg_has "Device opened" || return 1
	# An open file of the device holds the module.
	exec 3</dev/mydev
	[ "$(cat /sys/module/mydev/refcnt)" = 1 ] || { why="refcnt $(cat /sys/module/mydev/refcnt) while open"; exec 3<&-; return 1; }
	expect_fail "rmmod of mydev while open" "Resource temporarily unavailable" rmmod mydev ||
		{ exec 3<&-; return 1; }
	exec 3<&-
	rmmod mydev || { why="rmmod failed"; return 1; }
	[ ! -e /dev/mydev ] || { why="/dev/mydev left behind"; return 1; }
	[ ! -e /sys/class/mydev ] || { why="/sys/class/mydev left behind"; return 1; }
	! grep -q ' mydev$' /proc/devices || { why="mydev still in /proc/devices"; return 1; }
}

# --- The tree's test modules -----------------------------------------------

test_params() {
	insmod $T/test_params.ko p_bool=1 p_invbool=0 p_int=-5 p_uint=4000000000 p_short=-300 \
		p_ushort=60000 p_byte=255 p_hexint=0xbeef p_charp=hello p_string=abc \
		p_array=7,8,9 p_hidden=11 p_ro=12 || { why="insmod failed"; return 1; }
	dmesg_has "test_params: bool=1 invbool=1 int=-5 uint=4000000000 long=-77 ulong=77" || return 1
	dmesg_has "test_params: short=-300 ushort=60000 byte=255 hexint=0xbeef charp=hello string=abc" || return 1
	dmesg_has "test_params: array=7,8,9,0 n=3 hidden=11 ro=12" || return 1
	P=/sys/module/test_params/parameters
	value_is $P/p_bool Y && value_is $P/p_invbool N && value_is $P/p_charp hello &&
		value_is $P/p_array 7,8,9 && value_is $P/p_hexint 0x00beef || return 1
	[ ! -e $P/p_hidden ] || { why="a perm-0 parameter has a sysfs file"; return 1; }
	[ "$(stat -c %a $P/p_ro)" = 444 ] || { why="p_ro is not 0444"; return 1; }
	expect_fail "write to a 0444 parameter" "Permission denied" sh -c "echo 1 > $P/p_ro" || return 1
	echo world > $P/p_charp && value_is $P/p_charp world || return 1
	echo 1,2 > $P/p_array && value_is $P/p_array 1,2 || return 1
	expect_fail "5 elements into a 4-element array" "Invalid argument" sh -c "echo 1,2,3,4,5 > $P/p_array" || return 1
	expect_fail "a string past its size" "No space left on device" sh -c "echo 123456789 > $P/p_string" || return 1
	expect_fail "a word into an int" "Invalid argument" sh -c "echo abc > $P/p_int" || return 1
	echo 42 > $P/p_watch && dmesg_has "test_params: p_watch set to 42" || return 1
	# Every type written through sysfs, read back, and seen by the module.
	for pv in p_bool=N p_invbool=Y p_int=-123 p_uint=4294967295 p_long=-9000000000 \
		p_ulong=18446744073709551615 p_short=-32768 p_ushort=65535 p_byte=17 \
		p_string=xyz p_charp=again p_array=4,5,6,7; do
		echo "${pv#*=}" > "$P/${pv%%=*}" || { why="writing $pv failed"; return 1; }
		value_is "$P/${pv%%=*}" "${pv#*=}" || return 1
	done
	echo 255 > $P/p_hexint && value_is $P/p_hexint 0x0000ff || return 1
	expect_fail "-1 into a uint" "Invalid argument" sh -c "echo -1 > $P/p_uint" || return 1
	expect_fail "an out-of-range short" "Numerical result out of range" sh -c "echo 40000 > $P/p_short" || return 1
	expect_fail "a byte past 255" "Numerical result out of range" sh -c "echo 256 > $P/p_byte" || return 1
	expect_fail "a bool that is no bool" "Invalid argument" sh -c "echo maybe > $P/p_bool" || return 1
	echo 1 > $P/dump
	dmesg_has "test_params: bool=0 invbool=0 int=-123 uint=4294967295 long=-9000000000 ulong=18446744073709551615" || return 1
	dmesg_has "test_params: short=-32768 ushort=65535 byte=17 hexint=0xff charp=again string=xyz" || return 1
	dmesg_has "test_params: array=4,5,6,7 n=4 hidden=11 ro=12" || return 1
	[ "$(stat -c %a $P/dump)" = 200 ] || { why="dump is not 0200"; return 1; }
	rmmod test_params || { why="rmmod failed"; return 1; }
	expect_fail "insmod with a bad int" "Invalid argument" insmod $T/test_params.ko p_int=zz || return 1
	[ ! -e /sys/module/test_params ] || { why="a refused load left /sys/module/test_params"; return 1; }
	insmod $T/test_params.ko no_such_param=1 || { why="an unknown parameter failed the load"; return 1; }
	dmesg_has "test_params: unknown parameter 'no_such_param' ignored" || return 1
	rmmod test_params
}

test_deps() {
	modinfo -F depends $T/test_dep_b.ko | grep -qx test_dep_a || { why="test_dep_b does not depend on test_dep_a"; return 1; }
	grep -q 'test_dep_b.ko: kernel/lib/test_modules/test_dep_a.ko' $LIB/modules.dep ||
		{ why="modules.dep: $(grep test_dep_b $LIB/modules.dep)"; return 1; }
	expect_fail "insmod test_dep_b alone" "unknown symbol in module" insmod $T/test_dep_b.ko || return 1
	dmesg_has "test_dep_b: Unknown symbol test_dep_a_answer (err -2)" || return 1
	modprobe test_dep_b || { why="modprobe test_dep_b failed"; return 1; }
	dmesg_has "test_dep_b: test_dep_a_answer(20) = 42" || return 1
	grep -q '^test_dep_a [0-9]* 1 test_dep_b, Live' /proc/modules ||
		{ why="/proc/modules: $(grep test_dep_a /proc/modules)"; return 1; }
	expect_fail "rmmod of a module in use" "Resource temporarily unavailable" rmmod test_dep_a || return 1
	rmmod test_dep_b && rmmod test_dep_a || { why="rmmod in order failed"; return 1; }
	dmesg_has "test_dep_a: unloaded" || return 1
}

test_failing_init() {
	expect_fail "insmod test_fail" "No such device" insmod $T/test_fail.ko || return 1
	dmesg_has "test_fail: registered, now failing" || return 1
	[ ! -e /sys/module/test_fail ] || { why="/sys/module/test_fail left behind"; return 1; }
	[ ! -e /dev/test_fail ] || { why="/dev/test_fail left behind"; return 1; }
	! grep -q '^test_fail ' /proc/modules || { why="still in /proc/modules"; return 1; }
	! grep -q 'test_fail_symbol' /proc/kallsyms || { why="its symbols are in /proc/kallsyms"; return 1; }
	# Nothing left means it loads again, and fails again, cleanly.
	expect_fail "a second insmod test_fail" "No such device" insmod $T/test_fail.ko
}

# W^X and __ro_after_init, seen by the module in its own page tables;
# init sections gone; sections/ and kallsyms as root and as nobody.
test_layout() {
	insmod $T/test_layout.ko || { why="insmod failed"; return 1; }
	dmesg_has "test_layout: init: text r-x rodata r-- data rw- ro_after_init rw-" || return 1
	echo 1 > /sys/module/test_layout/parameters/check
	dmesg_has "test_layout: live: text r-x rodata r-- data rw- ro_after_init r--" || return 1
	S=/sys/module/test_layout
	value_is $S/initsize 0 || return 1
	[ "$(cat $S/coresize)" -gt 0 ] || { why="coresize $(cat $S/coresize)"; return 1; }
	[ "$(stat -c %a $S/sections/.text)" = 400 ] || { why="sections/.text is not 0400"; return 1; }
	text=$(cat $S/sections/.text)
	addr=$(awk '$3 == "layout_text" && $4 == "[test_layout]" { print $1 }' /proc/kallsyms)
	[ -n "$addr" ] || { why="layout_text not in /proc/kallsyms"; return 1; }
	if [ $((0x$addr)) -lt $((text)) ] || [ $((0x$addr - text)) -ge "$(cat $S/coresize)" ]; then
		why="layout_text at $addr, .text at $text"; return 1
	fi
	grep -q ' test_layout_exit	\[test_layout\]$' /proc/kallsyms || { why="the exit function is not in kallsyms"; return 1; }
	! grep -q ' test_layout_init	\[test_layout\]$' /proc/kallsyms ||
		{ why="the init function is still in kallsyms after init"; return 1; }
	# kptr_restrict=1: a reader without CAP_SYSLOG sees the names, with zeros.
	echo 1 > /proc/sys/kernel/kptr_restrict
	su -s /bin/sh nobody -c "grep '\[test_layout\]\$' /proc/kallsyms" > /tmp/ks
	grep -q '^0000000000000000 t layout_text	\[test_layout\]$' /tmp/ks ||
		{ why="nobody sees: $(grep layout_text /tmp/ks)"; return 1; }
	! grep -qv '^0000000000000000 ' /tmp/ks || { why="an address shown to nobody: $(grep -v '^0000000000000000 ' /tmp/ks | head -n 1)"; return 1; }
	grep -q "^$addr t layout_text" /proc/kallsyms || { why="root lost the address"; return 1; }
	rmmod test_layout || { why="rmmod failed"; return 1; }
	! grep -q '\[test_layout\]' /proc/kallsyms || { why="symbols left after rmmod"; return 1; }
}

test_deferred_work() {
	insmod $T/test_defer.ko || { why="insmod failed"; return 1; }
	for w in timer work tasklet kthread; do
		dmesg_has "test_defer: $w ran" || return 1
	done
	dmesg_has "test_defer: old tasklet ran, 3 runs counted" || return 1
	rmmod test_defer || { why="rmmod failed"; return 1; }
	dmesg_has "test_defer: stopped" || return 1
}

# GOTPCREL relocations: the loader gives the module a GOT.
test_got() {
	insmod $T/test_got.ko || { why="insmod failed: $(dmesg | grep test_got | tail -n 1)"; return 1; }
	dmesg_has "test_got: GOT loads ok" || return 1
	rmmod test_got
}

# A real device interrupt handled in a module: the RTC's periodic one.
test_irq() {
	insmod $T/test_irq.ko || { why="insmod failed: $(dmesg | grep test_irq | tail -n 1)"; return 1; }
	dmesg_has "test_irq: 5 interrupts on IRQ 8" || return 1
	line=$(grep '^ *8:.* test_irq$' /proc/interrupts)
	[ -n "$line" ] || { why="/proc/interrupts has no test_irq on 8"; return 1; }
	count=$(echo "$line" | awk '{ print $2 }')
	[ "$count" -ge 5 ] || { why="IRQ 8 count is '$count'"; return 1; }
	rmmod test_irq || { why="rmmod failed"; return 1; }
	dmesg_has "test_irq: released after " || return 1
	! grep -q 'test_irq' /proc/interrupts || { why="the handler is still in /proc/interrupts"; return 1; }
}

test_multi_file() {
	insmod $T/test_multi.ko && dmesg_has "test_multi: helper says 7" && rmmod test_multi ||
		{ why="${why:-test_multi failed}"; return 1; }
}

test_misc_device() {
	insmod $T/test_misc.ko || { why="insmod failed"; return 1; }
	[ -c /dev/test_misc ] || { why="no /dev/test_misc"; return 1; }
	dev=$(cat /sys/class/misc/test_misc/dev)
	case "$dev" in 10:*) ;; *) why="/sys/class/misc/test_misc/dev is '$dev'"; return 1 ;; esac
	value_is /dev/test_misc "misc ok" || return 1
	printf 'written' > /dev/test_misc
	value_is /dev/test_misc "written" || return 1
	[ "$(dd if=/dev/test_misc bs=1 skip=3 2>/dev/null)" = tten ] || { why="llseek through dd skip failed"; return 1; }
	grep -q 'test_misc.c:[0-9]* \[test_misc\]test_misc_open =_ "test_misc open by pid %d, minor %u\\n"' $CTL ||
		{ why="no dev_dbg site in control: $(grep test_misc $CTL)"; return 1; }
	cat /dev/test_misc > /dev/null
	! dmesg | grep -q 'test_misc open by pid' || { why="a dev_dbg printed while off"; return 1; }
	echo 'module test_misc +p' > $CTL
	sh -c 'cat /dev/test_misc' > /dev/null
	minor=$(cut -d: -f2 /sys/class/misc/test_misc/dev)
	# As on Linux, dev_dbg names the device's class (no driver is bound): "misc".
	dmesg | grep -q "misc test_misc: test_misc open by pid [0-9]*, minor $minor\$" ||
		{ why="dev_dbg on: $(dmesg | grep 'open by pid')"; return 1; }
	echo 'module test_misc -p' > $CTL
	# register_chrdev + class_create + device_create: the whole road.
	major=$(awk '$2 == "test_chr" { print $1 }' /proc/devices)
	[ -n "$major" ] || { why="test_chr not in /proc/devices"; return 1; }
	value_is /sys/class/test_chr/test_chr/dev "$major:0" || return 1
	[ -c /dev/test_chr ] || { why="no /dev/test_chr"; return 1; }
	value_is /dev/test_chr "chr ok" || return 1
	expect_fail "writing a device without write" "Invalid argument" sh -c 'echo x > /dev/test_chr' || return 1
	out=$($M/chardev-check 2>&1)
	[ "$out" = ok ] || { why="$out"; return 1; }
	rmmod test_misc || { why="rmmod failed"; return 1; }
	for f in /dev/test_misc /dev/test_chr /sys/class/test_chr /sys/class/misc/test_misc; do
		[ ! -e $f ] || { why="$f left behind"; return 1; }
	done
	! grep -q ' test_chr$' /proc/devices || { why="test_chr still in /proc/devices"; return 1; }
}

test_proc_files() {
	insmod $T/test_proc.ko || { why="insmod failed"; return 1; }
	value_is /proc/test_proc "proc ok" || return 1
	ls /proc | grep -qx test_proc || { why="ls /proc does not list test_proc"; return 1; }
	ls /proc | grep -qx 1 || { why="ls /proc lost the pids"; return 1; }
	echo changed > /proc/test_proc && value_is /proc/test_proc changed || return 1
	value_is /proc/test_proc_dir/single "writes: 1" || return 1
	[ "$(ls /proc/test_proc_dir)" = single ] || { why="ls /proc/test_proc_dir: $(ls /proc/test_proc_dir)"; return 1; }
	# proc_ops have no owner: the module goes, and an open file then fails.
	exec 3</proc/test_proc
	rmmod test_proc || { why="rmmod failed"; exec 3<&-; return 1; }
	expect_fail "reading a removed /proc file" "Input/output error" cat <&3 || { exec 3<&-; return 1; }
	exec 3<&-
	[ ! -e /proc/test_proc ] && [ ! -e /proc/test_proc_dir ] || { why="entries left in /proc"; return 1; }
}

test_dyndbg() {
	insmod $T/test_dyndbg.ko || { why="insmod failed"; return 1; }
	P=/sys/module/test_dyndbg/parameters/say
	grep -q 'test_dyndbg.c:[0-9]* \[test_dyndbg\]test_dyndbg_say =_ "test_dyndbg: say %d\\n"' $CTL ||
		{ why="control lacks the site: $(grep test_dyndbg $CTL | head -n 1)"; return 1; }
	echo 1 > $P
	! dmesg | grep -q 'test_dyndbg: say 1' || { why="a pr_debug printed while off"; return 1; }
	echo 'module test_dyndbg +p' > $CTL
	echo 2 > $P
	dmesg_has "test_dyndbg: say 2" && dmesg_has "test_dyndbg: other 2" || return 1
	echo 'module test_dyndbg -p' > $CTL
	echo 'func test_dyndbg_say +p' > $CTL
	echo 3 > $P
	dmesg_has "test_dyndbg: say 3" || return 1
	! dmesg | grep -q 'test_dyndbg: other 3' || { why="func selected the other site too"; return 1; }
	echo 'file test_dyndbg.c =pmfl' > $CTL
	echo 4 > $P
	dmesg | grep -q 'test_dyndbg:test_dyndbg_other:[0-9]*: test_dyndbg: other 4' ||
		{ why="=pmfl prefix missing: $(dmesg | grep 'other 4')"; return 1; }
	echo 'func test_dyndbg_say =pt' > $CTL
	echo 6 > $P
	dmesg | grep -q "\\[$$\\] test_dyndbg: say 6" ||
		{ why="=pt gave no [pid] prefix: $(dmesg | grep 'say 6')"; return 1; }
	echo 'format "say %d" -p' > $CTL
	echo 5 > $P
	! dmesg | grep -q 'say 5' || { why="format query did not switch the site off"; return 1; }
	expect_fail "a bad query" "Invalid argument" sh -c "echo 'module test_dyndbg +q' > $CTL" || return 1
	expect_fail "an unknown keyword" "Invalid argument" sh -c "echo 'bogus x +p' > $CTL" || return 1
	rmmod test_dyndbg
	! grep -q '\[test_dyndbg\]' $CTL || { why="sites left in control after rmmod"; return 1; }
	insmod $T/test_dyndbg.ko dyndbg=+p && dmesg_has "test_dyndbg: init" || { why="${why:-dyndbg=+p at insmod}"; return 1; }
	rmmod test_dyndbg
}

# dyndbg="file mm_init.c +p" on the command line: those sites printed
# during early boot, and the control file shows them on, others off.
test_dyndbg_cmdline() {
	dmesg_has "mem_map at " || return 1
	grep -q 'mm/mm_init.c:[0-9]* \[mm_init\][a-z_]* =p ' $CTL ||
		{ why="control: $(grep mm_init.c $CTL | head -n 1)"; return 1; }
	grep -q 'mm/memblock.c:[0-9]* \[memblock\][a-z_]* =_ ' $CTL ||
		{ why="memblock's sites are not off: $(grep memblock.c $CTL | head -n 1)"; return 1; }
	echo 'file memblock.c line 1-100000 +p' > $CTL
	grep -q 'mm/memblock.c:[0-9]* \[memblock\][a-z_]* =p ' $CTL ||
		{ why="a line-range query did not switch memblock.c's sites on"; return 1; }
	echo 'module memblock =_' > $CTL
}

test_bad_modules() {
	for b in truncated shoff reloc symsection notrel; do
		# busybox insmod's words for ENOEXEC.
		expect_fail "insmod of a $b image" "invalid module format" insmod $M/bad/$b.ko || return 1
	done
	dmesg_has "Unknown rela relocation: 127" || return 1
	expect_fail "insmod of a module for another kernel" "invalid module format" insmod $M/bad/vermagic.ko || return 1
	dmesg_has "test_dep_a: version magic 'X" || return 1
	expect_fail "insmod test_undef" "unknown symbol in module" insmod $M/bad/test_undef.ko || return 1
	dmesg_has "test_undef: Unknown symbol lantern_no_such_function (err -2)" || return 1
	expect_fail "rmmod of no module" "No such file or directory" rmmod no_such_module || return 1
}

test_double_load() {
	insmod $T/test_dep_a.ko || { why="insmod failed"; return 1; }
	expect_fail "a second insmod" "File exists" insmod $T/test_dep_a.ko || return 1
	rmmod test_dep_a
}

test_nonroot() {
	expect_fail "insmod as nobody" "Operation not permitted" \
		su -s /bin/sh nobody -c "insmod $T/test_dep_a.ko" || return 1
	insmod $T/test_dep_a.ko || { why="insmod as root failed"; return 1; }
	expect_fail "rmmod as nobody" "Operation not permitted" \
		su -s /bin/sh nobody -c "rmmod test_dep_a" || return 1
	rmmod test_dep_a
}

# The module_load and module_free trace events: a line for each, with the name.
test_trace_events() {
	TR=/sys/kernel/debug/tracing
	echo > $TR/trace
	echo 1 > $TR/events/module/enable || { why="cannot enable events/module"; return 1; }
	insmod $T/test_params.ko || { why="insmod failed"; return 1; }
	rmmod test_params || { why="rmmod failed"; return 1; }
	echo 0 > $TR/events/module/enable
	grep -q ': module_load: test_params [POFCE]*$' $TR/trace ||
		{ why="no module_load line: $(grep module_ $TR/trace | head -n 2)"; return 1; }
	grep -q ': module_free: test_params$' $TR/trace ||
		{ why="no module_free line: $(grep module_ $TR/trace | head -n 2)"; return 1; }
	value_is $TR/events/module/module_load/enable 0
}

# Last: once set, no module loads until reboot.
test_modules_disabled() {
	expect_fail "modules_disabled=0" "Invalid argument" sh -c "echo 0 > /proc/sys/kernel/modules_disabled" || return 1
	echo 1 > /proc/sys/kernel/modules_disabled || { why="cannot set modules_disabled"; return 1; }
	expect_fail "insmod with modules_disabled" "Operation not permitted" insmod $T/test_dep_a.ko || return 1
	expect_fail "modules_disabled back to 0" "Invalid argument" sh -c "echo 0 > /proc/sys/kernel/modules_disabled"
}

if grep -q 'modtest=oops' /proc/cmdline; then
	insmod $T/test_oops.ko
	echo 1 > /sys/module/test_oops/parameters/crash
	echo "MODTEST the oops did not happen"
	poweroff -f
fi

# One kernel bug report per boot (the lock validator stops after its first):
# modtest=NAME writes the matching request to test_lockup's /proc file.
for t in softlockup:"softlockup 25" lockdep_abba:abba lockdep_sleep:sleep lockdep_unlock:unlock \
	 lockdep_irqsafe:irqsafe; do
	if grep -qw "modtest=${t%%:*}" /proc/cmdline; then
		insmod $T/test_lockup.ko
		echo "${t#*:}" > /proc/test_lockup && echo "MODTEST wrote '${t#*:}'"
		cat /proc/lockdep_stats
		poweroff -f
	fi
done

dmesg -n 1	# keep the console for the results; dmesg still has everything
if cmdline_has 'modseed=1'; then
	run seed_mymodule
	run seed_modinfo
	run seed_mydev_nolicense
	run seed_mydev
fi
run params
run deps
run failing_init
run layout
run deferred_work
run irq
run got
run multi_file
run misc_device
run dyndbg
run dyndbg_cmdline
run proc_files
run bad_modules
run double_load
run nonroot
run trace_events
run modules_disabled
echo "MODTEST DONE"
poweroff -f
