#!/bin/bash
# modules.dep for the modules under a /lib/modules/<release> directory:
# "kernel/dir/a.ko: kernel/dir/b.ko" where a uses b's symbols, from the
# depends= line modpost wrote into each module's .modinfo (what busybox
# modprobe reads; depmod(8) derives the same from symbols).
#
#   depmod.sh /lib/modules/<release> > modules.dep
set -eu
cd "$1"
declare -A path
while IFS= read -r ko; do
	name=$(basename "$ko" .ko)
	path[$name]=$ko
done < <(find kernel extra -name '*.ko' 2>/dev/null | sort)
for name in $(printf '%s\n' "${!path[@]}" | sort); do
	ko=${path[$name]}
	deps=$(objcopy -O binary --only-section=.modinfo "$ko" /dev/stdout 2>/dev/null |
		tr '\0' '\n' | sed -n 's/^depends=//p' | tr ',' ' ')
	line="$ko:"
	for d in $deps; do
		[ -n "${path[$d]:-}" ] && line="$line ${path[$d]}"
	done
	echo "$line"
done
