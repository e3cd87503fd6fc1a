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
# Both bench boots also get the same fresh virtio-blk disk (made below)
# for the block-device and ext2 metrics.
# Output: a table (metric, each kernel's median and min-max over the
# rounds, Lantern's speed-up over Linux, which way is better),
# build/bench/results.json and the chart build/bench/speedup.png.  A full
# run also publishes them: Documentation/bench/ and README's block
# between <!-- bench:begin --> and <!-- bench:end -->.
#
# The scaling figure (issue 14): bench.set=smp boots each kernel twice,
# with -smp 1 and -smp 4, and runs 4 processes of a CPU-bound loop
# (smp<N>_cpu_procs, wall time) and 4 threads in 2 futex ping-pong pairs
# (smp<N>_futex_pairs, round trips per second of all pairs); the
# smp_*_scaling rows are the -smp 4 result over the -smp 1 one (4.0 would
# be perfect).  These boots use multi-threaded TCG (one host thread per
# vCPU): single-threaded TCG runs the vCPUs in turn on one host thread,
# where no kernel could scale.  On a 2-core host, 2x is the ceiling.
#
#   tools/bench/run-bench.sh [--smoke]	--smoke: one round, no bisection, no smp set
#   tools/bench/run-bench.sh --set=smp	only the scaling figure (make bench BENCH_SET=smp)
set -u
cd "$(dirname "$0")/../.." || exit 1
ROOT=$PWD
OUT=$ROOT/build/bench
SMOKE=0
SET=all
for arg in "$@"; do
	case "$arg" in
	--smoke) SMOKE=1 ;;
	--set=smp) SET=smp ;;
	*) echo "usage: $0 [--smoke] [--set=smp]" >&2; exit 2 ;;
	esac
done
ROUNDS=5
[ "$SMOKE" = 1 ] && ROUNDS=1
MEM=512M
DEBIAN_MEM=1G
mkdir -p "$OUT"

scripts/deps.sh linux-image-amd64 musl-tools gnuplot-nox cpio e2fsprogs fdisk >&2 || exit 1
make -s all usr >"$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }

# The benchmark initramfs.
musl-gcc -static -O2 -Wall -Wextra -o "$OUT/bench" usr/bench/bench.c || exit 1
musl-gcc -static -O2 -o "$OUT/true" usr/bench/true.c || exit 1
# The tree to unpack onto ext2: the kernel's own fs/, include/, kernel/
# and mm/ (the tracked files, about 440 in 34 directories, 2.5 MiB), as
# plain ustar with each directory listed before what it holds, as a
# release tarball has it.
{
	git ls-files fs include kernel mm | sed -e 's|/[^/]*$||' -e p -e ':a' -e 's|/[^/]*$||p' -e 'ta' -e d | LC_ALL=C sort -u
	git ls-files fs include kernel mm
} | tar --no-recursion -T - --format=ustar --owner=0 --group=0 --numeric-owner \
	--mtime=@0 -cf "$OUT/src.tar" || exit 1
LINUX_KERNEL=$(find /boot -maxdepth 1 -name 'vmlinuz-*' 2>/dev/null | sort -V | tail -n 1)
LINUX_VERSION=$(basename "${LINUX_KERNEL:-none}" | sed 's/^vmlinuz-//')
cat >"$OUT/initramfs.list" <<LIST
dir /dev 0755 0 0
nod /dev/console 0600 0 0 c 5 1
dir /bench 0755 0 0
file /init $OUT/bench 0755 0 0
file /bench/true $OUT/true 0755 0 0
file /bench/src.tar $OUT/src.tar 0644 0 0
dir /bench/modules 0755 0 0
LIST
# Debian's kernel has virtio-blk and ext4 (which mounts ext2) as modules:
# bench.c loads these with finit_module when it finds no /dev/vda.
MODDIR=/lib/modules/$LINUX_VERSION
for mod in virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci \
	   virtio_blk crc16 mbcache jbd2 crc32c_generic ext4 failover net_failover virtio_net; do
	ko=$(find "$MODDIR/kernel" -name "$mod.ko" 2>/dev/null | head -n 1)
	[ -n "$ko" ] || { echo "# no $mod.ko in $MODDIR: Linux's disk metrics will read n/a" >&2; continue; }
	echo "file /bench/modules/$mod.ko $ko 0644 0 0" >>"$OUT/initramfs.list"
