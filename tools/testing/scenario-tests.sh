# Scenario tests, sourced by tools/run-tests.sh: boot the busybox
# initramfs (build/initramfs-busybox.cpio.gz) once and type at its shell
# over the serial line the way a person would, then read the screen.
# One PASS/FAIL line per scenario, named scenario/<name>.
#
# Each command ends by echoing a marker built by the shell (@@name:$?@@
# prints as @@name:0@@), so the typed echo never matches the answer.
# shellcheck shell=bash
# Commands typed at the guest are in single quotes so that this shell does
# not expand them (SC2016), and "cmd && check || { why=...; return 1; }"
# means to fail when either part does (SC2015).
# shellcheck disable=SC2015,SC2016

SCN_INITRD=$BUILD/initramfs-busybox.cpio.gz
SCN_TIMEOUT=150		# the whole boot; the suite takes ~40 s under TCG

# shellcheck source=tools/testing/serial-lib.sh
source "$ROOT/tools/testing/serial-lib.sh"

scn_result() {
	local name=scenario/$1
	selected "$name" || return 0
	case "$2" in
	pass) pass "$name" ;;
	*) fail "$name" "$3 (log: ${SCN_LOG#"$ROOT"/})" ;;
	esac
}

scenario_file() {
	scn_run file 'echo hi > f; cat f' 15 && scn_has '^hi$' && return 0
	why="'cat f' did not print hi"; return 1
}

scenario_ls() {
	scn_run ls 'ls -l /' 15 && scn_has '^l.* init -> /bin/busybox$' &&
		scn_has '^d.* bin$' && return 0
	why="'ls -l /' did not list /init and /bin"; return 1
}

scenario_cd() {
	scn_run cd 'cd /tmp; pwd' 15 && scn_has '^/tmp$' && return 0
	why="'pwd' did not print /tmp"; return 1
}

scenario_redirect() {
	scn_run redir '{ echo out1; echo err1 >&2; ls /nonexistent; } > r 2>&1; cat r' 15 &&
		scn_has '^out1$' && scn_has '^err1$' &&
		scn_has "^ls: /nonexistent: No such file or directory$" && return 0
	why="stdout and stderr did not both reach the file"; return 1
}

scenario_script() {
	scn_run script "printf 'f() { echo \"fn\$1\"; }\\\\nfor i in 1 2 3; do f \$i; done\\\\n' > s.sh; sh s.sh" 20 &&
		scn_has '^fn1$' && scn_has '^fn3$' && return 0
	why="the script's loop and function did not print fn1..fn3"; return 1
}

scenario_pipe() {
	scn_run pipe 'ls /bin | wc -l' 15 || { why="no marker"; return 1; }
	scn_screen | grep -aqE '^ *[0-9]{2,}$' && return 0
	why="'ls /bin | wc -l' printed no count"; return 1
}

# ^C kills the foreground job with SIGINT: the shell sees status 130.
scenario_ctrl_c() {
	scn_type 'sleep 100\r'
	sleep 2
	scn_type '\003'
	sleep 1
	scn_type 'echo @@ctrlc:$?@@\r'
	scn_wait '^@@ctrlc:[0-9]+@@' 10 || { why="the shell did not come back after ^C"; return 1; }
	scn_has '^@@ctrlc:130@@' && return 0
	why="'sleep 100' did not die of SIGINT (status 130)"; return 1
}

# ^Z stops the foreground job, jobs lists it, fg continues it to the end.
scenario_job_control() {
	scn_type 'sleep 4\r'
	sleep 1.5
	scn_type '\032'
	scn_wait 'Stopped.*sleep 4' 10 || { why="^Z did not stop 'sleep 4'"; return 1; }
	scn_run jobs 'jobs' 10 && scn_has '^\[1\]\+ +Stopped +sleep 4' ||
		{ why="'jobs' did not list the stopped job"; return 1; }
	scn_run fg 'fg' 20 || { why="'fg' did not finish the job"; return 1; }
	[ "$scn_rc" = 0 ] || { why="'fg' returned $scn_rc"; return 1; }
}

