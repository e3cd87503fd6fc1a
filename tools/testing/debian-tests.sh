# Debian root tests, sourced by tools/run-tests.sh: boot the Debian root
# (build/initramfs-debian.cpio.gz, `make debian-root`: Debian's own
# dynamically linked bash, python3, gcc, make, git ...) and type at its
# bash over the serial line, as the busybox scenarios do.  One PASS/FAIL
# line per test, named debian/<name>.
#
# Most tests run one of the checks the image carries in
# /usr/share/lantern-tests (usr/debian/tests/<name>: a script that exits
# 0 when everything it checks holds); `lantern-tests` at the prompt runs
# them all by hand.
#
# On Debian's Linux kernel (tools/run-tests.sh --linux debian/) they all
# run and must pass.  On Lantern they run only once it can: the ones
# listed in DEBIAN_LANTERN_TESTS count; the others print SKIP lines with
# what happened.  With the list empty the image is not even built, so
# `make test` pays nothing for them.
# shellcheck shell=bash

# The Debian tests Lantern is expected to pass (names without debian/):
# all of $DEB_ALL (bash-script's process substitution needed /dev/fd/N of
# a pipe to be a magic link, which /proc/PID/fd now is).  To try a subset
# without editing: DEBIAN_LANTERN_TESTS="boot ls" tools/run-tests.sh debian/
DEBIAN_LANTERN_TESTS=${DEBIAN_LANTERN_TESTS:-"boot ls bash-script python-threading python-subprocess
	python-json python-sqlite3 python-mmap gcc-hello gcc-pthread make tar git file perl
	ipcs ctrl-c poweroff python-socket python-http strace gdb ftrace module-build"}

DEB_CHECKS="bash-script python-threading python-subprocess python-json python-sqlite3
	python-mmap gcc-hello gcc-pthread make tar git file perl ipcs python-socket python-http strace gdb ftrace"
DEB_ALL="boot ls $DEB_CHECKS module-build ctrl-c poweroff"
DEB_INITRD=$BUILD/initramfs-debian.cpio.gz
DEB_TIMEOUT=1200	# the whole boot; about 40 s on Linux under TCG alone
DEB_STEP=240		# one check (gcc under TCG on a loaded machine is slow)
DEB_MEM=1G		# 99 MiB archive, 280 MiB unpacked; see README

# deb_in NAME "LIST": NAME is one of the words of LIST.
deb_in() {
	local w
	for w in $2; do
		[ "$w" = "$1" ] && return 0
	done
	return 1
}

deb_type() {
	# shellcheck disable=SC2059 # the text is a format on purpose: \003 is ^C
	printf "$1" >&8
}

deb_screen() {
	tr -d '\r' < "$DEB_LOG"
}

deb_wait() {
	local end=$((SECONDS + $2))
	while [ "$SECONDS" -lt "$end" ]; do
		deb_screen | grep -qaE -- "$1" && return 0
		kill -0 "$DEB_QEMU" 2>/dev/null || return 1
		sleep 0.5
	done
	return 1
}

deb_has() {
	deb_screen | grep -qaE -- "$1"
}

# deb_run NAME COMMAND SECONDS: type COMMAND with its output prefixed
# "NAME| " and a marker with its exit status; sets $deb_rc.
deb_run() {
	deb_type "$2 2>&1 | sed -u 's/^/$1| /'; echo @@$1:\${PIPESTATUS[0]}@@\r"
	deb_rc=
	deb_wait "^@@$1:[0-9]+@@" "$3" || return 1
	deb_rc=$(deb_screen | grep -aoE -- "^@@$1:[0-9]+@@" | tail -n 1 | sed 's/.*://; s/@@//')
}

# The last lines a check printed, for a FAIL line.
deb_output() {
	deb_screen | grep -aE "^$1\| " | tail -n 3 | sed "s/^$1| //" | tr '\n' ' '
}

deb_result() {
	local name=debian/$1
	selected "$name" || return 0
	if [ "$LINUX" = 0 ] && ! deb_in "$1" "$DEBIAN_LANTERN_TESTS"; then
		case "$2" in
		pass) echo "SKIP $name: not in DEBIAN_LANTERN_TESTS (it passed: enable it)" ;;
		*) echo "SKIP $name: not in DEBIAN_LANTERN_TESTS (it fails: $3)" ;;
		esac
		return
	fi
	case "$2" in
	pass) pass "$name" ;;
	skip) echo "SKIP $name: $3" ;;
	*) fail "$name" "$3 (log: ${DEB_LOG#"$ROOT"/})" ;;
	esac
}