done
"$ROOT/build/usr/gen_init_cpio" "$OUT/initramfs.list" >"$OUT/initramfs.cpio" || exit 1

BUSYBOX_INITRD=$ROOT/build/initramfs-busybox.cpio.gz
LANTERN_KERNEL=$ROOT/build/vmlinux
ACCEL=$("$ROOT/tools/qemu-accel.sh")

# The disk of the block-device and ext2 metrics, made once: an MBR with
# vda1, 64 MiB of raw space, and vda2, an empty ext2 with 4 KiB blocks made
# by Debian's mke2fs.  Each boot gets a fresh copy ($OUT/disk-NAME.img,
# kept for e2fsck -fn afterwards).  cache=unsafe: QEMU ignores flushes, so
# both kernels see the same device whatever the host's disk and its load
# are doing; what is measured is each kernel's path down to the device.
DISK=$OUT/disk.img
DISK_MB=320
RAW_MB=64
rm -f "$DISK" "$DISK.fs"
truncate -s ${DISK_MB}M "$DISK" || exit 1
printf 'label: dos\nstart=2048, size=%d, type=83\nstart=%d, type=83\n' \
	$((RAW_MB * 2048)) $(((RAW_MB + 1) * 2048)) | sfdisk -q "$DISK" >/dev/null || exit 1
mke2fs -q -F -t ext2 -b 4096 -L bench "$DISK.fs" $((DISK_MB - RAW_MB - 1))M >/dev/null || exit 1
dd if="$DISK.fs" of="$DISK" bs=1M seek=$((RAW_MB + 1)) conv=notrunc status=none || exit 1
rm -f "$DISK.fs"