# ps lists PID 1 (busybox init) and this login shell (inittab runs it
# as -/bin/sh).  Debian's ps has no TIME column; allow one anyway.
scenario_ps() {
	scn_run ps 'ps' 15 || { why="'ps' did not finish"; return 1; }
	scn_has '^ +1 +root +([0-9:]+ +)?init$' ||
		{ why="'ps' did not show PID 1 as init"; return 1; }
	scn_has '^ *[0-9]+ +root +([0-9:]+ +)?-/bin/sh$' && return 0
	why="'ps' did not show the login shell -/bin/sh"; return 1
}

# ps -T lists each thread of a threaded process (from /proc/<pid>/task).
scenario_ps_threads() {
	scn_run ps-threads-start 'threads-demo 3 & sleep 1' 15 ||
		{ why="'threads-demo 3 &' did not start"; return 1; }
	scn_run ps-threads 'ps -T | grep -c "[t]hreads-demo 3"; kill $!; wait' 15 ||
		{ why="'ps -T' did not finish"; return 1; }
	scn_has '^4$' && return 0
	why="'ps -T' did not show 4 threads of threads-demo"; return 1
}

# kill by pid: wait reports SIGTERM (143) and the pid is gone after.
scenario_kill() {
	scn_run kill 'sleep 100 & p=$!; sleep 1; kill $p; wait $p' 20 ||
		{ why="'wait' did not return after kill"; return 1; }
	[ "$scn_rc" = 143 ] || { why="'wait' returned $scn_rc, expected 143 (SIGTERM)"; return 1; }
	scn_run killgone 'kill -0 $p 2>/dev/null' 10 && [ "$scn_rc" = 1 ] && return 0
	why="the killed sleep's pid still exists (kill -0 returned $scn_rc)"; return 1
}

# busybox unshare -p -f --mount-proc: a shell that is PID 1 of a new PID
# namespace, with parent 0, and a /proc that lists only itself.
scenario_unshare_pid() {
	scn_run unshare-pid "unshare -p -f --mount-proc sh -c 'set -- /proc/[0-9]*; echo inner=\$\$ ppid=\$PPID procs=\$#'" 20 ||
		{ why="'unshare -p -f --mount-proc' did not finish"; return 1; }
	scn_has '^inner=1 ppid=0 procs=1$' && return 0
	why="the shell in the new PID namespace did not see itself as the only process, PID 1"; return 1
}

# find walks the whole tree (/proc and /sys too) and names one file.
scenario_find() {
	scn_run findmk 'cd /tmp; mkdir -p ft/a/b; touch ft/a/b/zq7n.txt ft/a/zq7m' 10 ||
		{ why="could not make the tree"; return 1; }
	scn_run find 'find / -name zq7n.txt 2>&1 | sed "s/^/fd:/"' 60 ||
		{ why="'find /' did not finish in 60 s"; return 1; }
	scn_has '^fd:/tmp/ft/a/b/zq7n.txt$' ||
		{ why="'find /' did not find /tmp/ft/a/b/zq7n.txt"; return 1; }
	[ "$(scn_screen | grep -ac '^fd:')" = 1 ] && return 0
	why="'find /' printed more than the one file: $(scn_screen | grep -a '^fd:' | head -n 3 | tr '\n' ' ')"
	return 1
}

scenario_grep() {
	scn_run grepmk 'cd /tmp; mkdir -p gt/x/y; echo other > gt/x/f1; printf "a\\nb\\nq9needle\\n" > gt/x/y/f2' 10 ||
		{ why="could not make the tree"; return 1; }
	scn_run grep 'grep -rn q9needle gt' 15 && [ "$scn_rc" = 0 ] &&
		scn_has '^gt/x/y/f2:3:q9needle$' && return 0
	why="'grep -rn' did not print gt/x/y/f2:3:q9needle"; return 1
}

