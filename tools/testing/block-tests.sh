# Disk tests, sourced by tools/run-tests.sh: PCI and virtio-blk, the block
# layer (partitions, /sys/block, /proc/partitions), ext2 read-write and
# ext4 read-only, a root filesystem on a disk that survives a reboot, and
# corrupt images that must give errors, never a panic.  Every ext2 image
# a test wrote is checked afterwards on the host with `e2fsck -fn`.
#
# Images come from tools/mkdisk.sh (Debian's sfdisk and mke2fs).  The
# commands run in the guest are a script on a small second disk (vdb),
# mounted read-only and run from the busybox shell; its lines say
# "@@name:ok@@" or "@@name:FAIL ...@@".
# shellcheck shell=bash
# Disk arguments are lists of words on purpose (SC2046).
# shellcheck disable=SC2046
# $why is read by tools/run-tests.sh (boot_test).
# shellcheck disable=SC2034
# $status: set by qemu_boot in tools/run-tests.sh.
# shellcheck disable=SC2154

BLK_DIR=$BUILD/block-tests
BLK_INITRD=$BUILD/initramfs-busybox.cpio.gz

blk_disk_args() {
	local args=() img
	for img in "$@"; do
		args+=(-drive "file=$img,if=none,id=d${#args[@]},format=raw"
		       -device "virtio-blk-pci,drive=d${#args[@]}${BLK_DEV_OPTS:-}")
	done
	printf '%s\n' "${args[@]}"
}

# blk_script NAME: the script disk $BLK_DIR/NAME-script.img from the text on stdin.
blk_script() {
	local d=$BLK_DIR/$1-script
	rm -rf "$d" && mkdir -p "$d"
	cat > "$d/run.sh"
	"$ROOT/tools/mkdisk.sh" "$BLK_DIR/$1-script.img" 4 ext2 "$d" script none
}

# blk_run NAME TIMEOUT DISK...: boot busybox with the disks (the script
# disk last), run the script, power off.  Log in $LOGDIR/block-NAME.log.
# BLK_KERNEL, BLK_RUN_INITRD, BLK_PRELUDE (shell run first) and
# BLK_TYPE_DELAY change the machine: blk_linux sets them for Debian's Linux.
blk_run() {
	local name=$1 t=$2 log=$LOGDIR/block-$1.log
	shift 2
	local -a qargs
	mapfile -t qargs < <(blk_disk_args "$@" "$BLK_DIR/$name-script.img")
	local n=$#
	local letters=abcdefghijklmnop
	local dev=vd${letters:n:1}
	qemu_boot_typing "$log" "$t" "${BLK_TYPE_DELAY:-4}" \
		"${BLK_PRELUDE:-}mkdir -p /t; mount -t ext2 -o ro /dev/$dev /t && sh /t/run.sh; echo @@done@@; poweroff -f"$'\r' \
		-kernel "${BLK_KERNEL:-$KERNEL}" -initrd "${BLK_RUN_INITRD:-$BLK_INITRD}" -append "console=ttyS0" \
		"${qargs[@]}" </dev/null
	BLK_LOG=$log
}

# blk_expect_ok NAME...: each marker said ok, and nothing panicked.
blk_expect_ok() {
	local m
	grep -qa '@@done@@' "$BLK_LOG" || { why="the script did not finish (log: ${BLK_LOG#"$ROOT"/})"; return 1; }
	for m in "$@"; do
		grep -qa "@@$m:ok@@" "$BLK_LOG" ||
			{ why="$m: $(grep -a -m1 "@@$m:" "$BLK_LOG" || echo 'no result') (log: ${BLK_LOG#"$ROOT"/})"; return 1; }
	done
	expect_not "$BLK_LOG" "Kernel panic" "BUG:" "Oops" || return 1
}

blk_fsck() {
	local img=$1 part=$BLK_DIR/fsck-part.img out
	dd if="$img" of="$part" bs=1M skip="${2:-1}" status=none
	if ! out=$(e2fsck -fn "$part" 2>&1); then
		why="e2fsck -fn found problems: $(echo "$out" | grep -v '^Pass\|^e2fsck' | head -4 | tr '\n' ' ')"
		return 1
	fi
}

# The disk shows up: PCI (ECAM), virtio-pci with MSI-X, partitions, sysfs and procfs files.
test_block_pci_virtio() {
	mkdir -p "$BLK_DIR/empty"
	"$ROOT/tools/mkdisk.sh" "$BLK_DIR/pci.img" 16 ext2 "$BLK_DIR/empty" pci mbr
	blk_script pci <<'SH'
r() { if eval "$2" >/dev/null 2>&1; then echo "@@$1:ok@@"; else echo "@@$1:FAIL@@"; fi; }
r pcidev 'grep -q "	1af4" /proc/bus/pci/devices'
r pcidrv 'grep -q "virtio-pci$" /proc/bus/pci/devices'
r sysvendor 'grep -lq 0x1af4 /sys/bus/pci/devices/*/vendor'
r sysclass 'grep -q 0x010000 /sys/bus/pci/devices/*/class'
r uevent 'grep -q "PCI_ID=1AF4:" /sys/bus/pci/devices/*/uevent'
r config 'test "$(head -c 2 /sys/bus/pci/devices/0000:00:02.0/config | od -An -tx2 | tr -d " ")" = 1af4'
r msix 'grep -q "PCI-MSIX.*req.0" /proc/interrupts'
r multiqueue 'test "$(cat /sys/block/vda/queue/nr_hw_queues)" = 2 && grep -q "PCI-MSIX.*req.1" /proc/interrupts'
r partitions 'grep -q " vda1$" /proc/partitions && grep -q " vda$" /proc/partitions'
r size 'test "$(cat /sys/block/vda/size)" = 32768'
r start 'test "$(cat /sys/block/vda/vda1/start)" = 2048'
r queue 'test "$(cat /sys/block/vda/queue/logical_block_size)" = 512'
r diskstats 'grep -q " vda1 " /proc/diskstats'
r devnode 'test -b /dev/vda1'
r rawread 'test "$(dd if=/dev/vda bs=1 skip=510 count=2 2>/dev/null | od -An -tx1 | tr -d " ")" = 55aa'
r direct 'test "$(dd if=/dev/vda bs=512 count=1 iflag=direct 2>/dev/null | tail -c 2 | od -An -tx1 | tr -d " ")" = 55aa'
r enxio '! cat /dev/vdz 2>/dev/null; mknod /tmp/nodisk b 254 200 && ! cat /tmp/nodisk 2>/dev/null'
SH
	BLK_DEV_OPTS=,num-queues=2 blk_run pci 60 "$BLK_DIR/pci.img"
	blk_expect_ok pcidev pcidrv sysvendor sysclass uevent config msix multiqueue partitions size start queue \
		diskstats devnode rawread direct enxio && expect "$BLK_LOG" "PCI: ECAM [mem 0xb0000000" \
		"virtio_blk virtio0: [vda]"
}