# boot NAME KERNEL MEM TIMEOUT ARGS...: the serial log with host times
# (ms since QEMU started) goes to $OUT/NAME.log.
boot() {
	local name=$1 kernel=$2 mem=$3 t=$4 start
	shift 4
	cp --sparse=always "$DISK" "$OUT/disk-$name.img" || return
	start=$(date +%s%N)
	QEMU_ACCEL=$ACCEL QEMU_MEM=$mem QEMU_TIMEOUT=$t \
		"$ROOT/tools/qemu-run.sh" -kernel "$kernel" -initrd "$OUT/initramfs.cpio" \
		-drive "file=$OUT/disk-$name.img,if=none,id=disk0,format=raw,cache=unsafe" \
		-device virtio-blk-pci,drive=disk0 \
		-netdev "user,id=n0,restrict=on,guestfwd=tcp:10.0.2.100:9-cmd:dd of=/dev/null bs=65536 status=none,guestfwd=tcp:10.0.2.100:19-cmd:head -c 16777216 /dev/zero,guestfwd=tcp:10.0.2.100:7-cmd:cat" \
		-device virtio-net-pci,netdev=n0 \
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

# field NAME METRIC N: the Nth field of the metric's line (6, 7: min, max), or empty.
field() {
	awk -v m="$2" -v n="$3" '$2 == "bench:" && $3 == m && $4 != "n/a" { print $n; exit }' "$OUT/$1.log"
}

exit_ms() {
	awk '$2 == "EXIT" { print $1 }' "$OUT/$1.log"
}

# Does KERNEL with MEM reach busybox's shell prompt (the same busybox
# initramfs `make run` boots)?  QEMU is stopped as soon as it does.
reaches_prompt() {
	local kernel=$1 mem=$2 log=$OUT/prompt-probe.log pid
	QEMU_ACCEL=$ACCEL QEMU_MEM=$mem QEMU_TIMEOUT=60 \
		"$ROOT/tools/qemu-run.sh" -kernel "$kernel" -initrd "$BUSYBOX_INITRD" \
		-append "console=ttyS0 quiet panic=-1" </dev/null >"$log" 2>&1 &
	pid=$!
	for _ in $(seq 1 120); do
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

DATE=$(date -u +%Y-%m-%dT%H:%M:%SZ)
HOST_CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
LANTERN_VERSION="$(sed -n 's/^KERNELVERSION[[:space:]]*:= *//p' Makefile) ($(git describe --always --dirty 2>/dev/null || echo unknown))"
echo "# accelerator: $ACCEL, CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), -m $MEM, 1 vCPU"
echo "# Linux: ${LINUX_KERNEL:-none}"
[ -n "$LINUX_KERNEL" ] || { echo "no Debian kernel in /boot" >&2; exit 1; }
if [ "$SET" = all ]; then
boot lantern "$LANTERN_KERNEL" $MEM 600 bench.rounds=$ROUNDS
boot linux "$LINUX_KERNEL" $MEM 600 bench.rounds=$ROUNDS
# Neither kernel may leave the ext2 damaged (vda2 starts at RAW_MB + 1 MiB).
for k in lantern linux; do
	if e2fsck -fn "$OUT/disk-$k.img?offset=$(((RAW_MB + 1) << 20))" >"$OUT/e2fsck-$k.log" 2>&1; then
		echo "# e2fsck -fn of the ext2 after the $k run: clean"
	else
		echo "# e2fsck -fn of the ext2 after the $k run: NOT CLEAN, see $OUT/e2fsck-$k.log"
	fi
done
fi

# boot_smp NAME KERNEL SMP: bench.set=smp with SMP vCPUs, multi-threaded TCG
# (or KVM), the log as boot_swap's.
boot_smp() {
	local name=$1 kernel=$2 smp=$3 accel=$ACCEL
	[ "$accel" = kvm ] || accel=tcg,thread=multi
	QEMU_ACCEL=$accel QEMU_SMP=$smp QEMU_MEM=$MEM QEMU_TIMEOUT=600 \
		"$ROOT/tools/qemu-run.sh" -kernel "$kernel" -initrd "$OUT/initramfs.cpio" \
		-append "console=ttyS0 quiet panic=-1 -- bench.rounds=$ROUNDS bench.set=smp" \
		</dev/null 2>&1 | tr -d '\r' | sed 's/^/0 /' >"$OUT/$name.log"
}
smp_metrics="smp1_cpu_procs smp4_cpu_procs smp_cpu_scaling smp1_futex_pairs smp4_futex_pairs smp_futex_scaling"
if [ "$SMOKE" = 0 ]; then
	for k in lantern linux; do
		kernel=$LANTERN_KERNEL
		[ $k = linux ] && kernel=$LINUX_KERNEL
		boot_smp "$k-smp1" "$kernel" 1
		boot_smp "$k-smp4" "$kernel" 4
	done
fi

# boot_debian NAME KERNEL: the Debian root with bench as rdinit=.
boot_debian() {
	local name=$1 kernel=$2
	QEMU_ACCEL=$ACCEL QEMU_MEM=$DEBIAN_MEM QEMU_TIMEOUT=900 \
		"$ROOT/tools/qemu-run.sh" -kernel "$kernel" -initrd "$DEBIAN_INITRD" \
		-append "rdinit=/usr/lib/lantern-bench/bench console=ttyS0 quiet panic=-1 -- bench.rounds=$ROUNDS bench.set=debian" \
		</dev/null 2>&1 | tr -d '\r' | sed 's/^/0 /' >"$OUT/$name.log"
}
# boot_swap NAME KERNEL: 128 MiB and a 256 MiB swap partition (mkswap), bench.set=swap.
boot_swap() {
	local name=$1 kernel=$2
	truncate -s 0 "$OUT/swap-$name.img" && truncate -s 256M "$OUT/swap-$name.img" &&
		mkswap "$OUT/swap-$name.img" >/dev/null || return
	QEMU_ACCEL=$ACCEL QEMU_MEM=128M QEMU_TIMEOUT=600 \
		"$ROOT/tools/qemu-run.sh" -kernel "$kernel" -initrd "$OUT/initramfs.cpio" \
		-drive "file=$OUT/swap-$name.img,if=none,id=swap0,format=raw,cache=unsafe" \
		-device virtio-blk-pci,drive=swap0 \
		-append "console=ttyS0 quiet panic=-1 -- bench.rounds=$ROUNDS bench.set=swap" \
		</dev/null 2>&1 | tr -d '\r' | sed 's/^/0 /' >"$OUT/$name.log"
	rm -f "$OUT/swap-$name.img"
}
if [ "$SET" = all ]; then
boot_swap lantern-swap "$LANTERN_KERNEL"
boot_swap linux-swap "$LINUX_KERNEL"
fi
swap_metrics="swap_out_bandwidth swap_in_bandwidth"
DEBIAN_INITRD=$ROOT/build/initramfs-debian.cpio.gz
debian_metrics="dyn_exec_wait python3_startup gcc_compile"
net_metrics="net_host_pingpong net_tx_bandwidth net_rx_bandwidth"
disk_metrics="blk_seq_read_dio blk_seq_write_dio blk_rand_read_dio blk_rand_write_dio blk_seq_read_buf blk_seq_write_buf blk_rand_read_buf blk_rand_write_buf ext2_create_fsync ext2_untar"
rm -f "$OUT/lantern-debian.log" "$OUT/linux-debian.log"
if [ "$SMOKE" = 0 ] && [ "$SET" = all ]; then
	if make -s debian-root >"$OUT/debian-root.log" 2>&1; then
		boot_debian lantern-debian "$LANTERN_KERNEL"
		boot_debian linux-debian "$LINUX_KERNEL"
	else
		echo "# make debian-root failed (see $OUT/debian-root.log): no Debian metrics" >&2
	fi
fi

metrics="boot_to_init_ms boot_to_poweroff_ms mem_used_after_boot null_syscall vdso_clock_gettime fork_exit_wait fork_exec_wait pipe_pingpong thread_create_join futex_pingpong pipe_bandwidth tcp_lo_pingpong tcp_lo_bandwidth unix_pingpong $net_metrics page_fault cow_fault tmpfs_write tmpfs_read open_close stat mmap_munmap_1m file_mmap_fault oom_kill_ms $disk_metrics $swap_metrics min_mem_mib $debian_metrics"
[ "$SMOKE" = 1 ] || metrics="$metrics $smp_metrics"
[ "$SET" = smp ] && metrics=$smp_metrics
# L/X: Lantern's and Linux's median; *MIN/*MAX: their smallest and largest
# round (empty for the metrics measured once: boot times, memory).
declare -A L X LMIN LMAX XMIN XMAX UNIT BETTER
if [ "$SET" = all ]; then
L[boot_to_init_ms]=$(first_line_ms lantern); X[boot_to_init_ms]=$(first_line_ms linux)
L[boot_to_poweroff_ms]=$(exit_ms lantern); X[boot_to_poweroff_ms]=$(exit_ms linux)
UNIT[boot_to_init_ms]=ms; UNIT[boot_to_poweroff_ms]=ms
for m in mem_used_after_boot null_syscall vdso_clock_gettime fork_exit_wait fork_exec_wait pipe_pingpong \
	 thread_create_join futex_pingpong \
	 pipe_bandwidth tcp_lo_pingpong tcp_lo_bandwidth unix_pingpong $net_metrics page_fault cow_fault tmpfs_write tmpfs_read open_close stat mmap_munmap_1m \
		 file_mmap_fault oom_kill_ms $disk_metrics; do
	L[$m]=$(value lantern "$m")
	X[$m]=$(value linux "$m")
	LMIN[$m]=$(field lantern "$m" 6); LMAX[$m]=$(field lantern "$m" 7)
	XMIN[$m]=$(field linux "$m" 6); XMAX[$m]=$(field linux "$m" 7)
	UNIT[$m]=$(awk -v m="$m" '$2 == "bench:" && $3 == m && $4 != "n/a" { print $5; exit }' \
		"$OUT/lantern.log" "$OUT/linux.log")
done
for m in $swap_metrics; do
	L[$m]=$(value lantern-swap "$m")
	X[$m]=$(value linux-swap "$m")
	LMIN[$m]=$(field lantern-swap "$m" 6); LMAX[$m]=$(field lantern-swap "$m" 7)
	XMIN[$m]=$(field linux-swap "$m" 6); XMAX[$m]=$(field linux-swap "$m" 7)
	UNIT[$m]=MiB/s
done
fi
for m in $debian_metrics; do
	if [ -f "$OUT/lantern-debian.log" ] && [ "$SMOKE" = 0 ]; then
		L[$m]=$(value lantern-debian "$m")
		X[$m]=$(value linux-debian "$m")
	else
		L[$m]=n/a; X[$m]=n/a
	fi
	UNIT[$m]=$(awk -v m="$m" '$2 == "bench:" && $3 == m && $4 != "n/a" { print $5; exit }' \
		"$OUT/lantern-debian.log" "$OUT/linux-debian.log" 2>/dev/null)
done
if [ "$SMOKE" = 0 ] && [ "$SET" = all ]; then
	L[min_mem_mib]=$(min_mem "$LANTERN_KERNEL")
	X[min_mem_mib]=$(min_mem "$LINUX_KERNEL")
else
	L[min_mem_mib]=n/a; X[min_mem_mib]=n/a
fi
UNIT[min_mem_mib]=MiB
# ratio A B: A / B, or n/a.
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a == "n/a" || b == "n/a" || a == "" || b == "" || a + 0 == 0 || b + 0 == 0) { print "n/a"; exit }
		printf "%.2f", a / b }'
}
for n in 1 4; do
	for w in cpu_procs futex_pairs; do
		m=smp${n}_$w
		if [ -f "$OUT/lantern-smp$n.log" ] && [ "$SMOKE" = 0 ]; then
			L[$m]=$(value "lantern-smp$n" "smp_$w"); X[$m]=$(value "linux-smp$n" "smp_$w")
			LMIN[$m]=$(field "lantern-smp$n" "smp_$w" 6); LMAX[$m]=$(field "lantern-smp$n" "smp_$w" 7)
			XMIN[$m]=$(field "linux-smp$n" "smp_$w" 6); XMAX[$m]=$(field "linux-smp$n" "smp_$w" 7)
		else
			L[$m]=n/a; X[$m]=n/a
		fi
	done
	UNIT[smp${n}_cpu_procs]=ms; UNIT[smp${n}_futex_pairs]=ops/s
