#!/bin/sh
# Build a disk image for Lantern's virtio-blk: a partition table and one
# ext2/ext4 filesystem made by Debian's mke2fs from a directory.
#
#   tools/mkdisk.sh OUT SIZE_MB FSTYPE SRCDIR [LABEL] [mbr|gpt|none] [BLOCKSIZE]
#
# FSTYPE is ext2 or ext4 (mke2fs -t); the filesystem starts at 1 MiB and
# fills the disk.  With "none" the whole disk is the filesystem.  The
# filesystem image is made apart and copied in, because mke2fs -d writes
# into a file, not into a partition of one.  MKFS_EXTRA: more mke2fs options.
set -eu
out=$1 size=$2 fstype=$3 src=$4 label=${5:-lantern} table=${6:-mbr} bs=${7:-}
tmp=$out.fs.$$
trap 'rm -f "$tmp"' EXIT
rm -f "$out"
bsopt=${MKFS_EXTRA:-}
[ -n "$bs" ] && bsopt="$bsopt -b $bs"
if [ "$table" = none ]; then
	# shellcheck disable=SC2086 # $bsopt is an option or nothing
	mke2fs -q -F -t "$fstype" $bsopt -L "$label" -d "$src" "$out" "${size}M" >/dev/null
	exit 0
fi
truncate -s "${size}M" "$out"
case "$table" in
mbr) printf 'label: dos\nlabel-id: 0x4c414e54\nstart=2048, type=83\n' | sfdisk -q "$out" >/dev/null ;;
gpt) printf 'label: gpt\nstart=2048, size=%s, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, uuid=6c616e74-6572-6e00-0000-000000000001\n' \
	"$(( (size - 2) * 2048 ))" | sfdisk -q "$out" >/dev/null ;;
*) echo "mkdisk: unknown table $table" >&2; exit 1 ;;
esac
fs_mb=$(( size - 2 ))
# shellcheck disable=SC2086
mke2fs -q -F -t "$fstype" $bsopt -L "$label" -d "$src" "$tmp" "${fs_mb}M" >/dev/null
dd if="$tmp" of="$out" bs=1M seek=1 conv=notrunc status=none