# A device that reports nonsense (a ring size that is no power of two, a used
# index that leaps, a used id never given) is refused with a log line.
test_block_virtio_ring() {
	local log=$LOGDIR/block-virtio-ring.log
	qemu_boot "$log" 30 -kernel "$KERNEL" -initrd "$BUILD/initramfs.cpio" \
		-append "console=ttyS0 ktest=virtio_ring" </dev/null
	[ "$status" -eq 0 ] || { why="QEMU exit status $status (log: ${log#"$ROOT"/})"; return 1; }
	expect "$log" "ktest: virtio_ring: PASS" "size 100 is not a valid ring size; refused" \
		"used index jumped past the ring" "used id is not a buffer the driver gave"
}

# The writes a file test suite cares about, on ext2 with 1 KiB and 4 KiB blocks.
blk_ext2_script() {
	cat <<'SH'
r() { if eval "$2" >/dev/null 2>&1; then echo "@@$1:ok@@"; else echo "@@$1:FAIL@@"; fi; }
mkdir -p /mnt
r mount 'mount -t ext2 /dev/vda1 /mnt'
r read 'test "$(cat /mnt/hello.txt)" = hello-from-the-host'
r readbig 'test "$(md5sum < /mnt/big.bin)" = "$(cat /mnt/big.md5)"'
r create 'echo new > /mnt/new.txt && test "$(cat /mnt/new.txt)" = new'
r mkdir 'mkdir -p /mnt/a/b/c && test -d /mnt/a/b/c'
r many 'i=0; while [ $i -lt 200 ]; do echo $i > /mnt/a/f$i || exit 1; i=$((i+1)); done; test "$(ls /mnt/a | wc -l)" = 201'
r unlinkmany 'i=0; while [ $i -lt 200 ]; do rm /mnt/a/f$i || exit 1; i=$((i+2)); done; test "$(ls /mnt/a | wc -l)" = 101'
r fastsym 'ln -s hello.txt /mnt/sym && test "$(cat /mnt/sym)" = hello-from-the-host'
r slowsym 'ln -s /mnt/a/b/c/$(printf "%0100d" 0) /mnt/longsym && test "$(readlink /mnt/longsym)" = "/mnt/a/b/c/$(printf "%0100d" 0)"'
r hardlink 'ln /mnt/new.txt /mnt/hard && test "$(stat -c %h /mnt/new.txt)" = 2'
r rename 'mv /mnt/hard /mnt/a/b/moved && test "$(cat /mnt/a/b/moved)" = new && test ! -e /mnt/hard'
r renamedir 'mv /mnt/a/b/c /mnt/c2 && test -d /mnt/c2 && test "$(stat -c %h /mnt/a/b)" = 2'
r rmdir 'rmdir /mnt/c2 && ! rmdir /mnt/a 2>/dev/null'
r bigwrite 'dd if=/dev/urandom of=/mnt/w.bin bs=4096 count=700 2>/dev/null && m=$(md5sum < /mnt/w.bin) && echo 3 > /proc/sys/vm/drop_caches; test "$(md5sum < /mnt/w.bin)" = "$m"'
r sparse 'dd if=/dev/zero of=/mnt/sparse bs=1 count=1 seek=5000000 2>/dev/null && test "$(stat -c %s /mnt/sparse)" = 5000001 && test "$(stat -c %b /mnt/sparse)" -lt 64'
r truncate 'truncate -s 1000 /mnt/w.bin && test "$(stat -c %s /mnt/w.bin)" = 1000 && truncate -s 0 /mnt/big.bin'
r chmod 'chmod 640 /mnt/new.txt && test "$(stat -c %a /mnt/new.txt)" = 640 && chown 12:34 /mnt/new.txt && test "$(stat -c %u:%g /mnt/new.txt)" = 12:34'
r mknod 'mkfifo /mnt/fifo && test -p /mnt/fifo && mknod /mnt/blk b 254 1 && test -b /mnt/blk'
reads() { set -- $(cat /sys/block/vda/vda1/stat); echo "$1"; }
r cached 'exec 3</mnt/hello.txt; cat /mnt/hello.txt; a=$(reads); cat /mnt/hello.txt; b=$(reads); test "$a" = "$b"'
r dropcaches 'a=$(reads); echo 1 > /proc/sys/vm/drop_caches && cat /mnt/hello.txt | grep -q host && b=$(reads) && test "$b" -gt "$a"; x=$?; exec 3<&-; test $x = 0'
r statfs 'df /mnt | grep -q /dev/vda1'
r mmapread 'tail -c 5 /mnt/hello.txt | grep -q host'
r fsync 'echo synced > /mnt/synced.txt && sync'
r flush 'test "$(awk "{print \$16}" /sys/block/vda/stat)" -gt 0'
r umount 'umount /mnt'
r remount 'mount -t ext2 /dev/vda1 /mnt && test "$(cat /mnt/synced.txt)" = synced && test "$(cat /mnt/a/b/moved)" = new && umount /mnt'
SH
}

blk_ext2_test() {
	local name=$1 bs=$2 src=$BLK_DIR/$1-src
	rm -rf "$src" && mkdir -p "$src"
	echo hello-from-the-host > "$src/hello.txt"
	head -c 3000000 /dev/urandom > "$src/big.bin"
	md5sum < "$src/big.bin" > "$src/big.md5"
	"$ROOT/tools/mkdisk.sh" "$BLK_DIR/$name.img" 64 ext2 "$src" "$name" mbr "$bs"
	blk_ext2_script | blk_script "$name"
	blk_run "$name" 120 "$BLK_DIR/$name.img"
	blk_mmap_sync "$name" || return 1
	blk_expect_ok mount read readbig create mkdir many unlinkmany fastsym slowsym hardlink rename \
		renamedir rmdir bigwrite sparse truncate chmod mknod cached dropcaches statfs mmapread \
		fsync flush umount remount &&
		blk_fsck "$BLK_DIR/$name.img" || return 1
	[ "$(debugfs -R 'cat /synced.txt' "$BLK_DIR/fsck-part.img" 2>/dev/null)" = synced ] ||
		{ why="synced.txt is not on the disk"; return 1; }
}