done
# Scaling: how many times better -smp 4 does than -smp 1 (time: 1 over 4; rate: 4 over 1).
L[smp_cpu_scaling]=$(ratio "${L[smp1_cpu_procs]:-n/a}" "${L[smp4_cpu_procs]:-n/a}")
X[smp_cpu_scaling]=$(ratio "${X[smp1_cpu_procs]:-n/a}" "${X[smp4_cpu_procs]:-n/a}")
L[smp_futex_scaling]=$(ratio "${L[smp4_futex_pairs]:-n/a}" "${L[smp1_futex_pairs]:-n/a}")
X[smp_futex_scaling]=$(ratio "${X[smp4_futex_pairs]:-n/a}" "${X[smp1_futex_pairs]:-n/a}")
UNIT[smp_cpu_scaling]=x; UNIT[smp_futex_scaling]=x
for m in $metrics; do
	case "${UNIT[$m]:-}" in
	MiB/s | IOPS | files/s | ops/s | x) BETTER[$m]=higher ;;
	*) BETTER[$m]=lower ;;
	esac
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# speedup LANTERN LINUX BETTER: how many times better Lantern is (above 1)
# or worse (below 1): Linux/Lantern for a cost, Lantern/Linux for a rate.
speedup() {
	awk -v a="$1" -v b="$2" -v better="$3" 'BEGIN {
		if (a == "n/a" || b == "n/a" || a == "" || b == "" || a + 0 == 0 || b + 0 == 0) { print "n/a"; exit }
		printf "%.2f", better == "higher" ? a / b : b / a }'
}