scenario_sed() {
	scn_run sed 'cd /tmp; printf "foo bar\\nbaz foo\\n" > s.txt; sed s/foo/QUX/g s.txt' 15 &&
		scn_has '^QUX bar$' && scn_has '^baz QUX$' ||
		{ why="'sed s///g' did not substitute"; return 1; }
	scn_run sedi 'sed -i s/bar/ZAP/ s.txt && cat s.txt' 15 &&
		scn_has '^foo ZAP$' && return 0
	why="'sed -i' did not edit the file in place"; return 1
}

scenario_awk() {
	scn_run awk 'printf "a 1\\nb 2\\nc 39\\n" | awk "{ s += \\$2 } END { print \\"sum=\\" s }"' 15 &&
		scn_has '^sum=42$' && return 0
	why="awk did not sum the column to 42"; return 1
}

scenario_sort_uniq() {
	scn_run uniq 'printf "b\\na\\nb\\nc\\nb\\na\\n" | sort | uniq -c | sed "s/^ */uq:/"' 15 ||
		{ why="no marker"; return 1; }
	[ "$(scn_screen | grep -a '^uq:' | tr '\n' ' ')" = "uq:2 a uq:3 b uq:1 c " ] && return 0
	why="'sort | uniq -c' printed $(scn_screen | grep -a '^uq:' | tr '\n' ' ')"; return 1
}

# MemTotal is plausible (16 MiB .. 64 GiB) and MemFree is no more.
scenario_meminfo() {
	local total free
	scn_run meminfo 'cat /proc/meminfo' 15 || { why="no marker"; return 1; }
	total=$(scn_screen | grep -aE '^MemTotal: +[0-9]+ kB$' | tail -n 1 | tr -dc 0-9)
	free=$(scn_screen | grep -aE '^MemFree: +[0-9]+ kB$' | tail -n 1 | tr -dc 0-9)
	[ -n "$total" ] && [ -n "$free" ] || { why="no MemTotal/MemFree lines"; return 1; }
	[ "$total" -ge 16384 ] && [ "$total" -le 67108864 ] ||
		{ why="implausible MemTotal $total kB"; return 1; }
	[ "$free" -le "$total" ] && return 0
	why="MemFree $free kB > MemTotal $total kB"; return 1
}

# The console also showed these lines at boot: the dm: prefix says they
# came back through syslog(2).
scenario_dmesg() {
	scn_run dmesg 'dmesg | tail -n 60 | sed "s/^/dm:/"' 15 || { why="no marker"; return 1; }
	scn_has '^dm:.*Run /init as init process$' &&
		scn_has '^dm:.*initramfs: unpacked [0-9]+ entries' && return 0
	why="'dmesg | tail' did not show the initramfs and Run /init lines"; return 1
}

# rcS mounts devtmpfs on /dev as Debian's initramfs does: the device
# nodes the kernel knows are there, as character devices.
scenario_devtmpfs() {
	scn_run devtmpfs 'grep " /dev " /proc/mounts | sed "s/^/dv:/"; ls -l /dev/urandom /dev/kmsg | sed "s/^/dv:/"' 15 ||
		{ why="no marker"; return 1; }
	scn_has '^dv:[^ ]+ /dev devtmpfs ' || { why="/dev is not a devtmpfs mount"; return 1; }
	scn_has '^dv:c.* 1, +9 .*/dev/urandom$' && scn_has '^dv:c.* 1, +11 .*/dev/kmsg$' && return 0
	why="/dev/urandom (1,9) or /dev/kmsg (1,11) is not a character device"; return 1
}

# A line written to /dev/kmsg becomes a kernel log record that dmesg shows.
scenario_kmsg() {
	scn_run kmsg 'echo hello-k7q > /dev/kmsg; dmesg | sed "s/^/km:/"' 15 || { why="no marker"; return 1; }
	scn_has '^km:\[ *[0-9]+\.[0-9]{6}\] hello-k7q$' && return 0
	why="'echo hello-k7q > /dev/kmsg' did not reach dmesg"; return 1
}