# MAP_SHARED stores reach the disk with msync, also after an earlier msync
# wrote the page; the machine then powers off with no sync at all.
blk_mmap_sync() {
	local name=$1 d=$BLK_DIR/$1-mmap log=$LOGDIR/block-$1-mmap.log img=$BLK_DIR/$1.img
	rm -rf "$d" && mkdir -p "$d"
	musl-gcc -static -O2 -o "$d/mmap-sync" "$ROOT/tools/testing/mmap-sync.c" ||
		{ why="musl-gcc failed"; return 1; }
	printf '%s\n' 'mkdir -p /mnt; mount -t ext2 /dev/vda1 /mnt || exit' \
		'/t/mmap-sync /mnt/mapped & sleep 3; poweroff -f -n' > "$d/run.sh"
	"$ROOT/tools/mkdisk.sh" "$BLK_DIR/$name-mmap-script.img" 4 ext2 "$d" script none
	qemu_boot_typing "$log" 60 4 $'mkdir -p /t; mount -t ext2 -o ro /dev/vdb /t && sh /t/run.sh\r' \
		-kernel "$KERNEL" -initrd "$BLK_INITRD" -append "console=ttyS0" \
		$(blk_disk_args "$img" "$BLK_DIR/$name-mmap-script.img") </dev/null
	expect "$log" "@@mmapsync:ready@@" || return 1
	dd if="$img" of="$BLK_DIR/mmap-part.img" bs=1M skip=1 status=none
	debugfs -R 'dump /mapped '"$BLK_DIR/mapped.out" "$BLK_DIR/mmap-part.img" >/dev/null 2>&1
	if [ "$(head -c 6 "$BLK_DIR/mapped.out" 2>/dev/null)" != second ] ||
	   [ "$(tail -c +4097 "$BLK_DIR/mapped.out" | head -c 8)" != page-two ]; then
		why="stores after the first msync did not reach the disk: '$(head -c 6 "$BLK_DIR/mapped.out" 2>/dev/null)'"
		return 1
	fi
}

test_block_ext2_1k() { blk_ext2_test ext2-1k 1024; }
test_block_ext2_4k() { blk_ext2_test ext2-4k 4096; }

# A full disk: ENOSPC to the writer, and the filesystem stays consistent.
test_block_ext2_enospc() {
	mkdir -p "$BLK_DIR/empty"
	"$ROOT/tools/mkdisk.sh" "$BLK_DIR/enospc.img" 4 ext2 "$BLK_DIR/empty" full mbr
	blk_script enospc <<'SH'
r() { if eval "$2" >/dev/null 2>&1; then echo "@@$1:ok@@"; else echo "@@$1:FAIL@@"; fi; }
mkdir -p /mnt; mount -t ext2 /dev/vda1 /mnt
r enospc 'dd if=/dev/zero of=/mnt/fill bs=4096 2>&1 | grep -q "No space left"'
r stillworks 'rm /mnt/fill && echo ok > /mnt/after && test "$(cat /mnt/after)" = ok'
r umount 'umount /mnt'
SH
	blk_run enospc 60 "$BLK_DIR/enospc.img"
	blk_expect_ok enospc stillworks umount && blk_fsck "$BLK_DIR/enospc.img"
}

# Extended attributes written by Lantern's ext2 (fs/ext2/xattr.c) in the
# on-disk format: e2fsck finds every attribute block, hash and count right,
# and debugfs reads back what tools/testing/xattr-set.c set.
test_block_ext2_xattr() {
	local src=$BLK_DIR/xattr-src img=$BLK_DIR/xattr.img part=$BLK_DIR/fsck-part.img v
	rm -rf "$src" && mkdir -p "$src"
	musl-gcc -static -O2 -Wall -Wextra -o "$src/xattr-set" "$ROOT/tools/testing/xattr-set.c" ||
		{ why="xattr-set did not build"; return 1; }
	"$ROOT/tools/mkdisk.sh" "$img" 8 ext2 "$src" xattr mbr 1024
	blk_script xattr <<'SH'
mkdir -p /mnt; mount -t ext2 /dev/vda1 /mnt
/mnt/xattr-set /mnt && echo "@@xattr:ok@@"
umount /mnt
SH
	blk_run xattr 60 "$img"
	blk_expect_ok xattr && blk_fsck "$img" || return 1
	local file name val
	for v in "f user.a hello" "f security.s sec" "d user.d dir" "l trusted.l link"; do
		read -r file name val <<<"$v"
		debugfs -R "ea_get /$file $name" "$part" 2>/dev/null | grep -q "= \"$val\"\$" ||
			{ why="debugfs does not read $file's $name as $val"; return 1; }
	done
	debugfs -R "ea_get /f trusted.t" "$part" 2>/dev/null | grep -q '^trusted.t (300) = "abcdefghijklmnopqrstuvwxyzabcd' ||
		{ why="debugfs does not read f's 300-byte trusted.t"; return 1; }
	debugfs -R "ea_list /g" "$part" 2>/dev/null | grep -q 'user.gone' &&
		{ why="g's removed attribute is still on disk"; return 1; }
	debugfs -R "stat /l" "$part" 2>/dev/null | grep -q 'Fast link dest: "f"' ||
		{ why="l is no longer a fast symlink to f with its attribute block"; return 1; }
	return 0
}

# Root on the disk: write, sync, power off; boot again: the file is there; e2fsck is clean.
test_block_root_persist() {
	local img=$BLK_DIR/root.img src=$BLK_DIR/root-src log1=$LOGDIR/block-root1.log log2=$LOGDIR/block-root2.log
	rm -rf "$src" && mkdir -p "$src"
	(cd "$src" && gzip -dc "$BLK_INITRD" | cpio -id --quiet 2>/dev/null)
	"$ROOT/tools/mkdisk.sh" "$img" 64 ext2 "$src" root mbr
	qemu_boot_typing "$log1" 60 5 $'echo persist-$((6*7)) > /root/persist.txt; sync; poweroff\r' \
		-kernel "$KERNEL" -append "console=ttyS0 root=/dev/vda1 rw rootwait" \
		$(blk_disk_args "$img") </dev/null
	expect "$log1" "VFS: Mounted root (" "reboot: Power down" || return 1
	qemu_boot_typing "$log2" 60 5 $'cat /root/persist.txt; grep " / " /proc/mounts; poweroff\r' \
		-kernel "$KERNEL" -append "console=ttyS0 root=/dev/vda1 ro" $(blk_disk_args "$img") </dev/null
	expect "$log2" "persist-42" "/dev/root / ext4 ro" || return 1
	blk_fsck "$img" || return 1
	debugfs -R stats "$BLK_DIR/fsck-part.img" 2>/dev/null | grep -q 'Filesystem state: *clean' ||
		{ why="the filesystem was not left clean"; return 1; }
}