# num V: a number with as many digits as it deserves.
num() {
	awk -v v="$1" 'BEGIN {
		if (v == "" || v == "n/a") { print "n/a"; exit }
		v += 0
		if (v >= 100) printf "%.0f", v; else if (v >= 10) printf "%.1f", v; else printf "%.2f", v }'
}

# cell MEDIAN MIN MAX UNIT: "155.7 ns (150.1-160.2)", the range only if measured in rounds.
cell() {
	local text
	text="$(num "$1") $4"
	[ "$1" = n/a ] && text=n/a
	[ -n "$2" ] && [ "$1" != n/a ] && text="$text ($(num "$2")-$(num "$3"))"
	printf '%s' "$text"
}

{
	printf '%-20s %-32s %-32s %9s  %s\n' metric "Lantern median (min-max)" \
		"Linux median (min-max)" speed-up better
	for m in $metrics; do
		printf '%-20s %-32s %-32s %9s  %s\n' "$m" \
			"$(cell "${L[$m]:-n/a}" "${LMIN[$m]:-}" "${LMAX[$m]:-}" "${UNIT[$m]:-}")" \
			"$(cell "${X[$m]:-n/a}" "${XMIN[$m]:-}" "${XMAX[$m]:-}" "${UNIT[$m]:-}")" \
			"$(speedup "${L[$m]:-n/a}" "${X[$m]:-n/a}" "${BETTER[$m]}")x" "${BETTER[$m]}"
	done
} | sed 's/n\/ax /n\/a  /' | tee "$OUT/table.txt"