# /dev/urandom gives as many bytes as asked, and not all the same.
scenario_urandom() {
	scn_run urandom 'head -c 4096 /dev/urandom | wc -c | sed "s/^ */ur:/"; head -c 64 /dev/urandom | od -An -tx1 | tr -s " " "\\n" | sort -u | wc -l | sed "s/^ */uu:/"' 15 ||
		{ why="no marker"; return 1; }
	scn_has '^ur:4096$' || { why="reading 4096 bytes of /dev/urandom did not give 4096"; return 1; }
	local distinct
	distinct=$(scn_screen | grep -aE '^uu:[0-9]+$' | tail -n 1 | tr -dc 0-9)
	[ "${distinct:-0}" -ge 16 ] && return 0
	why="64 bytes of /dev/urandom held only ${distinct:-0} distinct values"; return 1
}

# kernel.dmesg_restrict=1: dmesg as nobody is refused, as root it works,
# and after root writes 0 nobody may read too (then it is put back).
scenario_dmesg_restrict() {
	scn_run dmrestr 'su nobody -s /bin/sh -c dmesg 2>&1 | head -n 1 | sed "s/^/dr1:/"' 15 ||
		{ why="no marker"; return 1; }
	scn_has '^dr1:dmesg: klogctl: Operation not permitted$' ||
		{ why="dmesg as nobody was not refused with EPERM"; return 1; }
	scn_run dmopen 'echo 0 > /proc/sys/kernel/dmesg_restrict; su nobody -s /bin/sh -c dmesg 2>&1 | grep -c "Run /init" | sed "s/^/dr2:/"; echo 1 > /proc/sys/kernel/dmesg_restrict' 15 ||
		{ why="no marker"; return 1; }
	scn_has '^dr2:1$' && return 0
	why="with dmesg_restrict=0, dmesg as nobody did not show the log"; return 1
}

# A dump_stack from a user process names it: SysRq l (backtrace of the
# active CPUs) written by this shell shows "PID: <its pid> Comm: sh".
scenario_sysrq_backtrace() {
	scn_run sysrq 'echo l > /proc/sysrq-trigger; echo sq:$$; echo x > /proc/sysrq-trigger' 15 ||
		{ why="no marker"; return 1; }
	local pid
	pid=$(scn_screen | grep -aE '^sq:[0-9]+$' | tail -n 1 | tr -dc 0-9)
	scn_has '^\[ *[0-9]+\.[0-9]{6}\] sysrq: Show backtrace of all active CPUs$' ||
		{ why="no 'sysrq: Show backtrace of all active CPUs'"; return 1; }
	scn_has "^\\[ *[0-9]+\\.[0-9]{6}\\] CPU: 0 PID: $pid Comm: sh Not tainted " ||
		{ why="no 'CPU: 0 PID: $pid Comm: sh Not tainted' header"; return 1; }
	scn_has '^\[ *[0-9]+\.[0-9]{6}\] sysrq: HELP : reboot\(b\) crash\(c\) ' && return 0
	why="an unknown SysRq key did not print the help line"; return 1
}

# An unimplemented system call (swapoff, adjtimex: no swap, no NTP
# discipline yet) is logged once, at KERN_DEBUG: dmesg has it, the
# console never showed it (neither at boot nor now).
scenario_enosys_quiet() {
	scn_run enosys 'swapoff /tmp/noswap; adjtimex >/dev/null; dmesg | sed "s/^/ns:/"' 15 ||
		{ why="no marker"; return 1; }
	scn_has '^ns:.*unimplemented system call [0-9]+ \((swapoff|adjtimex)\) returns -ENOSYS$' ||
		{ why="dmesg has no 'unimplemented system call' line for swapoff or adjtimex"; return 1; }
	if scn_has '^\[ *[0-9]+\.[0-9]{6}\] .*unimplemented system call'; then
		why="the console showed: $(scn_screen | grep -aE '^\[ *[0-9.]+\] .*unimplemented system call' | head -n 1)"
		return 1
	fi
}

