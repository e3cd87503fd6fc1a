#!/bin/bash
# make bench: Lantern against Debian's Linux kernel, side by side.
#
# Both kernels boot the same initramfs (usr/bench/bench.c as /init) in
# identical QEMU VMs: same accelerator, CPU model, memory and vCPU count.
# The host stamps every serial line as it arrives, which gives the time
# from QEMU's start to init's first line and to power-off.  Then the
# smallest -m with which each kernel boots busybox to its shell prompt is
# found by bisection.  Then both boot the Debian root (make debian-root,
# with -m $DEBIAN_MEM: it unpacks to 213 MiB) with the same program as
# rdinit= for the metrics of Debian's dynamically linked programs; a
# kernel that cannot run them gets n/a (--smoke skips that part).
# Output: a table (metric, Lantern, Linux, ratio, which way is better),
# build/bench/results.json and build/bench/ratios.png.
#
#   tools/bench/run-bench.sh [--smoke]	--smoke: one round, no bisection
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/build/bench
SMOKE=0
[ "${1:-}" = --smoke ] && SMOKE=1
ROUNDS=5
[ "$SMOKE" = 1 ] && ROUNDS=1
MEM=512M
DEBIAN_MEM=1G
mkdir -p "$OUT"

scripts/deps.sh linux-image-amd64 musl-tools gnuplot-nox cpio >&2 || exit 1
make -s all usr >"$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }

# The benchmark initramfs.
musl-gcc -static -O2 -Wall -Wextra -o "$OUT/bench" usr/bench/bench.c || exit 1
musl-gcc -static -O2 -o "$OUT/true" usr/bench/true.c || exit 1
cat >"$OUT/initramfs.list" <<LIST
dir /dev 0755 0 0
nod /dev/console 0600 0 0 c 5 1
dir /bench 0755 0 0
file /init $OUT/bench 0755 0 0
file /bench/true $OUT/true 0755 0 0
LIST
"$ROOT/build/usr/gen_init_cpio" "$OUT/initramfs.list" >"$OUT/initramfs.cpio" || exit 1

LINUX_KERNEL=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
BUSYBOX_INITRD=$ROOT/build/initramfs-busybox.cpio.gz
LANTERN_KERNEL=$ROOT/build/vmlinux
ACCEL=$("$ROOT/tools/qemu-accel.sh")

# boot NAME KERNEL MEM TIMEOUT ARGS...: the serial log with host times
# (ms since QEMU started) goes to $OUT/NAME.log.
boot() {
	local name=$1 kernel=$2 mem=$3 t=$4 start
	shift 4
	start=$(date +%s%N)
	QEMU_ACCEL=$ACCEL QEMU_MEM=$mem QEMU_TIMEOUT=$t \
		"$ROOT/tools/qemu-run.sh" -kernel "$kernel" -initrd "$OUT/initramfs.cpio" \
		-append "console=ttyS0 quiet panic=-1 -- $*" </dev/null 2>&1 |
	while IFS= read -r line; do
		printf '%d %s\n' $(( ($(date +%s%N) - start) / 1000000 )) "${line%$'\r'}"
	done >"$OUT/$name.log"
	printf '%d EXIT\n' $(( ($(date +%s%N) - start) / 1000000 )) >>"$OUT/$name.log"
}

# value NAME METRIC: the reported number, or "n/a".
value() {
	awk -v m="$2" '$2 == "bench:" && $3 == m { print $4; found = 1 } END { if (!found) print "n/a" }' \
		"$OUT/$1.log" | head -n 1
}

# The firmware's escape codes may share the line: match the text anywhere.
first_line_ms() {
	awk '/bench: start$/ { print $1; exit }' "$OUT/$1.log"
}

exit_ms() {
	awk '$2 == "EXIT" { print $1 }' "$OUT/$1.log"
}

