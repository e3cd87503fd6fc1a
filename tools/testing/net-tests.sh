# Network tests, sourced by tools/run-tests.sh: boot the busybox initramfs
# with a virtio-net NIC on QEMU's user-mode network and type at its shell
# (tools/testing/serial-lib.sh), as a person checking a network would.
# One PASS/FAIL line per test, named net/<name>.
#
# The network is QEMU's "slirp" with restrict=on: the guest is 10.0.2.15
# by DHCP, 10.0.2.2 is the virtual gateway (it answers ARP and ping), and
# nothing leaves the host.  With restrict=on QEMU's DHCP offers no router
# and no DNS server, and the guest reaches the host only through the
# forwards the test asks for: guestfwd takes the guest's connections to
# 10.0.2.100:80 to a web server on the host's loopback, hostfwd takes a
# port of the host's loopback to the guest's port 8080 (and another to
# 8099, where nothing listens).
#
# With --linux the same initramfs boots Debian's kernel (the oracle), with
# its virtio and virtio_net modules added and listed in /etc/modules,
# which the busybox rcS loads; the commands and the expected screens are
# the same.
# shellcheck shell=bash
# Commands typed at the guest are in single quotes so that this shell does
# not expand them (SC2016); "cmd && check || { why=...; return 1; }"
# fails when either part does (SC2015).
# shellcheck disable=SC2015,SC2016

NET_TIMEOUT=240

# shellcheck source=tools/testing/serial-lib.sh
source "$ROOT/tools/testing/serial-lib.sh"

net_result() {
	local name=net/$1
	selected "$name" || return 0
	case "$2" in
	pass) pass "$name" ;;
	*) fail "$name" "$3 (log: ${SCN_LOG#"$ROOT"/})" ;;
	esac
}

# What the gateway answers ARP with: slirp's MAC for 10.0.2.2.
NET_GW_MAC=52:55:0a:00:02:02
# QEMU's default MAC for the first NIC.
NET_MAC=52:54:00:12:34:56

net_dhcp() {
	scn_run dhcp 'ifconfig eth0 | sed "s/^/if:/"' 20 || { why="no marker"; return 1; }
	scn_has '^if:.*inet addr:10\.0\.2\.15 +Bcast:10\.0\.2\.255 +Mask:255\.255\.255\.0' ||
		{ why="eth0 did not get 10.0.2.15/24 by DHCP"; return 1; }
	scn_has '^if:.*UP BROADCAST (RUNNING )?MULTICAST +MTU:1500' ||
		{ why="eth0 is not up with MTU 1500"; return 1; }
	scn_run route 'route -n | sed "s/^/rt:/"' 20 &&
		scn_has '^rt:10\.0\.2\.0 +0\.0\.0\.0 +255\.255\.255\.0 +U +0 +0 +0 +eth0$' ||
		{ why="no connected route for 10.0.2.0/24"; return 1; }
}

net_sysfs() {
	scn_run sysfs 'for f in address operstate mtu type carrier; do echo "sy:$f=$(cat /sys/class/net/eth0/$f)"; done' 20 ||
		{ why="no marker"; return 1; }
	scn_has "^sy:address=$NET_MAC\$" && scn_has '^sy:operstate=up$' && scn_has '^sy:mtu=1500$' &&
		scn_has '^sy:type=1$' && scn_has '^sy:carrier=1$' && return 0
	why="/sys/class/net/eth0 does not describe an Ethernet NIC that is up"; return 1
}

net_ping_gateway() {
	scn_run ping 'ping -c 3 -W 5 10.0.2.2 | sed "s/^/pg:/"' 40 || { why="no marker"; return 1; }
	scn_has '^pg:64 bytes from 10\.0\.2\.2: seq=0 ttl=255' &&
		scn_has '^pg:3 packets transmitted, 3 packets received, 0% packet loss$' && return 0
	why="ping of the gateway lost replies"; return 1
}