# vi puts the tty in raw mode: insert, Escape, :wq, then read the file.
scenario_vi() {
	scn_type 'cd /tmp; rm -f v.txt; vi v.txt\r'
	# vi switches to the alternate screen once the tty is in raw mode.
	scn_wait '\[\?1049h' 15 || { why="vi did not draw its screen"; return 1; }
	sleep 1
	scn_type 'i'
	sleep 0.5
	scn_type 'hello from vi'
	sleep 0.5
	scn_type '\033'
	sleep 1
	scn_type ':wq\r'
	sleep 1
	scn_run vi 'sed "s/^/vi:/" v.txt' 15 || { why="the shell did not come back after :wq"; return 1; }
	scn_has '^vi:hello from vi$' && return 0
	why="the file vi saved does not hold the typed text"; return 1
}

# vi on a file that exists: j dd x, the Up arrow (an escape sequence vi
# must tell from a lone Escape by polling the raw tty), A append, :wq.
scenario_vi_edit() {
	scn_run viemk 'cd /tmp; printf "one\\ntwo\\nthree\\n" > e.txt' 10 ||
		{ why="could not make e.txt"; return 1; }
	scn_type 'vi e.txt\r'
	scn_wait '\[1;1Hone' 15 || { why="vi did not draw e.txt"; return 1; }
	sleep 1
	scn_type 'jdd'
	sleep 0.5
	scn_type 'x'
	sleep 0.5
	scn_type '\033[A'
	sleep 0.5
	scn_type 'A END\033'
	sleep 1
	scn_type ':wq\r'
	sleep 1
	scn_run viedit 'sed "s/^/ve:/" e.txt' 15 || { why="the shell did not come back after :wq"; return 1; }
	[ "$(scn_screen | grep -a '^ve:' | tr '\n' ' ')" = "ve:one END ve:hree " ] && return 0
	why="vi saved $(scn_screen | grep -a '^ve:' | tr '\n' ' '), expected 'one END', 'hree'"
	return 1
}

# busybox's usleep sleeps what it is asked: batches of 50 x 10 ms and
# 50 x 1 ms, less 50 x 0 for the fork and exec each run costs, timed by
# /proc/uptime (10 ms resolution, 200 us a run).  Four rounds, and the
# quickest batch of each kind counts: a loaded host only adds time (it
# made a single 100-run batch average 12.5 ms), while a 250 Hz tick
# makes a 1 ms sleep 1-5 ms, ~3 on average.  1 ms must come under
# 2.5 ms (the tick's mark); 10 ms to 9.5-13 ms, generous because the
# host's own wake-up latency grows with the length of the halt (1.2 ms
# late at best for 10 ms, 0.2 for 1 ms, with three other VMs running).
scenario_sleep() {
	local u a b n best0='' best1='' best10='' ten one
	scn_run sleep 'for r in 1 2 3 4; do for u in 0 10000 1000; do read a x </proc/uptime; for i in $(seq 50); do usleep $u; done; read b x </proc/uptime; echo slp:$u:$a:$b; done; done' 90 ||
		{ why="no marker"; return 1; }
	while IFS=: read -r _ u a b; do
		n=$(( 10#${b/./} - 10#${a/./} ))
		case $u in
		0) [ -z "$best0" ] || [ "$n" -lt "$best0" ] && best0=$n ;;
		10000) [ -z "$best10" ] || [ "$n" -lt "$best10" ] && best10=$n ;;
		1000) [ -z "$best1" ] || [ "$n" -lt "$best1" ] && best1=$n ;;
		esac
	done < <(scn_screen | grep -aE '^slp:[0-9]+:[0-9.]+:[0-9.]+$')
	[ -n "$best0" ] && [ -n "$best1" ] && [ -n "$best10" ] || { why="no measurement"; return 1; }
	# centiseconds per 50 runs -> microseconds per run: x 10000 / 50
	ten=$(( (best10 - best0) * 200 )) one=$(( (best1 - best0) * 200 ))
	[ "$ten" -ge 9500 ] && [ "$ten" -lt 13000 ] && [ "$one" -lt 2500 ] && return 0
	why="usleep 10000 took $ten us, usleep 1000 $one us at best"; return 1
}