# An initramfs that mounts the disk and switch_roots onto it, as Debian's
# initramfs does (mount --move onto "/", chroot, exec init).
test_block_switch_root() {
	local img=$BLK_DIR/root.img log=$LOGDIR/block-switch-root.log
	[ -f "$img" ] || { why="needs block/root-persist's image first"; return 1; }
	qemu_boot_typing "$log" 60 5 'mount -t devtmpfs d /dev; mkdir /newroot; mount -t ext2 /dev/vda1 /newroot && exec switch_root /newroot /bin/sh -c "echo @@SWITCHED@@; cat /root/persist.txt; mount -t proc p /proc; grep vda1 /proc/mounts; poweroff -f"'$'\r' \
		-kernel "$KERNEL" -initrd "$BLK_INITRD" -append "console=ttyS0 rdinit=/bin/sh" \
		$(blk_disk_args "$img") </dev/null
	expect "$log" "@@SWITCHED@@" "persist-42" "/dev/vda1 / ext2 rw" "reboot: Power down"
}

# GPT: the partition, and root=PARTUUID= read-only.
test_block_gpt_partuuid() {
	local img=$BLK_DIR/gpt.img src=$BLK_DIR/root-src log=$LOGDIR/block-gpt.log
	[ -d "$src/bin" ] || { rm -rf "$src" && mkdir -p "$src" && (cd "$src" && gzip -dc "$BLK_INITRD" | cpio -id --quiet 2>/dev/null); }
	"$ROOT/tools/mkdisk.sh" "$img" 64 ext2 "$src" gptroot gpt
	qemu_boot_typing "$log" 60 5 $'touch /x 2>/dev/null || echo @@rofs@@; cat /sys/block/vda/vda1/start; poweroff\r' \
		-kernel "$KERNEL" -append "console=ttyS0 root=PARTUUID=6c616e74-6572-6e00-0000-000000000001 rootfstype=ext2 ro" \
		$(blk_disk_args "$img") </dev/null
	expect "$log" " vda: vda1" "VFS: Mounted root (ext2 filesystem) readonly on device 254:1." "@@rofs@@"
}

# ext4 from Debian's mke2fs -t ext4 (extents, flex_bg, 64bit, huge_file, dir_nlink,
# extra_isize, metadata_csum): read-only, every file reads back identical; rw refused.
test_block_ext4_ro() {
	local src=$BLK_DIR/ext4-src sum d i
	rm -rf "$src" && mkdir -p "$src"
	for d in $(seq 1 30); do
		mkdir -p "$src/d$d"
		for i in $(seq 1 100); do echo "file $d/$i" > "$src/d$d/f$i"; done
	done
	head -c 8000000 /dev/urandom > "$src/big.bin"
	# Many extents: every other 4 KiB block written, so the tree needs an index level.
	for i in $(seq 0 2 80); do
		dd if=/dev/urandom of="$src/fragmented" bs=4096 count=1 seek="$i" conv=notrunc status=none
	done
	ln -s d1/f1 "$src/link"
	ln -s "$(printf 'x%.0s' $(seq 1 100))" "$src/longlink"
	sum=$(cd "$src" && find . -type f | sort | xargs md5sum | md5sum | cut -d' ' -f1)
	MKFS_EXTRA="-I 256" "$ROOT/tools/mkdisk.sh" "$BLK_DIR/ext4.img" 128 ext4 "$src" ext4 gpt 4096
	dumpe2fs -h "$BLK_DIR/ext4.img" >/dev/null 2>&1 || true
	# Copies with a bad inode checksum (d1/f1's mtime changed) and a bad superblock checksum.
	cp "$BLK_DIR/ext4.img" "$BLK_DIR/ext4-badinode.img"
	cp "$BLK_DIR/ext4.img" "$BLK_DIR/ext4-badsb.img"
	dd if="$BLK_DIR/ext4.img" of="$BLK_DIR/ext4-part.img" bs=1M skip=1 status=none
	local imap blk off
	imap=$(debugfs -R 'imap /d1/f1' "$BLK_DIR/ext4-part.img" 2>/dev/null | grep -o 'block [0-9]*, offset 0x[0-9a-f]*')
	blk=$(echo "$imap" | awk '{print $2}' | tr -d ,)
	off=$(( $(echo "$imap" | awk '{print $4}') ))
	[ -n "$blk" ] || { why="debugfs imap failed"; return 1; }
	printf '\x01' | dd of="$BLK_DIR/ext4-badinode.img" bs=1 seek=$((1048576 + blk * 4096 + off + 16)) conv=notrunc status=none
	printf '\x01' | dd of="$BLK_DIR/ext4-badsb.img" bs=1 seek=$((1048576 + 1024 + 0x78)) conv=notrunc status=none
	blk_script ext4 <<SH
r() { if eval "\$2" >/dev/null 2>&1; then echo "@@\$1:ok@@"; else echo "@@\$1:FAIL@@"; fi; }
mkdir -p /mnt
r rwrefused '! mount -t ext4 -o rw /dev/vda1 /mnt 2>/dev/null || ! touch /mnt/x'
umount /mnt 2>/dev/null
r mount 'mount -t ext4 -o ro /dev/vda1 /mnt'
r count 'test "\$(find /mnt -type f | wc -l)" = 3002'
r sums 'test "\$(cd /mnt && find . -type f | sort | xargs md5sum | md5sum | cut -d" " -f1)" = $sum'
r link 'test "\$(cat /mnt/link)" = "file 1/1" && test "\$(readlink /mnt/longlink | wc -c)" = 101'
r umount 'umount /mnt'
r badinode 'mount -t ext4 -o ro /dev/vdb1 /mnt && ! cat /mnt/d1/f1 && cat /mnt/d1/f2 && umount /mnt'
r badsb '! mount -t ext4 -o ro /dev/vdc1 /mnt'
SH
	blk_run ext4 240 "$BLK_DIR/ext4.img" "$BLK_DIR/ext4-badinode.img" "$BLK_DIR/ext4-badsb.img"
	blk_expect_ok rwrefused mount count sums link umount badinode badsb &&
		expect "$BLK_LOG" "couldn't mount RDWR because of unsupported optional features" \
			"EXT4-fs error (device vdb1): ext4_iget: checksum invalid for inode" \
			"EXT4-fs (vdc1): VFS: Found ext4 filesystem with invalid superblock checksum"
}

