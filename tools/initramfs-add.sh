#!/bin/bash
# The busybox initramfs with a directory tree added: every directory and
# file under SRC appears at the same path in the archive (symlinks are
# left out).  make run ADD=<dir> uses it to bring a module you built into
# the VM; the module tests use it for theirs.
#
#   tools/initramfs-add.sh BUILD_DIR SRC OUT.cpio
set -eu
build=$1 src=$2 out=$3
src=$(cd "$src" && pwd)
{
	cat "$build/busybox/initramfs.list"
	(cd "$src" && find . -mindepth 1 -type d | sort) |
		while read -r d; do echo "dir ${d#.} 0755 0 0"; done
	(cd "$src" && find . -type f | sort) |
		while read -r f; do echo "file ${f#.} $src/${f#./} 0755 0 0"; done
} > "$out.list"
BUSYBOX=${BUSYBOX:-/bin/busybox} BB_OUT=$build/busybox "$build/usr/gen_init_cpio" "$out.list" > "$out"
