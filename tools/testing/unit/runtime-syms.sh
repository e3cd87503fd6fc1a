#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Print, sorted, every function name that the host's C library and the
# sanitizer runtimes export: the names a lib/ object must not define
# under its own name in a host test (see rename-libc-syms.sh).
#
# usage: runtime-syms.sh <cc>
set -eu

CC=$1
NM=${NM:-nm}

for lib in libc.so.6 libasan.so libubsan.so; do
	path=$($CC -print-file-name=$lib)
	if [ ! -e "$path" ]; then
		echo "warning: $lib not found; names it exports go unchecked" >&2
		continue
	fi
	$NM -D --defined-only "$path" | awk '{ print $NF }' | sed 's/@.*//'
done | LC_ALL=C sort -u
