#!/bin/bash
# Run LTP tests on Lantern (or, with LINUX=1, on Debian's kernel: the
# oracle) and print one line per test, then a summary.
#
#   tools/ltp/run.sh [LIST]     LIST: runtest format ("name program args");
#                               default: the tests that pass on Linux 6.1,
#                               ../shared/ltp/linux-6.1-tcg-pass.txt
#
# tools/ltp/build.sh builds what the list needs (cached outside the
# clone).  The list is cut into batches of LTP_BATCH tests; each batch is
# one initramfs (busybox, the runner, a kernel config for KCONFIG_PATH,
# the programs of the batch's folders) and one or more boots: inside the
# guest every test has LTP_T seconds (tools/ltp/ltp-run.c); when the
# kernel itself dies or stops printing, the host kills that QEMU and boots
# the batch again after the test that was running.
#
# Output lines: "PASS name", "FAIL name: KIND why", "SKIP name: why".
# Results (name result ms why) go to $LTP_OUT/results.txt, the output of
# every test that did not pass to $LTP_OUT/output.txt ("name: line"), the
# boot logs to $LTP_OUT/work/.
#
# Environment: LINUX=1, LTP_SRC, LTP_T (20), LTP_BATCH (150), LTP_OUT
# (build/ltp/<kernel>), LTP_JOBS (build parallelism, 2), LTP_PREVIEW=1
# (the harness without its file mapping: tools/ltp/build.sh).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=tools/ltp/common.sh
. "$here/common.sh"

list=${1:-$root/../shared/ltp/linux-6.1-tcg-pass.txt}
[ -f "$list" ] || { echo "ltp: no list $list" >&2; exit 2; }
list=$(realpath "$list")
LINUX=${LINUX:-0}
T=${LTP_T:-20}
BATCH=${LTP_BATCH:-150}
build=$root/build
if [ "$LINUX" = 1 ]; then kname=linux; else kname=lantern; fi
[ "${LTP_PREVIEW:-0}" = 1 ] && kname=$kname-preview	# see tools/ltp/build.sh
out=${LTP_OUT:-$build/ltp/$kname}
mkdir -p "$out"
work=$out/work
rm -rf "$work" && mkdir -p "$work"
cp "$list" "$out/list.txt"	# tools/ltp/update-gate.sh takes the command lines from here

# --- the kernel --------------------------------------------------------------
if [ "$LINUX" = 1 ]; then
	# shellcheck disable=SC2012 # Debian kernel file names are plain
	kernel=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
	if [ -z "$kernel" ]; then
		"$root/scripts/deps.sh" linux-image-amd64 >&2
		# shellcheck disable=SC2012 # Debian kernel file names are plain
	kernel=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
	fi
	[ -n "$kernel" ] || { echo "ltp: no /boot/vmlinuz-* (package linux-image-amd64)" >&2; exit 1; }
	append="console=ttyS0 quiet panic=-1"
else
	make -s -C "$root" all >"$work/make.log" 2>&1 ||
		{ echo "ltp: make failed:" >&2; tail -5 "$work/make.log" >&2; exit 1; }
	kernel=$build/vmlinux
	append="console=ttyS0 quiet ktest=user"	# test mode: a panic ends QEMU at once
fi
make -s -C "$root" "$build/usr/gen_init_cpio" >/dev/null 2>&1 ||
	{ echo "ltp: cannot build gen_init_cpio" >&2; exit 1; }

# --- the programs ------------------------------------------------------------
CACHE=$("$here/build.sh" "$list" | tail -n 1) || exit 1
[ -d "$CACHE/src" ] || { echo "ltp: build failed" >&2; exit 1; }
ltp_index

musl-gcc -static -O2 -Wall -Wextra -o "$work/ltp-run" "$here/ltp-run.c" ||
	{ echo "ltp: cannot build the runner" >&2; exit 1; }
# The kernel configuration tests read through KCONFIG_PATH: Debian's, the
# one the Linux pass list was made with, for both kernels.
# shellcheck disable=SC2012 # Debian config file names are plain
kconfig=$(ls /boot/config-* 2>/dev/null | sort -V | tail -n 1)
[ -n "$kconfig" ] || kconfig=/dev/null