net_arp_cache() {
	scn_run arp 'cat /proc/net/arp | sed "s/^/ar:/"; arp -n | sed "s/^/an:/"' 20 || { why="no marker"; return 1; }
	scn_has '^ar:IP address +HW type +Flags +HW address +Mask +Device$' ||
		{ why="/proc/net/arp has no header"; return 1; }
	scn_has "^ar:10\\.0\\.2\\.2 +0x1 +0x2 +$NET_GW_MAC +\\* +eth0\$" ||
		{ why="the gateway is not a complete entry in /proc/net/arp"; return 1; }
	scn_has "^an:\\? \\(10\\.0\\.2\\.2\\) at $NET_GW_MAC \\[ether\\] +on eth0\$" ||
		{ why="arp -n does not show the gateway"; return 1; }
}

# SIOCSARP/SIOCDARP through busybox arp: a permanent entry, then gone.
net_arp_ioctl() {
	scn_run arps 'arp -s 10.0.2.77 02:00:00:00:00:77 && grep "^10.0.2.77 " /proc/net/arp | sed "s/^/as:/"; arp -d 10.0.2.77 && echo "ad:$(grep -c "^10.0.2.77 " /proc/net/arp)"' 20 ||
		{ why="no marker"; return 1; }
	scn_has '^as:10\.0\.2\.77 +0x1 +0x6 +02:00:00:00:00:77 +\* +eth0$' ||
		{ why="arp -s did not make a permanent complete entry"; return 1; }
	scn_has '^ad:0$' || { why="arp -d left the entry"; return 1; }
}

# Nobody has 10.0.2.99: the requests go unanswered and the entry fails.
net_arp_unanswered() {
	scn_run arpu 'ping -c 1 -W 5 10.0.2.99 | sed "s/^/pu:/"; grep "^10.0.2.99 " /proc/net/arp | sed "s/^/au:/"' 40 ||
		{ why="no marker"; return 1; }
	scn_has '^pu:1 packets transmitted, 0 packets received, 100% packet loss$' ||
		{ why="a ping to nobody was answered"; return 1; }
	scn_has '^au:10\.0\.2\.99 +0x1 +0x0 +00:00:00:00:00:00 +\* +eth0$' && return 0
	why="the unanswered neighbour is not an incomplete entry"; return 1
}

# busybox arping: ARP through an AF_PACKET socket, both ways.
net_arping() {
	scn_run arping 'arping -c 2 -w 5 -I eth0 10.0.2.2 | sed "s/^/ap:/"' 30 || { why="no marker"; return 1; }
	scn_has "^ap:Unicast reply from 10\\.0\\.2\\.2 \\[$NET_GW_MAC\\]" &&
		scn_has '^ap:Received 2 response' && return 0
	why="arping got no replies through its packet socket"; return 1
}

# The counters move with the traffic the tests above made.
net_counters() {
	scn_run cnt 'echo "ct:$(cat /sys/class/net/eth0/statistics/rx_packets) $(cat /sys/class/net/eth0/statistics/tx_packets)"; grep eth0: /proc/net/dev | sed "s/^ */nd:/"' 20 ||
		{ why="no marker"; return 1; }
	scn_has '^ct:[1-9][0-9]* [1-9][0-9]*$' || { why="eth0's statistics did not count the traffic"; return 1; }
	scn_has '^nd:eth0: +[1-9][0-9]* +[1-9][0-9]* +0 +0 ' && return 0
	why="/proc/net/dev does not count eth0's traffic"; return 1
}