# An idle system takes no tick: over 2 s of `sleep 2` the local timer
# interrupt count may rise by a handful (the sleep's own wake-up), not
# by the 500 a 250 Hz tick would add.
scenario_idle_tick() {
	local a b
	scn_run idle 'a=$(grep LOC: /proc/interrupts); sleep 2; b=$(grep LOC: /proc/interrupts); echo "loc:${a#*:} ${b#*:}"' 20 ||
		{ why="no marker"; return 1; }
	# shellcheck disable=SC2046 # two numbers, split on purpose
	set -- $(scn_screen | grep -aE '^loc: ' | tail -n 1 | cut -d: -f2)
	a=$1 b=$5
	[ -n "$a" ] && [ -n "$b" ] || { why="no LOC counts"; return 1; }
	[ $((b - a)) -lt 50 ] && return 0
	why="$((b - a)) local timer interrupts in 2 s of idle"; return 1
}

# The deferred-work machinery is visible: per-CPU ksoftirqd and kworker
# threads in ps, /proc/softirqs in Linux's layout with timers counted.
scenario_softirqs() {
	scn_run softirqs 'ps | grep -E "\[(ksoftirqd|kworker)" | sed "s/^/ps:/"; sed "s/^/si:/" /proc/softirqs' 15 ||
		{ why="no marker"; return 1; }
	scn_has '^ps:.*\[ksoftirqd/0\]$' && scn_has '^ps:.*\[kworker/0:0\]$' &&
		scn_has '^ps:.*\[kworker/0:0H\]$' && scn_has '^ps:.*\[kworker/u2:0\]$' ||
		{ why="no ksoftirqd/0, kworker/0:0, kworker/0:0H and kworker/u2:0 in ps"; return 1; }
	scn_has '^si:                    CPU0       $' &&
		scn_has '^si:          HI:          [0-9]+$' &&
		scn_has '^si:       TIMER: +[1-9][0-9]*$' &&
		scn_has '^si:         RCU: +[0-9]+$' && return 0
	why="/proc/softirqs is not in Linux's layout"; return 1
}

# busybox syslogd binds /dev/log (an AF_UNIX datagram socket) and logger
# sends to it; /proc/net/unix lists the socket.
scenario_syslog() {
	scn_run syslog 'mkdir -p /var/log; syslogd -O /var/log/messages; sleep 1; logger -t lantern hello-syslog; sleep 1; grep hello-syslog /var/log/messages | sed "s/^/log:/"; grep /dev/log /proc/net/unix | sed "s/^/un:/"; killall syslogd' 30 ||
		{ why="no marker"; return 1; }
	scn_has '^log:.* lantern: hello-syslog$' || { why="logger's message is not in /var/log/messages"; return 1; }
	scn_has '^un:.* 0002 01 +[0-9]+ /dev/log$' && return 0
	why="/dev/log is not in /proc/net/unix"; return 1
}

# The loopback interface as ifconfig shows it (SIOCGIFCONF, SIOCGIFFLAGS,
# SIOCGIFADDR... and /proc/net/dev), and ping over it (a raw ICMP socket,
# as root): lo is up at boot with 127.0.0.1/8.
scenario_ifconfig() {
	scn_run ifconfig 'ifconfig | sed "s/^/if:/"' 15 || { why="no marker"; return 1; }
	scn_has '^if:lo +Link encap:Local Loopback' &&
		scn_has '^if: +inet addr:127\.0\.0\.1 +Mask:255\.0\.0\.0$' &&
		scn_has '^if: +UP LOOPBACK RUNNING +MTU:65536 +Metric:1$' && return 0
	why="'ifconfig' did not show lo up with 127.0.0.1/8"; return 1
}