debian_check() {
	deb_run "$1" "/usr/share/lantern-tests/$1" "$DEB_STEP" ||
		{ why="no marker within $DEB_STEP s: $(deb_output "$1")"; return 1; }
	[ "$deb_rc" = 0 ] && return 0
	why="exit status $deb_rc: $(deb_output "$1")"; return 1
}

# ls -l of a dynamically linked ls: modes, owner names from /etc/passwd
# (glibc's NSS), the merged-/usr symlinks.
debian_ls() {
	deb_run ls 'ls -l / /usr/bin/bash' 60 || { why="no marker"; return 1; }
	deb_has '^ls\| -rwxr-xr-x +1 root root +[0-9]+ .* /usr/bin/bash$' &&
		deb_has '^ls\| lrwxrwxrwx +1 root root +[0-9]+ .* lib -> usr/lib$' && return 0
	why="'ls -l' output: $(deb_output ls)"; return 1
}

# The seed's module and mydev, built in the VM with the seed's own
# Makefile against the root's /lib/modules/<release>/build, loaded and
# unloaded (usr/debian/tests/module-build).  The seed's files are
# extracted here as the host's module tests do (seed-modules.py, with its
# repairs) and typed in as base64, a few hundred characters a line.
# Lantern-only: Debian's kernel has no build directory in this root, so
# the check exits 77 there, which is a SKIP on Linux and a failure on
# Lantern (the root always carries Lantern's).  Returns 77 for a SKIP.
debian_module_build() {
	local seed=$LOGDIR/debian-seed b64 i n=0
	rm -rf "$seed"
	if ! "$ROOT/tools/testing/modules/seed-modules.py" "$ROOT/../shared/seeds" "$seed" \
		>"$LOGDIR/debian-seed.log" 2>&1; then
		why="no seed document in ../shared/seeds"; return 77
	fi
	b64=$(tar -C "$seed" -cz mymodule mydev | base64 -w 0)
	deb_run seed-dir 'rm -rf /root/seed /tmp/seed.b64 && mkdir /root/seed' 30 ||
		{ why="no marker from mkdir"; return 1; }
	for ((i = 0; i < ${#b64}; i += 256)); do
		n=$((n + 1))
		deb_run "seed-$n" "echo -n '${b64:i:256}' >> /tmp/seed.b64" 30 ||
			{ why="typing the seed's files: no marker for line $n"; return 1; }
	done
	deb_run seed-unpack 'base64 -d /tmp/seed.b64 | tar -xz -C /root/seed && ls /root/seed/mymodule' 30 ||
		{ why="no marker from unpacking the seed's files"; return 1; }
	[ "$deb_rc" = 0 ] || { why="unpacking the seed's files: $(deb_output seed-unpack)"; return 1; }
	deb_run module-build "/usr/share/lantern-tests/module-build /root/seed" $((2 * DEB_STEP)) ||
		{ why="no marker within $((2 * DEB_STEP)) s: $(deb_output module-build)"; return 1; }
	why=$(deb_output module-build)
	case "$deb_rc" in
	0) return 0 ;;
	77) [ "$LINUX" = 1 ] && return 77
		why="no build directory in the root: $why" ;;
	*) why="exit status $deb_rc: $why" ;;
	esac
	return 1
}

# ^C at bash kills the foreground job: the session and controlling tty
# /init set up work.
debian_ctrl_c() {
	deb_type 'sleep 100\r'
	sleep 3
	deb_type '\003'
	sleep 1
	deb_type 'echo @@ctrlc:$?@@\r'
	deb_wait '^@@ctrlc:[0-9]+@@' 30 || { why="bash did not come back after ^C"; return 1; }
	deb_has '^@@ctrlc:130@@' && return 0
	why="'sleep 100' did not die of SIGINT (status 130)"; return 1
}