# TCP out through QEMU: a guestfwd maps 10.0.2.100:80 in the guest to the
# web server this script runs on the host's loopback.  A 4 MiB file of
# random bytes must arrive whole (its sha256 compared with the host's).
net_wget_host() {
	scn_run wget 'wget -q -O /tmp/blob http://10.0.2.100/blob && sha256sum /tmp/blob | sed "s/^/ws:/"; wget -q -O - http://10.0.2.100/hello.txt | sed "s/^/wh:/"' 120 ||
		{ why="no marker"; return 1; }
	scn_has "^wh:$NET_HELLO\$" || { why="wget of a small page from the host failed"; return 1; }
	scn_has "^ws:$NET_BLOB_SUM +/tmp/blob\$" && return 0
	why="the 4 MiB download is not what the host served"; return 1
}

# TCP in through QEMU: a hostfwd maps the host's 127.0.0.1:$NET_FWD_PORT to
# port 8080 in the guest, where busybox httpd serves a page.
net_hostfwd() {
	local got
	scn_run httpd 'mkdir -p /www && echo "guest-page-$((6 * 7))" > /www/index.html && httpd -p 8080 -h /www && echo hd:ok' 20 &&
		scn_has '^hd:ok$' || { why="busybox httpd did not start"; return 1; }
	got=$(python3 - "$NET_FWD_PORT" <<'PY'
import sys, urllib.request
try:
    print(urllib.request.urlopen("http://127.0.0.1:%s/" % sys.argv[1], timeout=30).read().decode().strip())
except Exception as e:
    print("error: %s" % e)
PY
)
	[ "$got" = guest-page-42 ] && return 0
	why="the host fetched '$got' from the guest's httpd"; return 1
}

# A burst of connections from the host: 200 opened at once to the guest's
# httpd (each a SYN from QEMU into the guest, held open two seconds) and
# 200 to a guest port where nothing listens (each answered by a reset).
# Afterwards the guest's shell answers and its httpd still serves.
net_syn_burst() {
	local got
	got=$(python3 - "$NET_FWD_PORT" "$NET_FWD2_PORT" <<'PY'
import socket, sys, time, urllib.request
def burst(port, n):
    socks = []
    for _ in range(n):
        s = socket.socket()
        s.setblocking(False)
        s.connect_ex(("127.0.0.1", port))
        socks.append(s)
    time.sleep(2)
    for s in socks:
        s.close()
burst(int(sys.argv[1]), 200)
burst(int(sys.argv[2]), 200)
time.sleep(1)
try:
    print(urllib.request.urlopen("http://127.0.0.1:%s/" % sys.argv[1], timeout=60).read().decode().strip())
except Exception as e:
    print("error: %s" % e)
PY
)
	[ "$got" = guest-page-42 ] || { why="after the burst the host fetched '$got'"; return 1; }
	scn_run alive 'echo "al:$((6 * 7))"' 60 && scn_has '^al:42$' && return 0
	why="the guest's shell did not answer after the burst"; return 1
}

# A free TCP port on the host's loopback.
net_free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# net_host_server: the host's web server for net/wget-host, in $LOGDIR/net-www.
net_host_server() {
	local dir=$LOGDIR/net-www
	rm -rf "$dir" && mkdir -p "$dir"
	NET_HELLO="hello-from-the-host-$$"
	echo "$NET_HELLO" > "$dir/hello.txt"
	head -c 4194304 /dev/urandom > "$dir/blob"
	NET_BLOB_SUM=$(sha256sum "$dir/blob" | cut -d' ' -f1)
	NET_WWW_PORT=$(net_free_port)
	NET_FWD_PORT=$(net_free_port)
	NET_FWD2_PORT=$(net_free_port)
	python3 -m http.server "$NET_WWW_PORT" --bind 127.0.0.1 --directory "$dir" \
		>"$LOGDIR/net-www.log" 2>&1 &
	NET_WWW_PID=$!
}

# The modules Debian's kernel needs for a virtio NIC, in load order.
NET_LINUX_MODULES="drivers/virtio/virtio_ring drivers/virtio/virtio drivers/virtio/virtio_pci_legacy_dev
	drivers/virtio/virtio_pci_modern_dev drivers/virtio/virtio_pci net/core/failover
	drivers/net/net_failover drivers/net/virtio_net"

