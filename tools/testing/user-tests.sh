# User-space tests, sourced by tools/run-tests.sh.  One boot of the test
# initramfs (build/usr/initramfs-tests.cpio, made by `make usr`): its /init,
# testinit, runs every program in /tests; each prints "PASS <suite>/<case>"
# or "FAIL <suite>/<case>: why", which become the runner's own lines as
# user/<suite>/<case>.  testinit adds "FAIL <program>: ..." for a program
# that crashed or hung, and ends with "testinit: done" before powering off.
#
# With --linux ($LINUX=1) the initramfs boots Debian's kernel instead (the
# package linux-image-amd64): the oracle.  A test that fails there is a
# wrong test.
#
# The suite runs twice: user/<suite>/<case> in a 1-CPU VM, then
# user-smp4/<suite>/<case>, the same initramfs in a 4-CPU VM (issue 14).
# The second pass is where the checks that need CPUs running tasks in
# parallel run (smp, smp_stress: they look at the online CPU count), and
# where every other test must hold with its processes spread over CPUs.
# FILTER user/ runs only the first pass, user-smp4/ only the second,
# user-smp4/smp one program in it.
# shellcheck shell=bash
# shellcheck disable=SC2154 # $status: set by qemu_boot in tools/run-tests.sh
# shellcheck disable=SC2153 # $ACCEL: set by tools/run-tests.sh

# Lantern runs the user tests too (0 would skip them on Lantern).
LANTERN_RUNS_USER=1
# Programs whose subject Lantern does not have yet: listed, not run, on
# Lantern (each prints a SKIP line); Linux runs them all.  Shrink this
# list as the features land.  Every program runs on Lantern now.
LANTERN_SKIP=""

USER_INITRD=$BUILD/usr/initramfs-tests.cpio
USER_TIMEOUT=300	# seconds for the whole boot; the suite takes ~15 s under TCG
USER_SMP_TIMEOUT=480	# the -smp 4 pass: the suite, then smp_stress's 60 s
# smp_stress stresses for 60 s with several CPUs online (10 s with one),
# more than testinit's default 30 s per program.
USER_PROG_TIMEOUTS="lt.timeout.smp_stress=120"

# The -smp 4 pass under TCG: one host thread runs all four vCPUs in turn
# (thread=single) or one host thread each (thread=multi).  Measured on the
# 2-core host shared with other work (Dec 2026, whole pass, smp_stress's
# 60 s included): Lantern (tasks on CPU 0 only) 121 s single, 122 s multi;
# Linux 166 s single, 206 s multi, and under multi futex_pthread's 16
# threads timed out at load 7.  Single-threaded it is: no faster than
# multi here, and steadier, since a vCPU cannot be starved by the host.
# The guest still sees 4 CPUs running at once (each vCPU's clock goes on
# while another has the host thread), so the parallelism checks hold.
# USER_SMP_TCG=tcg,thread=multi in the environment overrides it.
USER_SMP_TCG=${USER_SMP_TCG:-tcg,thread=single}

# The newest installed Debian kernel.
debian_kernel() {
	find /boot -maxdepth 1 -name 'vmlinuz-*' 2>/dev/null | sort -V | tail -n 1
}

# FILTER "GROUP/proc_fork[/case]" runs only that program (lt.only=).
user_only_program() {
	local group=$1 rest
	[[ "$FILTER" == "$group"/* ]] || return 0
	rest=${FILTER#"$group"/}
	echo "${rest%%/*}"
}

# Turn the PASS/FAIL lines of LOG into runner lines named GROUP/...
user_report() {
	local log=$1 group=$2 line name
	while IFS= read -r line; do
		line=${line%$'\r'}
		case "$line" in
		"PASS "*)
			line=${line#PASS }
			name=$group/$line
			selected "$name" || continue
			pass "$name" ;;
		"FAIL "*)
			line=${line#FAIL }
			name=$group/${line%%: *}
			selected "$name" || continue
			fail "$name" "${line#*: }" ;;
		esac
	done < <(grep -aE '^(PASS|FAIL) ' "$log")
	grep -aE '^SKIP ' "$log" | sed "s/\r\$//; s|^SKIP |SKIP $group/|"
}

# run_user_tests GROUP SMP: one boot of the suite with SMP vCPUs.
run_user_tests() {
	local group=$1 smp=$2 log=$LOGDIR/$1.log kernel append only start accel=$ACCEL timeout=$USER_TIMEOUT
	# Case names are known only after the run: any FILTER without a "/"
	# may match one; "user/..." and "user-smp4/..." match their own group.
	if [[ "$FILTER" == */* ]]; then
		[[ "$FILTER" == "$group"/* ]] || return 0
	elif [ -n "$FILTER" ] && [[ "$FILTER" == user* ]]; then
		[[ "$group" == "$FILTER"* ]] || return 0
	fi
	if [ "$smp" -gt 1 ]; then
		timeout=$USER_SMP_TIMEOUT
		[ "$accel" = kvm ] || accel=$USER_SMP_TCG
	fi

	if [ "$LINUX" = 1 ]; then
		kernel=$(debian_kernel)
		if [ -z "$kernel" ]; then
			"$ROOT/scripts/deps.sh" linux-image-amd64 >&2
			kernel=$(debian_kernel)
		fi
		[ -n "$kernel" ] || { fail user/boot "no /boot/vmlinuz-* (package linux-image-amd64)"; return; }
		append="console=ttyS0 quiet panic=-1"
	elif [ "$LANTERN_RUNS_USER" = 1 ]; then
		kernel=$BUILD/vmlinux
		append="console=ttyS0 quiet ktest=user"	# test mode: a panic fails at once
		# The -smp 4 pass runs with the lock validator on: a lockdep
		# report fails the test that was running (smp_stress checks the
		# log too), so "no lockdep report" is part of every make test.
		[ "$smp" -gt 1 ] && append="$append lockdep"
		# LANTERN_APPEND: more kernel options, e.g. "lockdep" to run the suite validated.
		append="$append${LANTERN_APPEND:+ $LANTERN_APPEND}"
	else
		echo "SKIP user: Lantern cannot run processes yet"
		return
	fi

	if ! make -s -C "$ROOT" usr >"$LOGDIR/usr-build.log" 2>&1; then
		fail user/build "make usr failed: $(tail -3 "$LOGDIR/usr-build.log")"
		return
	fi
	# Everything after "--" goes to init's argv (a dotted name=value
	# before it would be taken for a module parameter and dropped).
	only=$(user_only_program "$group")
	append="$append -- $USER_PROG_TIMEOUTS"
	[ "$LINUX" = 1 ] || append="$append lt.skip=$LANTERN_SKIP"
	[ -z "$only" ] || append="$append lt.only=$only"

	start=$SECONDS
	ACCEL=$accel QEMU_SMP=$smp qemu_boot "$log" "$timeout" -kernel "$kernel" \
		-initrd "$USER_INITRD" -append "$append" </dev/null
	echo "# $group: booted ${kernel#"$ROOT"/} with -smp $smp ($accel), QEMU exit status $status after $((SECONDS - start)) s"
	user_report "$log" "$group"
	if ! grep -qaF "testinit: done" "$log"; then
		fail "$group/testinit" "'testinit: done' never appeared (QEMU exit status $status, log: ${log#"$ROOT"/})"
	elif [ "$status" -ne 0 ]; then
		fail "$group/testinit" "QEMU exit status $status after 'testinit: done': no power-off"
	fi
}

run_user_tests user 1
run_user_tests user-smp4 4
