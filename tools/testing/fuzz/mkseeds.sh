#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The fuzz target's seed corpus: small images made by Debian's mke2fs,
# each holding the same tree (files through single, double and triple
# indirection, a directory tree, fast and slow symlinks, a hard link, a
# sparse file, a FIFO), so mutations start from every structure the
# driver reads.
#
# usage: mkseeds.sh <outdir>
set -eu

out=$1
MKE2FS=${MKE2FS:-mke2fs}
if ! command -v "$MKE2FS" >/dev/null 2>&1 && [ -x /sbin/mke2fs ]; then
	MKE2FS=/sbin/mke2fs
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

tree=$tmp/tree
mkdir -p "$tree/dir/sub/deeper" "$tree/empty"
echo "hello, ext2" >"$tree/small"
i=0
while [ $i -lt 400 ]; do echo "line $i of a file with single indirect blocks"; i=$((i + 1)); done >"$tree/dir/medium"
echo "inside" >"$tree/dir/sub/deeper/leaf"
for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	echo "$n" >"$tree/dir/sub/file-with-a-longer-name-number-$n"
done
ln "$tree/small" "$tree/dir/hardlink"
ln -s small "$tree/fast-symlink"
ln -s dir/sub/deeper/leaf/../../../../this/target/is/longer/than/sixty/bytes/so/it/is/slow \
	"$tree/slow-symlink"
# Sparse: one block at the start, one past 64 MiB (triple indirect with 1 KiB blocks).
echo start >"$tree/sparse"
printf end | dd of="$tree/sparse" bs=1 seek=$((70 * 1024 * 1024)) conv=notrunc status=none
mkfifo "$tree/fifo"

mkdir -p "$out"
"$MKE2FS" -q -F -t ext2 -b 1024 -N 64 -d "$tree" "$out/ext2-1k.img" 128k >/dev/null
# Three groups of 256 blocks: descriptors, backups and allocation across groups.
"$MKE2FS" -q -F -t ext2 -b 1024 -g 256 -N 64 -d "$tree" "$out/ext2-1k-groups.img" 768k >/dev/null
"$MKE2FS" -q -F -t ext2 -b 4096 -N 64 -I 128 -d "$tree" "$out/ext2-4k.img" 256k >/dev/null
"$MKE2FS" -q -F -t ext4 -b 1024 -N 64 -O ^has_journal,metadata_csum -d "$tree" "$out/ext4-1k.img" 256k >/dev/null
# Without checksums, mutations reach the extent code instead of the checksum check.
"$MKE2FS" -q -F -t ext4 -b 1024 -N 64 -O ^has_journal,^metadata_csum -d "$tree" "$out/ext4-1k-nocsum.img" 256k >/dev/null
"$MKE2FS" -q -F -t ext4 -b 4096 -N 64 -O ^has_journal,metadata_csum,64bit -d "$tree" "$out/ext4-4k.img" 512k >/dev/null
