#!/bin/sh
# Turn `nm -n vmlinux` output into the kallsyms table (assembly) that is
# linked into the kernel.  Only text symbols: backtraces are made of them.
# Each keeps nm's type letter (t, T, w, W) for /proc/kallsyms.
# Usage: scripts/kallsyms.sh NM-OUTPUT > kallsyms.S
awk '
BEGIN { n = 0; for (c = 65; c < 123; c++) ord[sprintf("%c", c)] = c }
$2 ~ /^[tTwW]$/ && $3 !~ /^(__kstrtab|__ksymtab|\.L|kallsyms_)/ && $1 ~ /^ffffffff8/ {
	addr[n] = $1; type[n] = $2; name[n] = $3; n++
}
END {
	print "\t.section .kallsyms, \"a\""
	print "\t.balign 8"
	print "\t.globl kallsyms_num_syms"
	print "kallsyms_num_syms:\n\t.quad " n
	print "\t.globl kallsyms_addresses"
	print "kallsyms_addresses:"
	for (i = 0; i < n; i++) print "\t.quad 0x" addr[i]
	print "\t.globl kallsyms_offsets"
	print "kallsyms_offsets:"
	off = 0
	for (i = 0; i < n; i++) { print "\t.long " off; off += length(name[i]) + 1 }
	print "\t.globl kallsyms_types"
	print "kallsyms_types:"
	for (i = 0; i < n; i++) print "\t.byte 0x" sprintf("%02x", ord[type[i]])
	print "\t.globl kallsyms_names"
	print "kallsyms_names:"
	for (i = 0; i < n; i++) print "\t.asciz \"" name[i] "\""
}' "$1"
