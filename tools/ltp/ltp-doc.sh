#!/bin/bash
# Write Documentation/ltp.md from the last `make ltp` runs: for every test
# that passes on Linux but not on Lantern, why (from the test's own
# output: the ENOSYS of which call, the TBROK of its setup, a timeout...)
# and the feature it waits for; the walls counted at the top.
#
#   tools/ltp/ltp-doc.sh > Documentation/ltp.md
#
# Reads build/ltp/lantern/ (make ltp), and when present build/ltp/linux/
# (make ltp LINUX=1) and build/ltp/lantern-preview/ (LTP_PREVIEW=1
# tools/ltp/run.sh: the harness without its /dev/shm file mapping, which
# shows where each test stops once that wall is gone).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
L=${1:-$root/build/ltp/lantern}
X=${2:-$root/build/ltp/linux}
V=${3:-$root/build/ltp/lantern-preview}
[ -s "$L/results.txt" ] || { echo "no $L/results.txt: run make ltp first" >&2; exit 1; }
xres=$X/results.txt; [ -f "$xres" ] || xres=/dev/null
vres=$V/results.txt; [ -f "$vres" ] || vres=/dev/null
vout=$V/output.txt; [ -f "$vout" ] || vout=/dev/null
gate=$here/gate.txt

# classify.awk: one "name<TAB>result<TAB>cause<TAB>wall" line per test of
# RESULTS, from its result and OUTPUT lines.
# shellcheck disable=SC2016 # an awk program: its $ are awk's
classify='
function wall(s) {
	if (s ~ /harness|MAP_SHARED/) return "file mmap: MAP_SHARED of a tmpfs file"
	if (s ~ /EAFNOSUPPORT|socket\(2, |socket\(10, |socket\(17, /) return "networking: AF_INET, AF_INET6, AF_PACKET (issue 19)"
	if (s ~ /nscd/) return "sockets (issue 12 item 4; AF_INET: networking)"
	if (s ~ /\/proc\/self\/ns\/|ltp_clone failed|clone\(\) failed: EINVAL|unshare|setns|namespace/) return "namespaces (issue 12 item 8)"
	if (s ~ /pty|ptmx|devpts/) return "pseudo-terminals (issue 12 item 5)"
	if (s ~ /iopl|ioperm/) return "x86 I/O port access (iopl, ioperm)"
	if (s ~ /persona/) return "credentials, keys, seccomp (issue 12 item 6)"
	if (s ~ /CONFIG_[A-Z]+_NS/) return "namespaces (issue 12 item 8)"
	if (s ~ /(^| |: |\/)(msg|sem|shm)[a-z_]*|semaphore|SysV|IPC_/) return "SysV IPC (issue 12 item 2)"
	if (s ~ /mq_|mqueue/) return "POSIX message queues (issue 12 item 2)"
	if (s ~ /epoll|inotify|fanotify/) return "epoll, inotify (issue 12 item 3)"
	if (s ~ /eventfd|timerfd|signalfd/) return "eventfd, timerfd, signalfd (deferred work)"
	if (s ~ /socket|bind|connect|accept|listen|send|recv|sockopt|sockname|peername|SIOC|AF_INET|AF_UNIX/) return "sockets (issue 12 item 4; AF_INET: networking)"
	if (s ~ /pthread|CLONE_THREAD|clone3|tgkill|set_tid_address|futex|robust_list/) return "threads, futexes"
	if (s ~ /capget|capset|keyctl|add_key|request_key|seccomp|personality|setfsuid|setfsgid|CAP_|prctl/) return "credentials, keys, seccomp (issue 12 item 6)"
	if (s ~ /io_uring|io_setup|io_submit|io_getevents|io_destroy|io_cancel|io_pgetevents|aio/) return "AIO, io_uring"
	if (s ~ /timer_|clock_adjtime|adjtimex|clock_settime|clock_nanosleep|itimer|alarm/) return "timers, clocks"
	if (s ~ /flock|splice|(^|[^a-z])tee($|[^a-z])|vmsplice|copy_file_range|fallocate|xattr|openat2|execveat|close_range|name_to_handle|open_by_handle|statx|readahead|fadvise|sync_file_range|utime|getdents|preadv2|pwritev2|sendfile|lease|F_[A-Z_]+|O_TMPFILE|fcntl/) return "file calls (issue 12 item 7)"
	if (s ~ /pidfd|process_vm|unshare|setns|mlock|munlock|membarrier|rseq|sched_setattr|sched_getattr|getcpu|ioprio|acct|getrusage|RLIMIT|core/) return "process calls (issue 12 item 8)"
	if (s ~ /mount|fsopen|fsconfig|fsmount|fspick|move_mount|open_tree|quotactl|loop|block device|mkfs/) return "mounts, block devices"
	if (s ~ /bpf/) return "BPF"
	if (s ~ /perf_event/) return "perf events"
	if (s ~ /ptrace/) return "ptrace"
	if (s ~ /userfaultfd|memfd|madvise|mincore|mremap|remap_file_pages|msync|mbind|mempolicy|move_pages|migrate|pkey|mmap|munmap|mprotect|hugepage|swap/) return "memory management"
	if (s ~ /^timeout/) return "timeouts (a hang, or too slow)"
	if (s ~ /^ENOSYS/) return "more ENOSYS calls (kcmp, sysfs, ustat, modules...)"
	if (s ~ /nr_open|SEEK_DATA/) return "file calls (issue 12 item 7)"
	if (s ~ /^kernel/) return "kernel crash or hang"
	return "other: a bug or a missing detail"
}
function tidy(s) {
	sub(/^[^ ]*: /, "", s)				# the "name: " prefix
	sub(/^[A-Za-z0-9_.]+\.c:[0-9]+: /, "", s)	# new-library file:line
	sub(/^[a-z0-9_]+ +[0-9]+ +/, "", s)		# old-library "name  N  "
	sub(/^T(FAIL|BROK|CONF|WARN|INFO) *: */, "&", s)
	if (match(s, /^T(FAIL|BROK|CONF|WARN|INFO) *: */)) {
		k = substr(s, 1, 5); s = substr(s, RLENGTH + 1)
		sub(/^([A-Za-z0-9_.\/]+\.[ch]:[0-9]+: )+/, "", s)
		s = k ": " s
	}
	gsub(/\|/, "/", s); gsub(/  +/, " ", s)
	if (length(s) > 110) s = substr(s, 1, 107) "..."
	return s
}
FILENAME == ARGV[1] { k = $1; sub(/:$/, "", k); out[k] = out[k] "\n" $0; next }
{
	name = $1; res = $2; why = ""
	for (i = 4; i <= NF; i++) why = why (i > 4 ? " " : "") $i
	n = split(out[name], line, "\n")
	for (i = 1; i <= n; i++) gsub(/\t/, " ", line[i])
	cause = ""
	for (i = 1; i <= n && cause == ""; i++)
		if (line[i] ~ /tst_test\.c:[0-9]+: TBROK: mmap\(0,4096,.*,1,4,0\) failed/)
			cause = "harness: its MAP_SHARED mapping of /dev/shm fails (" (line[i] ~ /EBADF/ ? "EBADF" : "error") ")"
	for (i = 1; i <= n && cause == ""; i++)
		if (line[i] ~ /mmap\([^)]*,1,[0-9]+,[0-9]+\) failed.*(EBADF|errno=9)|mmap Error, errno=9/)
			cause = "mmap(MAP_SHARED) of a file: EBADF"
	for (i = 1; i <= n && cause == ""; i++) {
		if (line[i] !~ /ENOSYS|errno[= ]38|__NR_[a-z0-9_]+ not supported/) continue
		s = line[i]; call = ""
		if (s ~ /(Group|User) ID lookup failed|get(gr|pw)(nam|gid|uid)/) {
			cause = "ENOSYS: socket (musl'"'"'s user/group lookup asks nscd over AF_UNIX)"
			break
		}
		if (match(s, /__NR_[a-z0-9_]+/)) call = substr(s, RSTART + 5, RLENGTH - 5)
		else if (match(s, /[a-z_][a-z0-9_]*\(/)) { call = substr(s, RSTART, RLENGTH - 1) }
		else if (match(s, /[a-z_][a-z0-9_]*(\(\))? failed/)) { call = substr(s, RSTART); sub(/(\(\))? failed.*/, "", call) }
		else if (match(s, /allocate [a-z]+/)) call = substr(s, RSTART + 9, RLENGTH - 9)
		cause = "ENOSYS: " (call == "" ? tidy(s) : call)
	}
	if (cause == "" && res == "TIMEOUT") cause = "timeout: no exit in 20 s"
	if (cause == "" && res == "CRASH") cause = "kernel: " why
	if (cause == "" && res == "NOBOOT") cause = "kernel: did not reach the runner"
	if (cause == "" && res == "NOTBUILT") cause = "not built"
	for (i = 1; i <= n && cause == "" && res == "CONF"; i++)
		if (match(line[i], /Constraint .CONFIG_[A-Z0-9_]+. not satisfied/))
			cause = "TCONF: " substr(line[i], RSTART + 12, RLENGTH - 27) " not available"
	kinds = (res == "CONF") ? "TCONF" : "TBROK|TFAIL|TWARN"
	for (i = 1; i <= n && cause == ""; i++)
		if (line[i] ~ ("(" kinds ")") && line[i] !~ /Remaining cases/)
			cause = tidy(line[i])
	if (cause == "") cause = res " (" why ")"
	w = wall(cause)
	if (w ~ /^other/ && res != "CONF") w = wall(name " " cause) 	# the test name says what it tests
	if (w ~ /^other/ && res == "CONF") w = "TCONF: a feature the test looks for"
	printf "%s\t%s\t%s\t%s\n", name, res, cause, w
}'

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk '$2 != "PASS"' "$L/results.txt" > "$tmp/lfail"
awk "$classify" "$L/output.txt" "$tmp/lfail" | sort > "$tmp/today"
awk '$2 != "PASS"' "$vres" > "$tmp/vfail"
awk "$classify" "$vout" "$tmp/vfail" | sort > "$tmp/preview"
awk '$2 == "PASS" { print $1 }' "$vres" | sort > "$tmp/vpass"

total=$(grep -vc '^#' "$L/list.txt" 2>/dev/null || wc -l < "$L/results.txt")
passed=$(awk '$2 == "PASS"' "$L/results.txt" | wc -l)
ingate=$(grep -v '^#' "$gate" | awk 'NF' | wc -l)
when=$(date -u -r "$L/results.txt" '+%Y-%m-%d %H:%M UTC')

cat <<EOF
# LTP on Lantern

Generated by \`tools/ltp/ltp-doc.sh > Documentation/ltp.md\` from the
\`make ltp\` run of $when (do not edit by hand: run \`make ltp\`,
\`make ltp LINUX=1\`, \`LTP_PREVIEW=1 tools/ltp/run.sh\`, then the script).

The list is \`../shared/ltp/linux-6.1-tcg-pass.txt\`: the $total tests of LTP's
\`runtest/syscalls\` that pass on Debian's Linux 6.1 under QEMU TCG (a test
passes when it exits 0: only TPASS/TINFO results, no TFAIL, TBROK, TWARN or
TCONF).  How the tests are built and run: \`tools/ltp/run.sh\`.

**Lantern passes $passed of $total.**  The gate (\`tools/ltp/gate.txt\`, run by
\`make test\`) holds $ingate.
EOF
if [ -s "$xres" ]; then
	xp=$(awk '$2 == "PASS"' "$xres" | wc -l)
	echo "Linux in the same image and runner, here: $xp of $(wc -l < "$xres") (not this time: $(awk '$2 != "PASS" { printf "%s%s", s, $1; s = ", " }' "$xres"))."
fi

cat <<'EOF'

## The walls today

Each test not passing is counted once, under the first reason its output
gives.
EOF
echo
echo "| tests | wall (what they wait for) | the most common reason |"
echo "|------:|---------------------------|------------------------|"
awk -F'\t' '{ c[$4]++; k = $4 SUBSEP $3; r[k]++; if (r[k] > best[$4]) { best[$4] = r[k]; top[$4] = $3 } }
	END { for (w in c) printf "| %d | %s | %s (%d) |\n", c[w], w, top[w], best[w] }' "$tmp/today" | sort -t'|' -k2,2nr

if [ -s "$tmp/preview" ] || [ -s "$tmp/vpass" ]; then
	vp=$(wc -l < "$tmp/vpass")
	cat <<EOF

## Behind the harness wall

Almost every test stops before it starts: LTP's library shares its results
page with the test's children through a \`MAP_SHARED\` mapping of a file in
/dev/shm (and puts its checkpoint futexes there), and Lantern has no
file-backed shared mappings yet.  \`LTP_PREVIEW=1\` builds LTP with that
one mapping made anonymous (\`MAP_SHARED | MAP_ANONYMOUS\`, inherited
across fork; tests that exec a helper which reattaches through
\`LTP_IPC_PATH\` still need the file) and shows where each test stops
next.  With it **$vp of $total pass**; the next walls, in order:

| tests | wall (what they wait for) | the most common reason |
|------:|---------------------------|------------------------|
EOF
	awk -F'\t' '{ c[$4]++; k = $4 SUBSEP $3; r[k]++; if (r[k] > best[$4]) { best[$4] = r[k]; top[$4] = $3 } }
		END { for (w in c) printf "| %d | %s | %s (%d) |\n", c[w], w, top[w], best[w] }' "$tmp/preview" | sort -t'|' -k2,2nr
fi

cat <<'EOF'

## Every test Lantern fails

"Today" is the reason in the real run; "after the harness" the reason in
the preview run (PASS: it passes there, so it should pass once shared file
mappings work).

| test | today | after the harness | waits for |
|------|-------|-------------------|-----------|
EOF
awk -F'\t' '
	FILENAME == ARGV[1] { pass[$1] = 1; next }
	FILENAME == ARGV[2] { pc[$1] = $3; pw[$1] = $4; next }
	{
		after = ($1 in pass) ? "PASS" : (($1 in pc) ? pc[$1] : "")
		w = ($1 in pass) ? $4 : (($1 in pw) && $4 ~ /^file mmap/ ? pw[$1] : $4)
		gsub(/\|/, "/", after)
		printf "| %s | %s | %s | %s |\n", $1, $3, after, w
	}' "$tmp/vpass" "$tmp/preview" "$tmp/today"