# Does KERNEL with MEM reach busybox's shell prompt (the same busybox
# initramfs `make run` boots)?  QEMU is stopped as soon as it does.
reaches_prompt() {
	local kernel=$1 mem=$2 log=$OUT/prompt-probe.log pid i
	QEMU_ACCEL=$ACCEL QEMU_MEM=$mem QEMU_TIMEOUT=60 \
		"$ROOT/tools/qemu-run.sh" -kernel "$kernel" -initrd "$BUSYBOX_INITRD" \
		-append "console=ttyS0 quiet panic=-1" </dev/null >"$log" 2>&1 &
	pid=$!
	for i in $(seq 1 120); do
		if grep -qa 'lantern:~# ' "$log"; then
			kill "$pid" 2>/dev/null
			wait "$pid" 2>/dev/null
			return 0
		fi
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.5
	done
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	return 1
}

# Smallest -m (MiB) with which KERNEL boots to the shell prompt, by bisection.
min_mem() {
	local kernel=$1 lo=4 hi=512 mid
	reaches_prompt "$kernel" ${hi}M || { echo n/a; return; }
	while [ $((hi - lo)) -gt 2 ]; do
		mid=$(( (lo + hi) / 2 ))
		if reaches_prompt "$kernel" ${mid}M; then hi=$mid; else lo=$mid; fi
	done
	echo "$hi"
}

echo "# accelerator: $ACCEL, CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), -m $MEM, 1 vCPU"
echo "# Linux: ${LINUX_KERNEL:-none}"
[ -n "$LINUX_KERNEL" ] || { echo "no Debian kernel in /boot" >&2; exit 1; }
boot lantern "$LANTERN_KERNEL" $MEM 600 bench.rounds=$ROUNDS
boot linux "$LINUX_KERNEL" $MEM 600 bench.rounds=$ROUNDS

# boot_debian NAME KERNEL: the Debian root with bench as rdinit=.
boot_debian() {
	local name=$1 kernel=$2
	QEMU_ACCEL=$ACCEL QEMU_MEM=$DEBIAN_MEM QEMU_TIMEOUT=900 \
		"$ROOT/tools/qemu-run.sh" -kernel "$kernel" -initrd "$DEBIAN_INITRD" \
		-append "rdinit=/usr/lib/lantern-bench/bench console=ttyS0 quiet panic=-1 -- bench.rounds=$ROUNDS bench.set=debian" \
		</dev/null 2>&1 | tr -d '\r' | sed 's/^/0 /' >"$OUT/$name.log"
}
DEBIAN_INITRD=$ROOT/build/initramfs-debian.cpio.gz
debian_metrics="dyn_exec_wait python3_startup gcc_compile"
rm -f "$OUT/lantern-debian.log" "$OUT/linux-debian.log"
if [ "$SMOKE" = 0 ]; then
	if make -s debian-root >"$OUT/debian-root.log" 2>&1; then
		boot_debian lantern-debian "$LANTERN_KERNEL"
		boot_debian linux-debian "$LINUX_KERNEL"
	else
		echo "# make debian-root failed (see $OUT/debian-root.log): no Debian metrics" >&2
	fi
fi

metrics="boot_to_init_ms boot_to_poweroff_ms mem_used_after_boot null_syscall fork_exit_wait fork_exec_wait pipe_pingpong pipe_bandwidth page_fault cow_fault tmpfs_write tmpfs_read open_close stat mmap_munmap_1m min_mem_mib $debian_metrics"
declare -A L X UNIT BETTER
L[boot_to_init_ms]=$(first_line_ms lantern); X[boot_to_init_ms]=$(first_line_ms linux)
L[boot_to_poweroff_ms]=$(exit_ms lantern); X[boot_to_poweroff_ms]=$(exit_ms linux)
UNIT[boot_to_init_ms]=ms; UNIT[boot_to_poweroff_ms]=ms
for m in mem_used_after_boot null_syscall fork_exit_wait fork_exec_wait pipe_pingpong \
	 pipe_bandwidth page_fault cow_fault tmpfs_write tmpfs_read open_close stat mmap_munmap_1m; do
	L[$m]=$(value lantern $m)
	X[$m]=$(value linux $m)
	UNIT[$m]=$(awk -v m="$m" '$2 == "bench:" && $3 == m && $4 != "n/a" { print $5; exit }' \
		"$OUT/lantern.log" "$OUT/linux.log")