# Each test's folder; tests whose folder did not build are reported here.
: > "$work/all.txt"
: > "$out/results.txt"
: > "$out/output.txt"
grep -v '^#' "$list" | awk 'NF >= 2' | while read -r name prog rest; do
	p=$prog
	dir=$(awk -v p="$p" '$1 == p { print $2; exit }' "$CACHE/index.txt")
	if [ -z "$dir" ]; then
		p=${prog%_64}; p=${p%_16}
		dir=$(awk -v p="$p" '$1 == p { print $2; exit }' "$CACHE/index.txt")
	fi
	slug=$(ltp_slug "${dir:-none}")
	if [ -n "$dir" ] && [ -x "$CACHE/inst/$slug/ltp/testcases/bin/$prog" ]; then
		echo "$slug $name $prog $rest" >> "$work/all.txt"
	else
		echo "FAIL $name: NOTBUILT ${dir:-no source for $prog}"
		echo "$name NOTBUILT 0 not built" >> "$out/results.txt"
	fi
done

# Stripped copies of each folder's installed files, made once.
stripped() {
	local slug=$1 s=$CACHE/stripped/$1
	# A private temporary name: make test and make ltp may share the cache.
	if [ ! -d "$s" ]; then
		rm -rf "$s.tmp$$" && mkdir -p "$s.tmp$$"
		cp -a "$CACHE/inst/$slug/." "$s.tmp$$/"
		find "$s.tmp$$" -type f -perm -u+x -exec sh -c \
			'for f; do head -c4 "$f" | grep -q ELF && strip --strip-unneeded "$f" 2>/dev/null; done; true' sh {} +
		mv -T "$s.tmp$$" "$s" 2>/dev/null || rm -rf "$s.tmp$$"
	fi
	echo "$s"
}

# make_initramfs BATCHFILE CPIO
make_initramfs() {
	local batch=$1 cpio=$2 spec=$2.spec slug s
	{
		echo "dir . 0755 0 0"
		for d in /bin /sbin /usr /usr/bin /usr/sbin /dev /proc /sys /etc /root /ltp; do
			echo "dir $d 0755 0 0"
		done
		echo "dir /tmp 01777 0 0"
		echo "nod /dev/console 0600 0 0 c 5 1"
		echo "nod /dev/null 0666 0 0 c 1 3"
		echo "file /bin/busybox /bin/busybox 0755 0 0"
		/bin/busybox --list-full | sort | grep -v '^bin/busybox$' |
			awk '{ print "slink /" $0 " /bin/busybox 0777 0 0" }'
		echo "file /etc/passwd $here/passwd 0644 0 0"
		echo "file /etc/group $here/group 0644 0 0"
		echo "file /init $here/init.sh 0755 0 0"
		echo "file /ltp/ltp-run $work/ltp-run 0755 0 0"
		echo "file /ltp/kconfig $kconfig 0644 0 0"
		echo "file /ltp/list.txt $batch.list 0644 0 0"
		# shellcheck disable=SC2013 # one folder slug per word
		for slug in $(awk '{ print $1 }' "$batch" | sort -u); do
			s=$(stripped "$slug")
			( cd "$s" && find . -mindepth 1 ) | sed 's|^\./||' | while read -r f; do
				if [ -d "$s/$f" ]; then
					echo "dir /$f 0755 0 0"
				elif [ -L "$s/$f" ]; then
					echo "slink /$f $(readlink "$s/$f") 0777 0 0"
				else
					echo "file /$f $s/$f $(stat -c %a "$s/$f") 0 0"
				fi
			done
		done
	} | awk '!seen[$1 " " $2]++' > "$spec"
	cut -d' ' -f2- "$batch" > "$batch.list"
	"$build/usr/gen_init_cpio" "$spec" > "$cpio"
}

