#!/bin/bash
# build/Module.symvers: the kernel's exports, for modpost (scripts/modpost.sh).
# EXPORT_SYMBOL(f) leaves a local symbol __ksymtab_f in the __ksymtab
# table; those between __start___ksymtab_gpl and __stop___ksymtab_gpl
# came from EXPORT_SYMBOL_GPL.
#
#   mksymvers.sh vmlinux > Module.symvers
set -eu
nm -n "$1" | awk '
	$3 == "__start___ksymtab_gpl" { gs = $1 }
	$3 == "__stop___ksymtab_gpl" { ge = $1 }
	$3 ~ /^__ksymtab_/ && $3 !~ /^__ksymtab_strings/ { addr[$3] = $1 }
	END {
		for (s in addr) {
			kind = (addr[s] >= gs && addr[s] < ge) ? "EXPORT_SYMBOL_GPL" : "EXPORT_SYMBOL"
			printf "0x00000000\t%s\tvmlinux\t%s\t\n", substr(s, 11), kind
		}
	}' | sort -k2