# net_linux_initrd KERNEL: the busybox initramfs plus KERNEL's modules.
net_linux_initrd() {
	local ver dir=$BUILD/net-linux-root m out=$BUILD/initramfs-net-linux.cpio
	ver=$(basename "$1"); ver=${ver#vmlinuz-}
	rm -rf "$dir" && mkdir -p "$dir/lib/modules/net" "$dir/etc"
	for m in $NET_LINUX_MODULES; do
		cp "/lib/modules/$ver/kernel/$m.ko" "$dir/lib/modules/net/" || return 1
		echo "/lib/modules/net/${m##*/}.ko" >> "$dir/etc/modules"
	done
	"$ROOT/tools/initramfs-add.sh" "$BUILD" "$dir" "$out" || return 1
	echo "$out"
}

run_net_tests() {
	local fifo=$LOGDIR/.net-in name kernel=$BUILD/vmlinux initrd=$BUILD/initramfs-busybox.cpio.gz
	SCN_LOG=$LOGDIR/net.log
	[[ -z "$FILTER" || "net/" == *"$FILTER"* || "$FILTER" == net* ]] || return 0
	[ -f "$initrd" ] || { fail net/build "$initrd missing: run make"; return; }
	# The host side (web server, relay, the test's fetches) is Python.
	"$ROOT/scripts/deps.sh" python3 >&2 || { fail net/build "python3 is missing"; return; }
	if [ "$LINUX" = 1 ]; then
		kernel=$(debian_kernel)
		[ -n "$kernel" ] || { fail net/boot "no /boot/vmlinuz-* (package linux-image-amd64)"; return; }
		initrd=$(net_linux_initrd "$kernel") || { fail net/boot "no virtio modules for $kernel"; return; }
	fi
	net_host_server
	rm -f "$fifo" && mkfifo "$fifo"
	exec 7<>"$fifo"
	QEMU_ACCEL=$ACCEL QEMU_TIMEOUT=$NET_TIMEOUT "$ROOT/tools/qemu-run.sh" \
		-kernel "$kernel" -initrd "$initrd" -append "console=ttyS0" \
		-netdev "user,id=n0,restrict=on,guestfwd=tcp:10.0.2.100:80-cmd:$ROOT/tools/testing/net-relay.py 127.0.0.1 $NET_WWW_PORT,hostfwd=tcp:127.0.0.1:$NET_FWD_PORT-:8080,hostfwd=tcp:127.0.0.1:$NET_FWD2_PORT-:8099" \
		-device virtio-net-pci,netdev=n0 \
		<"$fifo" >"$SCN_LOG" 2>&1 &
	SCN_QEMU=$!
	if ! scn_wait 'lantern:.*# ' 90; then
		fail net/boot "no shell prompt within 90 s (log: ${SCN_LOG#"$ROOT"/})"
	else
		selected net/boot && pass net/boot
		# DHCP runs in the background from rcS: give it a moment.
		scn_run lease 'for i in 1 2 3 4 5 6 7 8 9 10; do ifconfig eth0 | grep -q "inet addr" && break; sleep 1; done' 30
		for name in dhcp sysfs ping-gateway arp-cache arp-ioctl arp-unanswered arping \
				wget-host hostfwd syn-burst counters; do
			why=""
			if ! kill -0 "$SCN_QEMU" 2>/dev/null; then
				net_result "$name" fail "the VM is gone"
				continue
			fi
			if "net_${name//-/_}"; then
				net_result "$name" pass
			else
				net_result "$name" fail "${why:-failed}"
			fi
		done
	fi
	kill -KILL "$SCN_QEMU" "$NET_WWW_PID" 2>/dev/null
	wait "$SCN_QEMU" "$NET_WWW_PID" 2>/dev/null
	exec 7>&-
	rm -f "$fifo"
}

run_net_tests