done
for m in $debian_metrics; do
	if [ -f "$OUT/lantern-debian.log" ] && [ "$SMOKE" = 0 ]; then
		L[$m]=$(value lantern-debian $m)
		X[$m]=$(value linux-debian $m)
	else
		L[$m]=n/a; X[$m]=n/a
	fi
	UNIT[$m]=$(awk -v m="$m" '$2 == "bench:" && $3 == m && $4 != "n/a" { print $5; exit }' \
		"$OUT/lantern-debian.log" "$OUT/linux-debian.log" 2>/dev/null)
done
if [ "$SMOKE" = 0 ]; then
	L[min_mem_mib]=$(min_mem "$LANTERN_KERNEL")
	X[min_mem_mib]=$(min_mem "$LINUX_KERNEL")
else
	L[min_mem_mib]=n/a; X[min_mem_mib]=n/a
fi
UNIT[min_mem_mib]=MiB
for m in $metrics; do
	case "${UNIT[$m]:-}" in
	MiB/s) BETTER[$m]=higher ;;
	*) BETTER[$m]=lower ;;
	esac
done

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || a == "" || b == "" || b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'
}

{
	printf '%-22s %14s %14s %8s  %s\n' metric Lantern Linux ratio better
	for m in $metrics; do
		printf '%-22s %14s %14s %8s  %s\n' "$m" "${L[$m]:-n/a} ${UNIT[$m]:-}" \
			"${X[$m]:-n/a} ${UNIT[$m]:-}" "$(ratio "${L[$m]:-n/a}" "${X[$m]:-n/a}")" "${BETTER[$m]}"
	done
} | tee "$OUT/table.txt"

{
	echo "{"
	echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
	echo "  \"accelerator\": \"$ACCEL\","
	echo "  \"memory\": \"$MEM\","
	echo "  \"rounds\": $ROUNDS,"
	echo "  \"linux_kernel\": \"$(basename "$LINUX_KERNEL")\","
	echo "  \"metrics\": {"
	first=1
	for m in $metrics; do
		[ $first = 1 ] || echo ","
		first=0
		printf '    "%s": {"lantern": "%s", "linux": "%s", "unit": "%s", "ratio": "%s", "better": "%s"}' \
			"$m" "${L[$m]:-n/a}" "${X[$m]:-n/a}" "${UNIT[$m]:-}" \
			"$(ratio "${L[$m]:-n/a}" "${X[$m]:-n/a}")" "${BETTER[$m]}"
	done
	echo
	echo "  }"
	echo "}"
} >"$OUT/results.json"

# The chart: Lantern/Linux per metric (log scale: 1 = as fast as Linux).
awk 'NR > 1 { n = split($0, f, " "); } NR > 1 && f[n-1] != "n/a" { print f[1], f[n-1] }' \
	"$OUT/table.txt" >"$OUT/ratios.dat"
if [ -s "$OUT/ratios.dat" ] && command -v gnuplot >/dev/null; then
	gnuplot <<GP 2>"$OUT/gnuplot.log"
set terminal pngcairo size 1000,500 noenhanced
set output "$OUT/ratios.png"
set title "Lantern / Linux (same VM, $ACCEL); 1 = same as Linux"
set style fill solid
set boxwidth 0.7
set logscale y
set xtics rotate by -40
set grid ytics
unset key
plot "$OUT/ratios.dat" using 0:2:xtic(1) with boxes lc rgb "#4477aa", 1 with lines lc rgb "black"
GP
fi
echo "# results: $OUT/results.json, chart: $OUT/ratios.png"
# The smoke run fails only if the harness itself broke: both kernels reached init.
[ -n "${L[boot_to_init_ms]}" ] && [ -n "${X[boot_to_init_ms]}" ]