# Corrupt images: errors and log lines, the kernel keeps running.
test_block_corrupt() {
	local src=$BLK_DIR/corrupt-src img i
	rm -rf "$src" && mkdir -p "$src/dir"
	for i in $(seq 1 20); do echo "$i" > "$src/dir/f$i"; done
	head -c 200000 /dev/urandom > "$src/file"
	for i in 1 2 3 4 5 6; do
		"$ROOT/tools/mkdisk.sh" "$BLK_DIR/corrupt$i.img" 8 ext2 "$src" c$i none 1024
	done
	img=$BLK_DIR/corrupt1.img	# the magic
	printf '\x00\x00' | dd of="$img" bs=1 seek=$((1024 + 56)) conv=notrunc status=none
	img=$BLK_DIR/corrupt2.img	# group 0's inode table far outside the disk
	printf '\xff\xff\xff\x00' | dd of="$img" bs=1 seek=$((2048 + 8)) conv=notrunc status=none
	img=$BLK_DIR/corrupt3.img	# the root directory's first block: garbage record lengths
	python3 - "$img" <<'PY'
import sys, struct
f = open(sys.argv[1], 'r+b')
f.seek(1024 + 88); isz = struct.unpack('<H', f.read(2))[0]
f.seek(2048 + 8); it = struct.unpack('<I', f.read(4))[0]  # gd0 inode table (1 KiB blocks)
f.seek(it * 1024 + isz + 40); blk = struct.unpack('<I', f.read(4))[0]  # inode 2, i_block[0]
f.seek(blk * 1024 + 4); f.write(struct.pack('<H', 3))
PY
	img=$BLK_DIR/corrupt4.img	# a file's block pointers beyond the filesystem
	python3 - "$img" <<'PY'
import sys, struct
f = open(sys.argv[1], 'r+b')
f.seek(1024 + 88); isz = struct.unpack('<H', f.read(2))[0]
f.seek(2048 + 8); it = struct.unpack('<I', f.read(4))[0]
for ino in range(12, 40):
    f.seek(it * 1024 + (ino - 1) * isz); mode = struct.unpack('<H', f.read(2))[0]
    if mode & 0xf000 == 0x8000:
        f.seek(it * 1024 + (ino - 1) * isz + 40); f.write(struct.pack('<15I', *([0x7fffff00] * 15)))
PY
	for i in 5 6; do	# random bytes all over the metadata (fixed seeds)
		python3 - "$BLK_DIR/corrupt$i.img" "$i" <<'PY'
import sys, random
r = random.Random(int(sys.argv[2]))
f = open(sys.argv[1], 'r+b')
for _ in range(400):
    f.seek(r.randrange(1024, 300 * 1024)); f.write(bytes([r.randrange(256)]))
PY
	done
	blk_script corrupt <<'SH'
mkdir -p /mnt
if mount -t ext2 /dev/vda /mnt 2>/dev/null; then echo "@@magic:FAIL mounted@@"; umount /mnt; else echo "@@magic:ok@@"; fi
if mount -t ext2 /dev/vdb /mnt 2>/dev/null; then echo "@@gdesc:FAIL mounted@@"; umount /mnt; else echo "@@gdesc:ok@@"; fi
mount -t ext2 /dev/vdc /mnt && { cat /mnt/dir/f1 >/dev/null 2>&1 && echo "@@dirent:FAIL@@" || echo "@@dirent:ok@@"; umount /mnt; }
mount -t ext2 /dev/vdd /mnt && { cat /mnt/file >/dev/null 2>&1 && echo "@@blockptr:FAIL@@" || echo "@@blockptr:ok@@"; echo x >> /mnt/file 2>/dev/null; umount /mnt; }
for d in vde vdf; do
	if mount -t ext2 /dev/$d /mnt 2>/dev/null; then
		find /mnt >/dev/null 2>&1; find /mnt -type f -exec cat {} + >/dev/null 2>&1
		echo fuzz > /mnt/new 2>/dev/null; mkdir /mnt/nd 2>/dev/null; rm -rf /mnt/dir 2>/dev/null
		umount /mnt
	fi
done
echo "@@alive:ok@@"
SH
	blk_run corrupt 120 "$BLK_DIR"/corrupt{1,2,3,4,5,6}.img
	blk_expect_ok magic gdesc dirent blockptr alive &&
		expect "$BLK_LOG" "EXT2-fs (vda): VFS: Can't find ext2 filesystem" "EXT2-fs error (device vdc)" \
			"EXT2-fs error (device vdd)"
}

# The user tests with an ext2 disk as the root: the same binaries, every
# file they make on ext2.  The cases listed fail on Linux's ext2 as well
# (they check tmpfs: its f_type, its sparse-file cost, RENAME_EXCHANGE,
# no file-size limit); kmsg_root is not run: on a disk root pivot_root
# succeeds and the rest would run in the wrong root.  Only the programs
# about files, memory mappings and exec are judged.  e2fsck after.
BLK_USER_EXT2_DIFF="fs_badinput/huge_and_negative_counts fs_dirs/renameat2_flags fs_stat/statfs_root mm_filemap/sparse_files"
# Whole programs that test tmpfs features: fallocate and RENAME_WHITEOUT
# (Linux's ext2 has neither).
BLK_USER_EXT2_DIFF_PROGS="fs_fallocate fs_whiteout"

