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
# shellcheck shell=bash
# shellcheck disable=SC2154 # $status: set by qemu_boot in tools/run-tests.sh

# Lantern runs the user tests too (0 would skip them on Lantern).
LANTERN_RUNS_USER=1
# Programs whose subject Lantern does not have yet: listed, not run, on
# Lantern (each prints a SKIP line); Linux runs them all.  Shrink this
# list as the features land.  Every program runs on Lantern now.
LANTERN_SKIP=""

USER_INITRD=$BUILD/usr/initramfs-tests.cpio
USER_TIMEOUT=300	# seconds for the whole boot; the suite takes ~15 s under TCG

# The newest installed Debian kernel.
debian_kernel() {
	find /boot -maxdepth 1 -name 'vmlinuz-*' 2>/dev/null | sort -V | tail -n 1
}

# FILTER "user/proc_fork[/case]" runs only that program (lt.only=).
user_only_program() {
	local rest
	[[ "$FILTER" == user/* ]] || return 0
	rest=${FILTER#user/}
	echo "${rest%%/*}"
}

# Turn the PASS/FAIL lines of LOG into runner lines.
user_report() {
	local log=$1 line name
	while IFS= read -r line; do
		line=${line%$'\r'}
		case "$line" in
		"PASS "*)
			name=user/${line#PASS }
			selected "$name" && pass "$name" ;;
		"FAIL "*)
			line=${line#FAIL }
			name=user/${line%%: *}
			selected "$name" && fail "$name" "${line#*: }" ;;
		esac
	done < <(grep -aE '^(PASS|FAIL) ' "$log")
	grep -aE '^SKIP ' "$log" | sed 's/\r$//; s/^SKIP /SKIP user\//'
}

run_user_tests() {
	local log=$LOGDIR/user.log kernel append only start
	# Case names are known only after the run: any FILTER without a "/"
	# may match one; "user/..." does; "boot/pvh" and the like do not.
	[[ -z "$FILTER" || "$FILTER" == user* || "$FILTER" != */* ]] || return 0

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
	only=$(user_only_program)
	[ "$LINUX" = 1 ] || append="$append -- lt.skip=$LANTERN_SKIP"
	if [ -n "$only" ]; then
		[[ "$append" == *" -- "* ]] || append="$append --"
		append="$append lt.only=$only"
	fi

	start=$SECONDS
	qemu_boot "$log" "$USER_TIMEOUT" -kernel "$kernel" -initrd "$USER_INITRD" \
		-append "$append" </dev/null
	echo "# user: booted ${kernel#"$ROOT"/}, QEMU exit status $status after $((SECONDS - start)) s"
	user_report "$log"
	if ! grep -qaF "testinit: done" "$log"; then
		fail user/testinit "'testinit: done' never appeared (QEMU exit status $status, log: ${log#"$ROOT"/})"
	elif [ "$status" -ne 0 ]; then
		fail user/testinit "QEMU exit status $status after 'testinit: done': no power-off"
	fi
}

run_user_tests