scenario_ping() {
	scn_run ping 'ping -c 2 127.0.0.1 | sed "s/^/pg:/"' 20 || { why="no marker"; return 1; }
	scn_has '^pg:64 bytes from 127\.0\.0\.1: seq=1 ttl=64 time=' &&
		scn_has '^pg:2 packets transmitted, 2 packets received, 0% packet loss$' && return 0
	why="'ping -c 2 127.0.0.1' did not get two replies"; return 1
}

# TCP over lo with busybox's own tools: httpd serves a page, wget fetches
# it, netstat -tn (which reads /proc/net/tcp) shows the listener.
scenario_tcp_http() {
	scn_run tcphttp 'mkdir -p /tmp/www && echo hello-over-tcp > /tmp/www/index.html && httpd -p 127.0.0.1:8080 -h /tmp/www && wget -q -O - http://127.0.0.1:8080/index.html | sed "s/^/wg:/"; netstat -tln | sed "s/^/tn:/"; killall httpd' 30 ||
		{ why="no marker"; return 1; }
	scn_has '^wg:hello-over-tcp$' ||
		{ why="wget did not fetch the page from httpd over 127.0.0.1"; return 1; }
	scn_has '^tn:tcp +0 +0 127\.0\.0\.1:8080 +0\.0\.0\.0:\* +LISTEN *$' && return 0
	why="netstat -tln did not list httpd's listener"; return 1
}

# With lo's MTU lowered, a 3000-byte ping leaves in fragments and its reply
# comes back reassembled; the counters of /proc/net/snmp show both.
scenario_ping_fragments() {
	scn_run pingfrag 'ifconfig lo mtu 1500 && ping -c 1 -s 3000 127.0.0.1 | sed "s/^/pf:/"; ifconfig lo mtu 65536; grep Ip: /proc/net/snmp | sed "s/^/sn:/"' 20 ||
		{ why="no marker"; return 1; }
	scn_has '^pf:3008 bytes from 127\.0\.0\.1: seq=0 ttl=64 time=' ||
		{ why="no reply to a 3000-byte ping over a 1500-byte MTU"; return 1; }
	scn_has '^sn:Ip: 2 64 [0-9 ]+$' && return 0
	why="/proc/net/snmp has no Ip counters"; return 1
}

# busybox ip over rtnetlink: the link and address dumps, a route added,
# listed and deleted, an MTU set, and 'ip route get'.
scenario_ip() {
	scn_run ip 'ip addr | sed "s/^/ia:/"; ip route add 10.20.0.0/16 dev lo && ip route | sed "s/^/ir:/"; ip route del 10.20.0.0/16 dev lo; ip route | sed "s/^/iR:/"; ip link set lo mtu 1500 && ip link | sed "s/^/il:/"; ip link set lo mtu 65536; ip route get 127.0.0.9 | sed "s/^/ig:/"' 20 ||
		{ why="no marker"; return 1; }
	scn_has '^ia:1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 ' &&
		scn_has '^ia: +inet 127\.0\.0\.1/8 scope host lo$' ||
		{ why="'ip addr' did not show lo with 127.0.0.1/8"; return 1; }
	scn_has '^ir:10\.20\.0\.0/16 dev lo ' && ! scn_has '^iR:10\.20\.0\.0/16' ||
		{ why="'ip route add/del' did not add and remove the route"; return 1; }
	scn_has '^il:1: lo: <LOOPBACK,UP,LOWER_UP> mtu 1500 ' ||
		{ why="'ip link set lo mtu 1500' did not show"; return 1; }
	scn_has '^ig:local 127\.0\.0\.9 dev lo ' && return 0
	why="'ip route get 127.0.0.9' did not answer local via lo"; return 1
}

