# Shared by the tools/ltp scripts (sourced, not run).
# shellcheck shell=bash

# The LTP sources: $LTP_SRC (a tarball or an unpacked tree), by default
# the snapshot next to the clone.  Sets LTP_SRC_RESOLVED and CACHE.
ltp_cache_dir() {
	local key
	LTP_SRC_RESOLVED=${LTP_SRC:-}
	if [ -z "$LTP_SRC_RESOLVED" ]; then
		# shellcheck disable=SC2012,SC2154 # tarball names are plain; $root is the sourcing script's
		LTP_SRC_RESOLVED=$(ls "$root"/../shared/ltp/ltp-*.tar.xz 2>/dev/null | sort | tail -n 1)
	fi
	[ -e "$LTP_SRC_RESOLVED" ] || { echo "ltp: no LTP sources (set LTP_SRC=tarball or tree)" >&2; exit 1; }
	LTP_SRC_RESOLVED=$(realpath "$LTP_SRC_RESOLVED")
	if [ -d "$LTP_SRC_RESOLVED" ]; then
		key=$( { echo "$LTP_SRC_RESOLVED"; git -C "$LTP_SRC_RESOLVED" rev-parse HEAD 2>/dev/null; } |
			sha256sum | cut -c1-16)
	else
		key=$(sha256sum < "$LTP_SRC_RESOLVED" | cut -c1-16)
	fi
	CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/lantern/ltp-$key
	[ "${LTP_PREVIEW:-0}" = 1 ] && CACHE=$CACHE-preview
	return 0
}

# testcases/kernel/syscalls/ipc/msgget -> testcases_kernel_syscalls_ipc_msgget
ltp_slug() {
	echo "${1//\//_}"
}

# Program name -> the folder that builds it, from the sources' file names
# (foo.c builds foo; fcntl's foo_64 variants come from foo.c) and the
# literal MAKE_TARGETS of the Makefiles (sethostname01 is built from
# ../setdomainname/setdomainname01.c).
ltp_index() {
	[ -f "$CACHE/index.txt" ] && return
	{
		( cd "$CACHE/src" && find testcases -name '*.c' ) |
			awk '{ f = $0; sub(/.*\//, "", f); sub(/\.c$/, "", f);
			       d = $0; sub(/\/[^\/]*$/, "", d); print f, d }'
		# shellcheck disable=SC2046 # LTP's paths have no blanks
		( cd "$CACHE/src" && grep -E '^MAKE_TARGETS[[:space:]]*[:+]?=' \
			$(find testcases -name Makefile) ) |
			awk -F: '{ d = $1; sub(/\/Makefile$/, "", d); sub(/^[^=]*=/, "", $0);
			           n = split($0, w, /[ \t]+/);
			           for (i = 1; i <= n; i++) if (w[i] ~ /^[A-Za-z0-9_]+$/) print w[i], d }'
	} | sort -s -u -k1,1 > "$CACHE/index.txt"
}

# The folders the runtest lists' programs come from.
ltp_folders_for() {
	ltp_index
	grep -hv '^#' "$@" | awk 'NF >= 2 { print $2 }' | sort -u |
		awk 'NR == FNR { dir[$1] = $2; next }
		     { p = $1; if (!(p in dir)) sub(/_(64|16)$/, "", p);
		       if (p in dir) print dir[p] }' "$CACHE/index.txt" -
}
