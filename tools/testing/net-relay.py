#!/usr/bin/env python3
"""Relay stdin/stdout to a TCP server: QEMU's guestfwd=...-cmd: runs this
once per guest connection, so a guest can reach a server on the host's
loopback while the user network stays restricted.

    net-relay.py HOST PORT
"""
import os
import select
import socket
import sys


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    sock = socket.create_connection((host, port), timeout=30)
    sock.settimeout(None)
    inp, out = sys.stdin.fileno(), sys.stdout.fileno()
    open_in = True
    while True:
        ready, _, _ = select.select([sock] + ([inp] if open_in else []), [], [])
        if inp in ready:
            data = os.read(inp, 65536)
            if data:
                sock.sendall(data)
            else:
                open_in = False
                sock.shutdown(socket.SHUT_WR)
        if sock in ready:
            data = sock.recv(65536)
            if not data:
                break
            os.write(out, data)


if __name__ == "__main__":
    main()