{
	echo "{"
	echo "  \"date\": \"$DATE\","
	echo "  \"accelerator\": \"$ACCEL\","
	echo "  \"host_cpu\": \"$HOST_CPU\","
	echo "  \"host_load\": {\"start\": \"$LOAD_START\", \"end\": \"$LOAD_END\"},"
	echo "  \"memory\": \"$MEM\","
	echo "  \"rounds\": $ROUNDS,"
	echo "  \"lantern\": \"$LANTERN_VERSION\","
	echo "  \"linux_kernel\": \"$LINUX_VERSION\","
	echo "  \"metrics\": {"
	first=1
	for m in $metrics; do
		[ $first = 1 ] || echo ","
		first=0
		printf '    "%s": {"lantern": "%s", "lantern_min": "%s", "lantern_max": "%s", "linux": "%s", "linux_min": "%s", "linux_max": "%s", "unit": "%s", "speedup": "%s", "better": "%s"}' \
			"$m" "${L[$m]:-n/a}" "${LMIN[$m]:-}" "${LMAX[$m]:-}" "${X[$m]:-n/a}" \
			"${XMIN[$m]:-}" "${XMAX[$m]:-}" "${UNIT[$m]:-}" \
			"$(speedup "${L[$m]:-n/a}" "${X[$m]:-n/a}" "${BETTER[$m]}")" "${BETTER[$m]}"
	done
	echo
	echo "  }"
	echo "}"
} >"$OUT/results.json"