debian_poweroff() {
	local end=$((SECONDS + 60))
	deb_type 'poweroff\r'
	while kill -0 "$DEB_QEMU" 2>/dev/null && [ "$SECONDS" -lt "$end" ]; do
		sleep 0.5
	done
	kill -0 "$DEB_QEMU" 2>/dev/null && { why="still running 60 s after poweroff"; return 1; }
	wait "$DEB_QEMU"
	status=$?
	[ "$status" -eq 0 ] && return 0
	why="QEMU exit status $status, expected 0"; return 1
}

deb_test() {
	local name=$1 fn
	why=""
	# A FILTER naming one test (debian/strace) runs just that one.
	selected "debian/$name" || return 0
	if ! kill -0 "$DEB_QEMU" 2>/dev/null; then
		deb_result "$name" fail "the VM is gone"
		return
	fi
	fn=debian_${name//-/_}
	if deb_in "$name" "$DEB_CHECKS"; then
		debian_check "$name"
	else
		"$fn"
	fi
	case $? in
	0) deb_result "$name" pass ;;
	77) deb_result "$name" skip "$why" ;;
	*) deb_result "$name" fail "${why:-failed}" ;;
	esac
}

run_debian_tests() {
	local fifo=$LOGDIR/.debian-in kernel append name start
	DEB_LOG=$LOGDIR/debian.log
	[[ -z "$FILTER" || "$FILTER" == debian* ]] || return 0
	if [ "$LINUX" = 0 ] && [ -z "$DEBIAN_LANTERN_TESTS" ]; then
		echo "SKIP debian: needs the ELF interpreter and file-backed mmap" \
			"(DEBIAN_LANTERN_TESTS in tools/testing/debian-tests.sh is empty)"
		return
	fi
	if [ "$LINUX" = 1 ]; then
		kernel=$(debian_kernel)
		[ -n "$kernel" ] || { fail debian/boot "no /boot/vmlinuz-* (package linux-image-amd64)"; return; }
		append="console=ttyS0 quiet panic=-1"
	else
		kernel=$BUILD/vmlinux
		append="console=ttyS0 quiet"
	fi
	start=$SECONDS
	if ! make -s -C "$ROOT" debian-root >"$LOGDIR/debian-build.log" 2>&1; then
		fail debian/build "make debian-root failed: $(tail -3 "$LOGDIR/debian-build.log")"
		return
	fi
	echo "# debian: root image ready after $((SECONDS - start)) s"
	rm -f "$fifo" && mkfifo "$fifo"
	exec 8<>"$fifo"
	start=$SECONDS
	QEMU_ACCEL=$ACCEL QEMU_MEM=$DEB_MEM QEMU_TIMEOUT=$DEB_TIMEOUT "$ROOT/tools/qemu-run.sh" \
		-kernel "$kernel" -initrd "$DEB_INITRD" -append "$append" \
		<"$fifo" >"$DEB_LOG" 2>&1 &
	DEB_QEMU=$!
	if deb_wait 'debian-lantern:~# ' 300; then
		deb_result boot pass
		for name in $DEB_ALL; do
			[ "$name" = boot ] || deb_test "$name"
		done
	else
		why="no bash prompt within 300 s"
		kill -0 "$DEB_QEMU" 2>/dev/null || why="the VM stopped before a bash prompt"
		# init's own lines say why (the exec of bash failing, say).
		if deb_has 'debian-init: '; then
			why="$why: $(deb_screen | grep -aoE 'debian-init: .*' | head -n 2 | tr '\n' ' ')"
		else
			why="$why: $(deb_screen | grep -a . | tail -n 3 | tr '\n' ' ')"
		fi
		deb_result boot fail "$why"
		for name in $DEB_ALL; do
			[ "$name" = boot ] || deb_result "$name" fail "no bash prompt"
		done
	fi
	echo "# debian: booted ${kernel#"$ROOT"/}, $((SECONDS - start)) s"
	kill -KILL "$DEB_QEMU" 2>/dev/null
	wait "$DEB_QEMU" 2>/dev/null
	exec 8>&-
	rm -f "$fifo"
}

run_debian_tests