# boot_batch BATCHFILE N: boots until the batch's runner says LTP-DONE.
boot_batch() {
	local batch=$1 n=$2 cpio=$1.cpio first=0 boot=0 log pid size last stall
	local started done_line
	make_initramfs "$batch" "$cpio" || { echo "ltp: cannot pack $batch" >&2; return 1; }
	while [ "$first" -lt "$n" ]; do
		boot=$((boot + 1))
		log=$batch.boot$boot.log
		# The whole boot is bounded too: every test at most T s, plus boot.
		QEMU_MEM=1024M QEMU_TIMEOUT=$(( (n - first) * (T + 5) + 120 )) \
			"$root/tools/qemu-run.sh" -kernel "$kernel" -initrd "$cpio" \
			-append "$append -- ltp.first=$first ltp.timeout=$T" \
			</dev/null >"$log" 2>&1 &
		pid=$!
		# A guest that prints nothing for T+60 s is stuck: the runner
		# itself would have reported a timeout by then.
		last=$SECONDS size=0 stall=$((T + 60))
		while kill -0 "$pid" 2>/dev/null; do
			sleep 2
			if [ "$(stat -c %s "$log")" != "$size" ]; then
				size=$(stat -c %s "$log") last=$SECONDS
			elif [ $((SECONDS - last)) -gt "$stall" ]; then
				echo "# ltp: no output for $stall s, killing QEMU" >> "$log"
				pkill -KILL -P "$pid" 2>/dev/null
				kill -KILL "$pid" 2>/dev/null
				break
			fi
			grep -qa '^LTP-DONE' "$log" && [ $((SECONDS - last)) -gt 20 ] && { kill -KILL "$pid" 2>/dev/null; break; }
		done
		wait "$pid" 2>/dev/null
		tr -d '\r' < "$log" > "$log.txt"
		grep -a '^LTP-OUT ' "$log.txt" | sed 's/^LTP-OUT //' >> "$out/output.txt"
		grep -a '^LTP-RESULT ' "$log.txt" | while read -r _ _ name res ms why; do
			echo "$name $res $ms $why" >> "$out/results.txt"
			report "$name" "$res" "$why"
		done
		done_line=$(grep -ac '^LTP-DONE' "$log.txt")
		[ "$done_line" -gt 0 ] && break
		# The test that was running when the kernel died or hung.
		started=$(grep -a '^LTP-START ' "$log.txt" | tail -n 1)
		if [ -z "$started" ]; then
			echo "# ltp: boot $boot of $(basename "$batch") ran no test (log: $log)" >&2
			tail -n 5 "$log.txt" | sed 's/^/#   /' >&2
			sed -n "$((first + 1)),\$p" "$batch" | while read -r _ name _; do
				echo "$name NOBOOT 0 the kernel did not reach the runner" >> "$out/results.txt"
				report "$name" NOBOOT "the kernel did not reach the runner"
			done
			break
		fi
		# shellcheck disable=SC2086 # split into words on purpose
		set -- $started
		if grep -qa "^LTP-RESULT $2 " "$log.txt"; then
			first=$(($2 + 1))	# died between tests
		else
			local why="kernel died (QEMU exit)"
			grep -qa '^# ltp: no output' "$log.txt" && why="guest hung: no output for $stall s"
			grep -qa 'Kernel panic\|BUG:\|Oops' "$log.txt" && why="kernel oops/panic"
			grep -a 'Kernel panic\|BUG:\|Oops' "$log.txt" | head -n 3 | sed "s/^/$3: /" >> "$out/output.txt"
			echo "$3 CRASH 0 $why" >> "$out/results.txt"
			report "$3" CRASH "$why"
			first=$(($2 + 1))
		fi
	done
}

report() {
	case "$2" in
	PASS)	echo "PASS $1" ;;
	CONF)	echo "SKIP $1: TCONF $3" ;;
	*)	echo "FAIL $1: $2 $3" ;;
	esac
}

total=$(wc -l < "$work/all.txt")
echo "# ltp: $total tests on $kname (${kernel#"$root"/}), batches of $BATCH, $T s per test"
start=$SECONDS
split -l "$BATCH" -d -a 3 "$work/all.txt" "$work/batch."
for b in "$work"/batch.[0-9][0-9][0-9]; do
	boot_batch "$b" "$(wc -l < "$b")"
done

# Summary: counts per result kind.
awk -v k="$kname" -v t=$((SECONDS - start)) '
	{ n++; c[$2]++ }
	END {
		s = ""; for (r in c) s = s " " r "=" c[r]
		printf "ltp: %d passed, %d not passed of %d on %s in %d s (%s )\n",
			c["PASS"], n - c["PASS"], n, k, t, s
	}' "$out/results.txt"