# The chart: one bar per metric, Lantern's speed-up over Linux on a log
# scale, so taller is better whichever way the metric goes; the value
# is written on each bar, and the line at 1 is "as fast as Linux".
: >"$OUT/speedup.dat"
for m in $metrics; do
	sp=$(speedup "${L[$m]:-n/a}" "${X[$m]:-n/a}" "${BETTER[$m]}")
	[ "$sp" = n/a ] || printf '%s %s %sx\n' "$m" "$sp" "$(num "$sp")" >>"$OUT/speedup.dat"
done
rm -f "$OUT/speedup.png"
if [ -s "$OUT/speedup.dat" ] && command -v gnuplot >/dev/null; then
	read -r ymin ymax < <(awk 'NR == 1 { lo = hi = $2 } { if ($2 < lo) lo = $2; if ($2 > hi) hi = $2 }
		END { lo = lo < 1 ? lo : 1; hi = hi > 1 ? hi : 1; print lo / 1.6, hi * 2.2 }' "$OUT/speedup.dat")
	gnuplot <<GP 2>"$OUT/gnuplot.log"
set terminal pngcairo size 1200,650 noenhanced font "DejaVu Sans,11"
set output "$OUT/speedup.png"
set title "Lantern speed-up over Linux $LINUX_VERSION per metric: taller is better, 1 = as fast as Linux\n$DATE, same QEMU VM ($ACCEL, -m $MEM, 1 vCPU), median of $ROUNDS rounds"
set ylabel "speed-up (x, log scale)"
set logscale y
set yrange [$ymin:$ymax]
set format y "%gx"
set ytics (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100)
set style fill solid 0.85 noborder
set boxwidth 0.7
set xtics rotate by 30 right nomirror
set lmargin 12
set bmargin 8
set grid ytics
unset key
plot "$OUT/speedup.dat" using 0:2:(\$2 >= 1 ? 0x4477aa : 0xcc6677):xtic(1) with boxes lc rgb variable, \
	"" using 0:2:3 with labels offset 0,0.8 font ",10", \
	1 with lines lc rgb "black" lw 1.5
GP
fi
echo "# results: $OUT/results.json, $OUT/table.txt, chart: $OUT/speedup.png"

# A full run is the published one: the table, the chart and the data go
# to Documentation/bench/, and README's block between the markers is
# rewritten from this run.
if [ "$SMOKE" = 0 ] && [ "$SET" = all ] && [ -s "$OUT/speedup.png" ]; then
	cp "$OUT/table.txt" "$OUT/results.json" "$OUT/speedup.png" Documentation/bench/
	{
		echo "Latest run: $DATE, Lantern $LANTERN_VERSION against Linux $LINUX_VERSION,"
		echo "accelerator \`$ACCEL\`, host CPU $HOST_CPU, host load average"
		echo "$LOAD_START at the start and $LOAD_END at the end ($(nproc) CPUs)."
		echo "Medians of $ROUNDS rounds, the smallest and largest round in brackets;"
		echo "boot times and memory are from one boot of each kernel."
		echo
		echo '```'
		cat "$OUT/table.txt"
		echo '```'
		echo
		echo "![Lantern speed-up over Linux per metric](Documentation/bench/speedup.png)"
	} >"$OUT/readme-block.md"
	awk -v block="$OUT/readme-block.md" '
		/^<!-- bench:begin/ { print; while ((getline line < block) > 0) print line; skip = 1; next }
		/^<!-- bench:end/ { skip = 0 }
		!skip { print }' README.md >"$OUT/README.md.tmp" && mv "$OUT/README.md.tmp" README.md
	echo "# Documentation/bench/ and README.md updated"
fi
# The smoke run fails only if the harness itself broke: both kernels reached init.
if [ "$SET" = smp ]; then
	[ "${X[smp4_cpu_procs]}" != n/a ] && [ "${L[smp4_cpu_procs]}" != n/a ]
else
	[ -n "${L[boot_to_init_ms]}" ] && [ -n "${X[boot_to_init_ms]}" ]
fi
