#!/bin/sh
# Generate the C view of arch/x86/entry/syscalls/syscall_64.tbl:
#   __SYSCALL(<nr>, <entry>, <name>)
# one line per system call, for sys_call_table and syscall names.
# Usage: scripts/syscalltbl.sh TABLE > syscalls_64.h
echo "/* Generated from $1 by scripts/syscalltbl.sh; do not edit. */"
grep -v '^#' "$1" | awk 'NF >= 4 { printf "__SYSCALL(%d, %s, \"%s\")\n", $1, $4, $3 }'
