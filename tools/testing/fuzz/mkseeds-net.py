#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# The network fuzz target's seed corpus: valid frames from the gateway
# (10.0.2.2, 52:55:0a:00:02:02) to eth0 (10.0.2.15, 52:54:00:12:34:56), in
# fuzz_net.c's input format (per frame: u16 little-endian length, u8
# flags, the frame), so mutations start from every protocol the receive
# path parses: ARP request and reply, ICMP echo request and reply (to the
# ping socket's identifier), an ICMP error quoting a UDP datagram, UDP to
# the bound ports and to a closed one (port unreachable), a broadcast,
# IP options, a datagram in three fragments (in order, reversed,
# overlapping), a frame for another host; and TCP: a handshake with the
# listener on port 80 (SYN with every option, ACK, data, FIN), segments
# for the connection fuzz_net.c establishes before each input (data, out
# of order, window probe, FIN, RST, ICMP errors quoting it), and segments
# for a closed port.
#
# The TCP sequence numbers are the ones fuzz_net.c's fixed random numbers
# give (FUZZ_VERBOSE=1 prints what the stack sends): the connection's
# ISN CLIENT_ISN, the listener's answer to a first-frame SYN LISTEN_ISN.
# Should the stack draw its random numbers in another order they drift,
# and those seeds reach only the handshake and the window checks.
#
# usage: mkseeds-net.py <outdir>
import os
import struct
import sys

ETH0 = bytes.fromhex("525400123456")
GW = bytes.fromhex("52550a000202")
BCAST = b"\xff" * 6
ME = bytes([10, 0, 2, 15])
GWIP = bytes([10, 0, 2, 2])


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def eth(payload, proto=0x0800, dst=ETH0, src=GW):
    return dst + src + struct.pack("!H", proto) + payload


def ip(proto, payload, src=GWIP, dst=ME, ident=1, frag=0, options=b"", ttl=64):
    ihl = 5 + len(options) // 4
    hdr = struct.pack("!BBHHHBBH4s4s", (4 << 4) | ihl, 0, ihl * 4 + len(payload), ident,
                      frag, ttl, proto, 0, src, dst) + options
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return hdr + payload


def udp(sport, dport, data, src=GWIP, dst=ME):
    length = 8 + len(data)
    pseudo = src + dst + struct.pack("!BBH", 0, 17, length)
    hdr = struct.pack("!HHHH", sport, dport, length, 0)
    c = csum(pseudo + hdr + data) or 0xffff
    return struct.pack("!HHHH", sport, dport, length, c) + data


CLIENT_ISN = 723471715     # 10.0.2.15:40000 -> 10.0.2.2:8080
PEER_ISN = 0x10000000      # the harness's SYN-ACK for it
LISTEN_ISN = 2064144800    # 10.0.2.15:80's SYN-ACK to the first SYN


def tcp(sport, dport, seq, ack, flags, data=b"", options=b"", src=GWIP, dst=ME, window=65535):
    doff = (20 + len(options)) // 4
    hdr = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, doff << 4, flags, window, 0, 0) + options
    pseudo = src + dst + struct.pack("!BBH", 0, 6, len(hdr) + len(data))
    c = csum(pseudo + hdr + data)
    return hdr[:16] + struct.pack("!H", c) + hdr[18:] + data


FIN, SYN, RST, PSH, ACK = 0x01, 0x02, 0x04, 0x08, 0x10


def icmp(typ, code, rest, data):
    msg = struct.pack("!BBH", typ, code, 0) + rest + data
    return msg[:2] + struct.pack("!H", csum(msg)) + msg[4:]


def arp(op, sha, spa, tha, tpa):
    return struct.pack("!HHBBH", 1, 0x0800, 6, 4, op) + sha + spa + tha + tpa


