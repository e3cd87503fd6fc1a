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
# overlapping), and a frame for another host.
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
    for name, data in seeds.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


main()
