#!/bin/bash
# Add to tools/ltp/gate.txt every test that passed in the last `make ltp`
# run on Lantern (build/ltp/lantern/results.txt) and, when a Linux run is
# there too (`make ltp LINUX=1`), also passed on Linux.  Nothing is ever
# removed here: a gate test that failed is listed, and taking it out of
# the gate needs a "# removed <name>: why" line written by hand (such a
# test is not added back by this script).
#
#   tools/ltp/update-gate.sh [LANTERN_RESULTS_DIR [LINUX_RESULTS_DIR]]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
lantern=${1:-$root/build/ltp/lantern}
linux=${2:-$root/build/ltp/linux}
gate=$here/gate.txt

[ -s "$lantern/results.txt" ] || { echo "no $lantern/results.txt: run make ltp first" >&2; exit 1; }
[ -f "$gate" ] || : > "$gate"

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
awk -v linux="$linux/results.txt" '
	BEGIN {
		use_linux = (getline line < linux) > 0
		if (use_linux) {
			do { split(line, f, " "); if (f[2] == "PASS") linux_pass[f[1]] = 1 }
			while ((getline line < linux) > 0)
		}
	}
	FILENAME == ARGV[1] { if ($2 == "PASS") pass[$1] = 1; next }
	FILENAME == ARGV[2] { if ($0 !~ /^#/ && NF >= 2) cmd[$1] = $0; next }
	FILENAME == ARGV[3] {
		if ($0 !~ /^#/ && NF >= 2) in_gate[$1] = 1
		if ($1 == "#" && $2 == "removed") { n = $3; sub(/:$/, "", n); in_gate[n] = 1 }
		next
	}
	END {
		for (n in pass)
			if (!(n in in_gate) && (n in cmd) && (!use_linux || (n in linux_pass)))
				print cmd[n]
	}' "$lantern/results.txt" "$lantern/list.txt" "$gate" | sort > "$tmp"

added=$(wc -l < "$tmp")
if [ "$added" -gt 0 ]; then
	# The header stays on top; the tests stay sorted by name.
	{ grep '^#' "$gate" || true; { grep -v '^#' "$gate" | awk 'NF'; cat "$tmp"; } | sort -u -k1,1; } > "$gate.new"
	mv "$gate.new" "$gate"
fi
echo "update-gate: $added tests added, $(grep -vc '^#' "$gate") in the gate"
sed 's/^/  + /' "$tmp"

# Gate tests that did not pass in this run: the gate will fail on them.
awk 'FILENAME == ARGV[1] { r[$1] = $2; next }
     $0 !~ /^#/ && NF >= 2 && ($1 in r) && r[$1] != "PASS" { print "  ! " $1 " " r[$1] " (in the gate, did not pass)" }' \
	"$lantern/results.txt" "$gate"