test_block_user_ext2() {
	local src=$BLK_DIR/user-src img=$BLK_DIR/user.img log=$LOGDIR/block-user-ext2.log f name bad=""
	make -s -C "$ROOT" usr >"$LOGDIR/usr-build.log" 2>&1 || { why="make usr failed"; return 1; }
	rm -rf "$src" && mkdir -p "$src"
	(cd "$src" && cpio -id --quiet < "$BUILD/usr/initramfs-tests.cpio" 2>/dev/null)
	"$ROOT/tools/mkdisk.sh" "$img" 96 ext2 "$src" utest mbr 4096
	qemu_boot "$log" 300 -kernel "$KERNEL" \
		-append "console=ttyS0 quiet ktest=user root=/dev/vda1 rw init=/init -- lt.skip=kmsg_root" \
		$(blk_disk_args "$img") </dev/null
	grep -qa "testinit: done" "$log" || { why="testinit did not finish (log: ${log#"$ROOT"/})"; return 1; }
	[ "$(grep -ac '^PASS ' "$log")" -gt 400 ] || { why="too few PASS lines (log: ${log#"$ROOT"/})"; return 1; }
	while IFS= read -r f; do
		name=${f#FAIL }
		name=${name%%: *}
		# The file-system programs; CPU-time checks elsewhere wobble on a loaded host.
		[[ "$name" == fs_* || "$name" == mm_* || "$name" == vfs_* || "$name" == exec_* ||
		   "$name" == elf_* ]] || continue
		[[ " $BLK_USER_EXT2_DIFF " == *" $name "* ]] && continue
		[[ " $BLK_USER_EXT2_DIFF_PROGS " == *" ${name%%/*} "* ]] && continue
		bad="$bad $name"
	done < <(grep -a '^FAIL ' "$log" | tr -d '\r')
	[ -z "$bad" ] || { why="failed on ext2:$bad (log: ${log#"$ROOT"/})"; return 1; }
	expect_not "$log" "EXT2-fs error" "EXT4-fs error" "Kernel panic" || return 1
	blk_fsck "$img"
}

# Reclaim (mm/vmscan.c): in 64 MiB, reading an 80 MiB file twice must
# work (the page cache gives back its cold pages, kswapd and direct reclaim
# are counted in /proc/vmstat), the data must be right both times, and
# afterwards the cache must be reclaimable: MemAvailable back near where it
# was, and drop_caches leaving little cached.  Then the same file through
# a shared mapping: read (reclaim unmaps clean pages) and overwritten
# (dirty mapped pages are unmapped, written back by kswapd, freed), each
# checked against what the same program computes on the host.  Reclaim
# also asks the slab shrinkers (slabs_scanned counts what they looked at).
blk_reclaim_script() {
	cat <<'SH'
r() { if eval "$2" >/dev/null 2>&1; then echo "@@$1:ok@@ $(cut -d' ' -f1 /proc/uptime)"; else echo "@@$1:FAIL@@"; fi; }
kb() { awk -v k="$1:" '$1 == k { print $2 }' /proc/meminfo; }
ev() { awk -v k="$1" '$1 == k { print $2 }' /proc/vmstat; }
mkdir -p /mnt
r mount 'mount -t ext2 /dev/vda1 /mnt'
r kswapd 'ps | grep -q "\[kswapd0\]"'
r zoneinfo 'grep -q "^        high " /proc/zoneinfo && grep -q "nr_zone_inactive_file" /proc/zoneinfo'
r swappiness 'test "$(cat /proc/sys/vm/swappiness)" = 60 && echo 10 > /proc/sys/vm/swappiness && test "$(cat /proc/sys/vm/swappiness)" = 10 && ! echo 201 > /proc/sys/vm/swappiness && echo 60 > /proc/sys/vm/swappiness'
avail0=$(kb MemAvailable)
steal0=$(( $(ev pgsteal_kswapd) + $(ev pgsteal_direct) ))
echo "before: MemAvailable $avail0 kB, pgsteal $steal0"
r read1 'test "$(md5sum < /mnt/big.bin)" = "$(cat /mnt/big.md5)"'
r read2 'test "$(md5sum < /mnt/big.bin)" = "$(cat /mnt/big.md5)"'
steal1=$(( $(ev pgsteal_kswapd) + $(ev pgsteal_direct) ))
scan1=$(( $(ev pgscan_kswapd) + $(ev pgscan_direct) ))
echo "after: MemAvailable $(kb MemAvailable) kB, Cached $(kb Cached) kB, pgscan $scan1, pgsteal $steal1, kswapd $(ev pgsteal_kswapd)"
grep -E '^(pgscan|pgsteal|pgactivate|pgdeactivate|slabs_scanned)' /proc/vmstat
echo "dentry-state: $(cat /proc/sys/fs/dentry-state)"
r slabscan 'test "$(ev slabs_scanned)" -gt 0'
r stolen 'test $((steal1 - steal0)) -gt 8192'
r kswapdwork 'test "$(ev pgsteal_kswapd)" -gt 0'
r available 'test "$(kb MemAvailable)" -gt $((avail0 * 3 / 4))'
r shell 'test "$(echo alive)" = alive'
r dropcaches 'echo 1 > /proc/sys/vm/drop_caches && test "$(kb Cached)" -lt 16384'
echo "dropped: Cached $(kb Cached) kB"
r mmapsum 'test "$(/t/mmap-scan sum /mnt/big.bin)" = "$(cat /mnt/big.sum)"'
r mmapfill '/t/mmap-scan fill /mnt/big.bin'
echo "mapped: pgsteal_kswapd $(ev pgsteal_kswapd) pgsteal_direct $(ev pgsteal_direct)"
r mmapcheck 'echo 1 > /proc/sys/vm/drop_caches && test "$(md5sum < /mnt/big.bin)" = "$(cat /mnt/filled.md5)"'
r umount 'umount /mnt'
SH
}

test_block_reclaim() {
	local name=reclaim src=$BLK_DIR/reclaim-src
	rm -rf "$src" && mkdir -p "$src"
	head -c $((80 << 20)) /dev/urandom > "$src/big.bin"
	md5sum < "$src/big.bin" > "$src/big.md5"
	musl-gcc -static -O2 -o "$BLK_DIR/mmap-scan" "$ROOT/tools/testing/mmap-scan.c" ||
		{ why="musl-gcc failed"; return 1; }
	"$BLK_DIR/mmap-scan" sum "$src/big.bin" > "$src/big.sum"
	cp "$src/big.bin" "$BLK_DIR/filled.bin"
	"$BLK_DIR/mmap-scan" fill "$BLK_DIR/filled.bin" >/dev/null
	md5sum < "$BLK_DIR/filled.bin" > "$src/filled.md5"
	rm -f "$BLK_DIR/filled.bin"
	"$ROOT/tools/mkdisk.sh" "$BLK_DIR/$name.img" 100 ext2 "$src" "$name" mbr 4096
	rm -rf "$src"
	blk_reclaim_script | blk_script "$name"
	cp "$BLK_DIR/mmap-scan" "$BLK_DIR/$name-script/" &&
		"$ROOT/tools/mkdisk.sh" "$BLK_DIR/$name-script.img" 4 ext2 "$BLK_DIR/$name-script" script none
	QEMU_MEM=64M blk_run "$name" 420 "$BLK_DIR/$name.img"
	rm -f "$BLK_DIR/$name.img"
	blk_expect_ok mount kswapd zoneinfo swappiness read1 read2 slabscan stolen kswapdwork available shell \
		dropcaches mmapsum mmapfill mmapcheck umount && expect_not "$BLK_LOG" "Kernel panic" "page allocation failure" "BUG"
}

# The block_rq_* trace events for a direct read and write of known sectors:
# device numbers, RWBS, sector and length, the submitter's name, the error.
test_block_trace_events() {
	mkdir -p "$BLK_DIR/empty"
	"$ROOT/tools/mkdisk.sh" "$BLK_DIR/trace.img" 16 ext2 "$BLK_DIR/empty" trace mbr
	blk_script trace <<'SH'
r() { if eval "$2" >/dev/null 2>&1; then echo "@@$1:ok@@"; else echo "@@$1:FAIL@@"; fi; }
mkdir -p /sys; mount -t sysfs sysfs /sys 2>/dev/null
T=/sys/kernel/tracing
mount -t tracefs nodev $T 2>/dev/null
d=$(tr : , < /sys/block/vda/dev)
echo 0 > $T/tracing_on; echo > $T/trace; echo 1 > $T/tracing_on
r enable 'echo 1 > $T/events/block/enable'
dd if=/dev/vda of=/dev/null bs=4096 count=1 skip=5 iflag=direct 2>/dev/null
dd if=/dev/zero of=/dev/vda bs=4096 count=1 seek=25 oflag=direct 2>/dev/null
echo 0 > $T/events/block/enable
cat $T/trace > /tmp/trace.txt
r insert 'grep -q "block_rq_insert: $d RS* 4096 () 40 + 8 \[dd\]$" /tmp/trace.txt'
r issue 'grep -q "block_rq_issue: $d RS* 4096 () 40 + 8 \[dd\]$" /tmp/trace.txt'
r complete 'grep -q "block_rq_complete: $d RS* () 40 + 8 \[0\]$" /tmp/trace.txt'
r write 'grep -q "block_rq_complete: $d WS* () 200 + 8 \[0\]$" /tmp/trace.txt'
# A filter on the sector: of two reads far apart (not yet cached), one completion is kept.
r filter 'echo "sector == 400" > $T/events/block/block_rq_complete/filter &&
	echo 1 > $T/events/block/block_rq_complete/enable && echo 1 > $T/events/block/block_rq_insert/enable &&
	echo > $T/trace && dd if=/dev/vda of=/dev/null bs=4096 count=1 skip=50 && dd if=/dev/vda of=/dev/null bs=4096 count=1 skip=1000 &&
	echo 0 > $T/events/block/enable && echo 0 > $T/events/block/block_rq_complete/filter &&
	test "$(grep -c block_rq_complete: $T/trace)" = 1 && grep -q "block_rq_complete: .* () 400 + " $T/trace &&
	test "$(grep -c block_rq_insert: $T/trace)" -ge 2'
SH
	blk_run trace 60 "$BLK_DIR/trace.img"
	blk_expect_ok enable insert issue complete write filter
}

# Swap (mm/swapfile.c): a 64 MiB machine with a 256 MiB swap partition
# made by Debian's mkswap runs working sets larger than RAM and gets every
# word back: 192 MiB touched twice, two programs at once, a fork of a
# swapped-out process (both sides check, the child's writes copy), a
# process whose pages are out while swapoff brings them back, and a swap
# file on ext2 with a priority (swapon(2) from swap-fill: busybox's swapon
# has no -p).  /proc/swaps, meminfo, free and vmstat
# show it; swapon's errors are Linux's.  swap-fill is the host's program
# (tools/testing/swap-fill.c), so the same checks hold on Linux.
blk_swap_script() {
	cat <<'SH'
r() { if eval "$2" >/dev/null 2>&1; then echo "@@$1:ok@@ $(cut -d' ' -f1 /proc/uptime)"; else echo "@@$1:FAIL@@"; fi; }
kb() { awk -v k="$1:" '$1 == k { print $2 }' /proc/meminfo; }
ev() { awk -v k="$1" '$1 == k { print $2 }' /proc/vmstat; }
fails() { swapon "$@" 2>&1 | tee /dev/console | grep -q "$ERR"; }
mkdir -p /mnt
r nothing 'test "$(kb SwapTotal)" = 0 && test "$(wc -l < /proc/swaps)" = 1'
r swapon 'swapon /dev/vda1'
cat /proc/swaps
r procswaps 'grep -Eq "^/dev/vda1 +partition[[:space:]]+262140[[:space:]]+[0-9]+[[:space:]]+-2$" /proc/swaps'
r meminfo 'test "$(kb SwapTotal)" = 262140 && test "$(kb SwapFree)" -gt 261000'
r free 'free | grep -Eq "^Swap: +262140 "'
ERR=busy r busy 'fails /dev/vda1'
r mount 'mount -t ext2 /dev/vdb /mnt'
ERR="Invalid argument" r badheader 'fails /mnt/notswap'
ERR="No such file" r enoent 'fails /mnt/nothere'
r holes 'dd if=/mnt/swapfile of=/mnt/holes bs=4096 count=1 2>/dev/null && truncate -s 16M /mnt/holes && ! swapon /mnt/holes 2>/dev/null'
out0=$(ev pswpout); in0=$(ev pswpin); maj0=$(ev pgmajfault)
r fill192 '/t/swap-fill fill 192'
echo "fill192: pswpout $(( $(ev pswpout) - out0 )) pswpin $(( $(ev pswpin) - in0 )) pgmajfault $(( $(ev pgmajfault) - maj0 ))"
r pswpout 'test $(( $(ev pswpout) - out0 )) -gt 20000'
r pswpin 'test $(( $(ev pswpin) - in0 )) -gt 10000'
r majfault 'test $(( $(ev pgmajfault) - maj0 )) -gt 1000'
r swapfree 'test "$(kb SwapFree)" -gt 250000'
r two '(/t/swap-fill fill 96 3 > /tmp/a; echo "rc=$?" >> /tmp/a) & /t/swap-fill fill 96 5 > /tmp/b; echo "rc=$?" >> /tmp/b; wait; grep -q "rc=0" /tmp/a && grep -q "rc=0" /tmp/b'
cat /tmp/a /tmp/b
r fork '/t/swap-fill fork 128'
rm -f /tmp/ready
(/t/swap-fill hold 32 /tmp/ready > /tmp/hold; echo "rc=$?" >> /tmp/hold) &
i=0; while [ ! -e /tmp/ready ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
r pushout '/t/swap-fill fill 128 9'
used=$(awk '$1 == "/dev/vda1" { print $4 }' /proc/swaps)
echo "before swapoff: used $used kB"
r swapused 'test "$used" -gt 16384'
grep -E "^(Mem|Swap)" /proc/meminfo
r swapoff 'swapoff /dev/vda1'
r swapgone 'test "$(kb SwapTotal)" = 0 && ! grep -q vda1 /proc/swaps'
rm -f /tmp/ready; wait
cat /tmp/hold
r holdcheck 'grep -q "rc=0" /tmp/hold'
r nonroot '/t/swap-fill swapon /mnt/swapfile 0 1000 | grep -q "Operation not permitted"'
r badflags '/t/swap-fill swapon /mnt/swapfile 0x80000 | grep -q "Invalid argument"'
r swapfile '/t/swap-fill swapon /mnt/swapfile 0x8005 | grep -q "swapon: 0" && grep -Eq "^/mnt/swapfile +file[[:space:]]+65532[[:space:]]+[0-9]+[[:space:]]+5$" /proc/swaps'
r fileswap '/t/swap-fill fill 72 13'
r fileoff 'swapoff /mnt/swapfile && test "$(kb SwapTotal)" = 0'
r umount 'umount /mnt'
SH
}

test_block_swap() {
	local name=swap src=$BLK_DIR/swap-src
	rm -rf "$src" && mkdir -p "$src"
	musl-gcc -static -O2 -o "$BLK_DIR/swap-fill" "$ROOT/tools/testing/swap-fill.c" ||
		{ why="musl-gcc failed"; return 1; }
	# vda: an MBR with one 256 MiB partition of type 82 (Linux swap).
	truncate -s 0 "$BLK_DIR/swap.img" && truncate -s 258M "$BLK_DIR/swap.img"
	printf 'label: dos\nstart=2048, size=524288, type=82\n' | sfdisk -q "$BLK_DIR/swap.img" >/dev/null
	truncate -s 0 "$BLK_DIR/swap-part.img" && truncate -s 256M "$BLK_DIR/swap-part.img"
	chmod 600 "$BLK_DIR/swap-part.img"
	mkswap -L lanternswap "$BLK_DIR/swap-part.img" >/dev/null ||
		{ why="mkswap failed"; return 1; }
	dd if="$BLK_DIR/swap-part.img" of="$BLK_DIR/swap.img" bs=1M seek=1 conv=notrunc status=none
	rm -f "$BLK_DIR/swap-part.img"
	# vdb: ext2 holding a 64 MiB swap file and a file without the signature,
	# neither of them zeros (mke2fs -d would leave holes, which swapon refuses).
	head -c $((64 << 20)) /dev/zero | tr '\0' '\377' > "$src/swapfile"
	chmod 600 "$src/swapfile"
	mkswap "$src/swapfile" >/dev/null
	head -c $((1 << 20)) /dev/urandom > "$src/notswap"
	"$ROOT/tools/mkdisk.sh" "$BLK_DIR/swapfs.img" 100 ext2 "$src" swapfs none 4096
	rm -rf "$src"
	blk_swap_script | blk_script "$name"
	cp "$BLK_DIR/swap-fill" "$BLK_DIR/$name-script/" &&
		"$ROOT/tools/mkdisk.sh" "$BLK_DIR/$name-script.img" 4 ext2 "$BLK_DIR/$name-script" script none
	QEMU_MEM=${BLK_SWAP_MEM:-64M} blk_run "$name" 600 "$BLK_DIR/swap.img" "$BLK_DIR/swapfs.img"
	rm -f "$BLK_DIR/swap.img"
	blk_expect_ok nothing swapon procswaps meminfo free busy mount badheader enoent holes fill192 \
		pswpout pswpin majfault swapfree two fork pushout swapused swapoff swapgone holdcheck \
		nonroot badflags swapfile fileswap fileoff umount &&
		expect_not "$BLK_LOG" "Kernel panic" "page allocation failure" "BUG" "Out of memory" || return 1
	blk_fsck "$BLK_DIR/swapfs.img" 0
}

# The oracle (tools/run-tests.sh --linux block/swap): Debian's kernel with
# the same busybox initramfs plus the modules it needs for virtio disks and
# ext2 (Debian builds them as modules), loaded before the script runs.
blk_linux() {
	local kernel ver dir=$BLK_DIR/linux-modules m
	kernel=$(find /boot -maxdepth 1 -name 'vmlinuz-*' 2>/dev/null | sort -V | tail -n 1)
	[ -n "$kernel" ] || { why="no /boot/vmlinuz-* (package linux-image-amd64)"; return 1; }
	ver=${kernel##*/vmlinuz-}
	rm -rf "$dir" && mkdir -p "$dir/modules"
	for m in drivers/virtio/virtio drivers/virtio/virtio_ring drivers/virtio/virtio_pci_legacy_dev \
		 drivers/virtio/virtio_pci_modern_dev drivers/virtio/virtio_pci drivers/block/virtio_blk \
		 lib/crc16 crypto/crc32c_generic fs/mbcache fs/jbd2/jbd2 fs/ext4/ext4; do
		cp "/lib/modules/$ver/kernel/$m.ko" "$dir/modules/" || { why="no module $m"; return 1; }
	done
	make -s -C "$ROOT" usr >/dev/null 2>&1
	"$ROOT/tools/initramfs-add.sh" "$BUILD" "$dir" "$BLK_DIR/linux-initramfs.cpio" ||
		{ why="initramfs-add.sh failed"; return 1; }
	BLK_KERNEL=$kernel
	BLK_RUN_INITRD=$BLK_DIR/linux-initramfs.cpio
	BLK_TYPE_DELAY=45	# Linux boots slower; what is typed before its shell reads is lost
	# Debian's kernel does not boot in 64 MiB (it keeps some 60 MiB for
	# itself); with 128 MiB its user space has about what Lantern's has in 64.
	BLK_SWAP_MEM=128M
	# The guest's shell expands $m.
	# shellcheck disable=SC2016
	BLK_PRELUDE='for m in virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev virtio_pci virtio_blk crc16 crc32c_generic mbcache jbd2 ext4; do insmod /modules/$m.ko; done; sleep 2; '
}

mkdir -p "$BLK_DIR"
if [ "${LINUX:-0}" = 1 ]; then
	# Only the tests whose checks hold on Linux as they are.
	if selected block/swap; then
		why=""
		if blk_linux && test_block_swap; then
			pass block/swap
		else
			fail block/swap "${why:-exit status $status}"
		fi
	fi
	return 0
fi
for t in block/pci-virtio block/virtio-ring block/ext2-1k block/ext2-4k block/ext2-enospc block/root-persist block/switch-root \
	 block/gpt-partuuid block/ext4-ro block/corrupt block/ext2-xattr block/user-ext2 block/reclaim block/swap block/trace-events; do
	boot_test "$t"
done