# The virtio-net NIC on QEMU's restricted user network: busybox udhcpc
# leases 10.0.2.15 (AF_PACKET sockets, /etc/udhcpc/default.script), the
# gateway answers ping, and ARP has learned its address.
scenario_udhcpc() {
	scn_run udhcpc 'udhcpc -i eth0 -n -q 2>&1 | sed "s/^/du:/"; ifconfig eth0 | sed "s/^/dh:/"; ping -c 1 10.0.2.2 | sed "s/^/dg:/"; sed "s/^/da:/" /proc/net/arp' 40 ||
		{ why="no marker"; return 1; }
	scn_has '^dh: +inet addr:10\.0\.2\.15 +Bcast:10\.0\.2\.255 +Mask:255\.255\.255\.0$' ||
		{ why="udhcpc did not configure eth0 as 10.0.2.15/24"; return 1; }
	scn_has '^dg:1 packets transmitted, 1 packets received' ||
		{ why="the gateway 10.0.2.2 did not answer ping"; return 1; }
	scn_has '^da:10\.0\.2\.2 +0x1 +0x2 +52:55:0a:00:02:02 +\* +eth0$' && return 0
	why="/proc/net/arp does not list the gateway"; return 1
}

scenario_poweroff() {
	scn_type 'poweroff\r'
	wait "$SCN_QEMU"
	status=$?
	[ "$status" -eq 0 ] || { why="QEMU exit status $status, expected 0"; return 1; }
	scn_has 'reboot: Power down' || { why="no power-down message"; return 1; }
}

scn_scenario() {
	local name=$1 ret
	why=""
	if ! kill -0 "$SCN_QEMU" 2>/dev/null; then
		scn_result "$name" fail "the VM is gone"
		return
	fi
	"scenario_${name//-/_}"
	ret=$?
	case $ret in
	0) scn_result "$name" pass ;;
	*) scn_result "$name" fail "${why:-failed}" ;;
	esac
}

run_scenario_tests() {
	local fifo=$LOGDIR/.scenario-in name
	SCN_LOG=$LOGDIR/scenario.log
	[[ -z "$FILTER" || "scenario/" == *"$FILTER"* || "$FILTER" == scenario* ]] || return 0
	[ -f "$SCN_INITRD" ] || { fail scenario/build "$SCN_INITRD missing: run make"; return; }
	rm -f "$fifo" && mkfifo "$fifo"
	exec 7<>"$fifo"
	QEMU_ACCEL=$ACCEL QEMU_TIMEOUT=$SCN_TIMEOUT "$ROOT/tools/qemu-run.sh" \
		-kernel "$BUILD/vmlinux" -initrd "$SCN_INITRD" -append "console=ttyS0" \
		-netdev user,id=net0,restrict=on -device virtio-net-pci,netdev=net0 \
		<"$fifo" >"$SCN_LOG" 2>&1 &
	SCN_QEMU=$!
	if ! scn_wait 'lantern:.*# ' 60; then
		fail scenario/boot "no shell prompt within 60 s (log: ${SCN_LOG#"$ROOT"/})"
		kill -KILL "$SCN_QEMU" 2>/dev/null
	else
		selected scenario/boot && pass scenario/boot
		for name in file ls cd redirect script ctrl-c job-control pipe \
				ps ps-threads kill unshare-pid find grep sed awk sort-uniq meminfo dmesg devtmpfs kmsg urandom \
				enosys-quiet dmesg-restrict sysrq-backtrace vi vi-edit \
				sleep idle-tick softirqs syslog ifconfig ping ping-fragments ip udhcpc tcp-http poweroff; do
			scn_scenario "$name"
		done
	fi
	kill -KILL "$SCN_QEMU" 2>/dev/null
	wait "$SCN_QEMU" 2>/dev/null
	exec 7>&-
	rm -f "$fifo"
}

run_scenario_tests
