#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Make one lib/ object, compiled for the host, safe to link into a unit
# test.  The test program also links the C library and the sanitizer
# runtimes, which define memcpy, strlen, vsnprintf...: with two
# definitions, one silently wins.  So every name in <names> becomes
# k_<name>, both where the object defines it and where it calls it (lib's
# vsnprintf then calls lib's strnlen, not libc's).  Any other name the
# object defines that the runtimes define too is an error: add it to
# <names>.
#
# usage: rename-libc-syms.sh <names> <runtime-syms> <in.o> <out.o>
set -eu

names=$1
runtime=$2
in=$3
out=$4
NM=${NM:-nm}
OBJCOPY=${OBJCOPY:-objcopy}

sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$names" |
	while read -r name; do echo "$name k_$name"; done >"$out.map"
$OBJCOPY --redefine-syms="$out.map" "$in" "$out"

clash=$($NM -g --defined-only "$out" | awk '{ print $NF }' | LC_ALL=C sort -u |
	LC_ALL=C comm -12 - "$runtime")
if [ -n "$clash" ]; then
	echo "error: $in defines $(echo "$clash" | tr '\n' ' ')like the C library or a sanitizer" >&2
	echo "       runtime does; add the name(s) to $names" >&2
	rm -f "$out"
	exit 1
fi