# Flags 6: the harness keeps the checksums right whatever a mutation does
# (fuzz_net.c); the *-raw-checksums seeds leave them to the stack.
def record(frame, flags=6):
    return struct.pack("<HB", len(frame), flags) + frame


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    seeds = {}
    seeds["arp-request"] = record(eth(arp(1, GW, GWIP, b"\0" * 6, ME), 0x0806, BCAST))
    seeds["arp-reply"] = record(eth(arp(2, bytes.fromhex("52550a000203"), bytes([10, 0, 2, 3]),
                                        ETH0, ME), 0x0806))
    seeds["icmp-echo"] = record(eth(ip(1, icmp(8, 0, struct.pack("!HH", 0x4242, 1), b"ping" * 8))))
    seeds["icmp-echo-reply"] = record(eth(ip(1, icmp(0, 0, struct.pack("!HH", 0x1234, 1),
                                                     b"pong" * 8))))
    quoted = ip(17, udp(7, 4444, b"x" * 8, src=ME, dst=GWIP), src=ME, dst=GWIP)
    seeds["icmp-port-unreachable"] = record(eth(ip(1, icmp(3, 3, b"\0" * 4, quoted[:28]))))
    seeds["udp-bound"] = record(eth(ip(17, udp(40000, 7, b"hello, udp"))))
    seeds["udp-any"] = record(eth(ip(17, udp(40001, 53, b"\x12\x34" + b"\0" * 10))))
    seeds["udp-closed-port"] = record(eth(ip(17, udp(40002, 9999, b"nobody"))))
    seeds["udp-broadcast"] = record(eth(ip(17, udp(68, 53, b"bcast"), dst=bytes([10, 0, 2, 255])),
                                        dst=BCAST))
    seeds["udp-checksum-offloaded"] = record(eth(ip(17, udp(40003, 7, b"valid"))), 1)
    seeds["udp-raw-checksums"] = record(eth(ip(17, udp(40006, 7, b"checked"))), 0)
    seeds["icmp-raw-checksums"] = record(eth(ip(1, icmp(8, 0, struct.pack("!HH", 1, 2), b"abc"))), 0)
    seeds["ip-options"] = record(eth(ip(17, udp(40004, 7, b"opts"),
                                        options=bytes([7, 7, 4, 0, 0, 0, 0, 1]))))
    seeds["other-host"] = record(eth(ip(17, udp(1, 7, b"not mine")), dst=bytes.fromhex("020000000001")))
    seeds["several"] = (seeds["arp-request"] + seeds["icmp-echo"] + seeds["udp-bound"])

    # One UDP datagram of 64 payload bytes in three fragments (offsets 0, 24, 48).
    whole = udp(40005, 7, bytes(range(56)))
    parts = [whole[0:24], whole[24:48], whole[48:]]
    frags = []
    for i, p in enumerate(parts):
        more = 0x2000 if i < len(parts) - 1 else 0
        frags.append(record(eth(ip(17, p, ident=0x77, frag=more | (i * 24 // 8)))))
    seeds["fragments"] = b"".join(frags)
    seeds["fragments-reversed"] = b"".join(reversed(frags))
    overlap = record(eth(ip(17, whole[16:40], ident=0x77, frag=0x2000 | 2)))
    seeds["fragments-overlap"] = frags[0] + overlap + frags[1] + frags[2]
    seeds["fragment-timeout"] = frags[0] + struct.pack("<HB", 0, 0xf0)  # 15 s pass, then nothing
    # TCP: the listener.  Options: MSS 1460, SACK permitted, timestamps, window scale 7.
    opts = bytes([2, 4, 5, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7])
    syn = record(eth(ip(6, tcp(5555, 80, 1000, 0, SYN, options=opts))))
    seeds["tcp-syn"] = syn
    la = LISTEN_ISN + 1
    seeds["tcp-handshake-data-fin"] = (
        syn + record(eth(ip(6, tcp(5555, 80, 1001, la, ACK)))) +
        record(eth(ip(6, tcp(5555, 80, 1001, la, PSH | ACK, b"GET / HTTP/1.0\r\n\r\n")))) +
        record(eth(ip(6, tcp(5555, 80, 1019, la, FIN | ACK)))))
    seeds["tcp-syn-closed-port"] = record(eth(ip(6, tcp(5556, 81, 77, 0, SYN))))
    seeds["tcp-ack-closed-port"] = record(eth(ip(6, tcp(5557, 81, 77, 99, ACK))))

    # TCP: the established connection.
    # The connection has 100 bytes of its own in flight: c is the first
    # of them, c + 100 acknowledges them all.
    p, c = PEER_ISN + 1, CLIENT_ISN + 1

    def seg(seq, flags, data=b"", ack=c + 100, window=65535):
        return record(eth(ip(6, tcp(8080, 40000, seq, ack, flags, data, window=window))))
    seeds["tcp-data"] = seg(p, PSH | ACK, b"hello, tcp") + seg(p + 10, PSH | ACK, b"more")
    seeds["tcp-out-of-order"] = (seg(p + 8, ACK, b"89abcdef") + seg(p + 20, ACK, b"klmn") +
                                 seg(p, ACK, b"01234567") + seg(p + 16, ACK, b"ghij"))
    seeds["tcp-zero-window"] = seg(p, ACK, window=0) + struct.pack("<HB", 0, 0x30) + seg(p, ACK)
    seeds["tcp-fin"] = seg(p, PSH | ACK, b"bye") + seg(p + 3, FIN | ACK)
    seeds["tcp-rst"] = seg(p, RST)
    seeds["tcp-rst-out-of-window"] = seg(p + 100000, RST)
    seeds["tcp-syn-in-established"] = seg(p, SYN)
    seeds["tcp-partial-and-dup-acks"] = (seg(p, ACK, ack=c + 40) + seg(p, ACK, ack=c + 40) +
                                         seg(p, ACK, ack=c + 40) + seg(p, ACK, ack=c + 40))
    # ICMP errors about the connection: fragmentation needed (MTU 576), port unreachable.
    ours = ip(6, tcp(40000, 8080, c, p, ACK, b"data", src=ME, dst=GWIP), src=ME, dst=GWIP)
    seeds["tcp-icmp-frag-needed"] = record(eth(ip(1, icmp(3, 4, struct.pack("!HH", 0, 576),
                                                          ours[:28]))))
    seeds["tcp-icmp-unreachable"] = record(eth(ip(1, icmp(3, 3, b"\0" * 4, ours[:28]))))
    for name, data in seeds.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


main()
