#!/bin/bash
# Build the LTP test programs a runtest list needs, as static musl
# programs, into a cache outside the clone:
#
#   ${XDG_CACHE_HOME:-$HOME/.cache}/lantern/ltp-<hash>/
#       src/                 the unpacked, configured LTP tree
#       inst/<folder>/       what `make install` of one test folder put out
#       stamp/<folder>.ok    the folder built (.fail: it did not; see log/)
#
# <hash> is the start of the tarball's SHA-256 (or of the LTP_SRC tree's
# path and git commit), so a second run finds everything built and only
# checks the stamps.  Folders are built one by one (LTP's own trunk
# Makefile stops at the first folder that fails: fmtmsg with musl), two
# at a time, so one broken folder costs only its own tests.
#
# Usage: tools/ltp/build.sh LIST...    (runtest-format files: "name cmd args")
# Prints the cache directory on its last line.
# Environment: LTP_SRC (tarball or tree), LTP_JOBS (default 2),
# LTP_PREVIEW=1: a separate build whose harness keeps its results page in
# shared anonymous memory instead of a MAP_SHARED mapping of a /dev/shm
# file.  Only for finding the walls behind that one (Documentation/ltp.md
# "after the harness"); it never decides what passes.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=tools/ltp/common.sh
. "$here/common.sh"

jobs=${LTP_JOBS:-2}
[ $# -gt 0 ] || { echo "usage: $0 LIST..." >&2; exit 2; }

ltp_cache_dir
mkdir -p "$CACHE"/{stamp,log,inst}
src=$CACHE/src

# --- unpack and configure, once ------------------------------------------
exec 8>"$CACHE/configure.lock"
flock 8
if [ ! -f "$CACHE/stamp/configure.ok" ]; then
	"$root/scripts/deps.sh" musl-tools autoconf automake m4 make gcc >&2
	rm -rf "$src" && mkdir -p "$src"
	echo "ltp: unpacking $LTP_SRC_RESOLVED into $src" >&2
	if [ -d "$LTP_SRC_RESOLVED" ]; then
		cp -a "$LTP_SRC_RESOLVED/." "$src/"
	else
		tar xJf "$LTP_SRC_RESOLVED" -C "$src" --strip-components=1
	fi
	if [ "${LTP_PREVIEW:-0}" = 1 ]; then
		sed -i 's/MAP_SHARED, ipc_fd, 0);/MAP_SHARED | MAP_ANONYMOUS, -1, 0);/' "$src/lib/tst_test.c"
		grep -q 'MAP_SHARED | MAP_ANONYMOUS, -1, 0);' "$src/lib/tst_test.c" ||
			{ echo "ltp: LTP_PREVIEW: lib/tst_test.c has changed, cannot patch" >&2; exit 1; }
	fi
	# Debian's musl-gcc sees no kernel headers: give it the uapi ones.
	inc=$CACHE/kinc
	rm -rf "$inc" && mkdir -p "$inc"
	for d in linux asm-generic mtd rdma scsi sound video misc xen; do
		[ -e "/usr/include/$d" ] && ln -s "/usr/include/$d" "$inc/$d"
	done
	ln -s /usr/include/x86_64-linux-gnu/asm "$inc/asm"
	echo "ltp: configuring (log: $CACHE/log/configure.log)" >&2
	( cd "$src" && make autotools &&
	  ./configure CC=musl-gcc LDFLAGS=-static CFLAGS="-O2 -g0 -I$inc" \
		--prefix=/ltp --without-tirpc ) >"$CACHE/log/configure.log" 2>&1 ||
		{ echo "ltp: configure failed, see $CACHE/log/configure.log" >&2; exit 1; }
	# The shared libraries every test links (libltp, libs/*) first, so
	# that folders built side by side do not race to build them.
	echo "ltp: building lib/ and libs/" >&2
	( make -C "$src/lib" -j"$jobs" && make -C "$src/libs" -j"$jobs" ) \
		>"$CACHE/log/lib.log" 2>&1 ||
		{ echo "ltp: lib build failed, see $CACHE/log/lib.log" >&2; exit 1; }
	touch "$CACHE/stamp/configure.ok"
fi
flock -u 8

# --- the folders the lists need --------------------------------------------
folders=$(ltp_folders_for "$@" | sort -u)
todo=""
for f in $folders; do
	s=$(ltp_slug "$f")
	[ -f "$CACHE/stamp/$s.ok" ] || [ -f "$CACHE/stamp/$s.fail" ] || todo="$todo $f"
done

# Two runs may share the cache (make ltp and make test): one folder is
# built under its own lock, and not again once stamped.
build_one() {
	local f=$1 s
	s=$(ltp_slug "$f")
	exec 9>"$CACHE/stamp/$s.lock"
	flock 9
	[ -f "$CACHE/stamp/$s.ok" ] || [ -f "$CACHE/stamp/$s.fail" ] && return 0
	# -k: one program that does not build (timer_create01 with musl)
	# must not take its folder's other programs with it.
	rm -rf "$CACHE/inst/$s"
	{ make -k -C "$CACHE/src/$f"
	  make -k -C "$CACHE/src/$f" install DESTDIR="$CACHE/inst/$s"; } \
		>"$CACHE/log/$s.log" 2>&1
	if [ -n "$(find "$CACHE/inst/$s" -type f 2>/dev/null | head -n 1)" ]; then
		touch "$CACHE/stamp/$s.ok"
		grep -q 'Error [0-9]' "$CACHE/log/$s.log" &&
			echo "ltp: built $f, some programs failed (log: $CACHE/log/$s.log)" >&2
	else
		touch "$CACHE/stamp/$s.fail"
		echo "ltp: FAILED to build $f (log: $CACHE/log/$s.log)" >&2
	fi
	return 0
}
export -f build_one ltp_slug
export CACHE

n=$(echo "$todo" | wc -w)
if [ "$n" -gt 0 ]; then
	echo "ltp: building $n folders, $jobs at a time" >&2
	start=$SECONDS
	# shellcheck disable=SC2086 # one folder per word
	printf '%s\n' $todo | xargs -P "$jobs" -I{} bash -c 'build_one {}' || true
	echo "ltp: built $n folders in $((SECONDS - start)) s" >&2
fi
echo "$CACHE"
