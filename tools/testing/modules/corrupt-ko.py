#!/usr/bin/env python3
"""Damaged copies of a good .ko, each of which the loader must refuse with
an error code (never an oops):

  truncated    the image cut short, inside its section contents
  shoff        section headers said to lie past the end of the file
  reloc        the first relocation given a type x86-64 does not have
  symsection   the first defined symbol pointed at a section that does not exist
  notrel       e_type changed from ET_REL to ET_EXEC
  vermagic     built for another kernel: the vermagic's first letter changed

  corrupt-ko.py GOOD.ko OUTDIR
"""
import struct
import sys

good, outdir = sys.argv[1], sys.argv[2]
data = bytearray(open(good, 'rb').read())

e_shoff, = struct.unpack_from('<Q', data, 0x28)
e_shentsize, e_shnum, e_shstrndx = struct.unpack_from('<HHH', data, 0x3a)


def sections(buf):
    for i in range(e_shnum):
        off = e_shoff + i * e_shentsize
        name, typ, flags, addr, offset, size, link, info, align, entsize = \
            struct.unpack_from('<IIQQQQIIQQ', buf, off)
        yield i, off, typ, offset, size, link, info


def write(name, buf):
    open('%s/%s.ko' % (outdir, name), 'wb').write(buf)


write('truncated', data[:len(data) // 3])

b = bytearray(data)
struct.pack_into('<Q', b, 0x28, len(data) + 4096)
write('shoff', b)

b = bytearray(data)
for i, off, typ, offset, size, link, info in sections(b):
    if typ == 4 and size:            # SHT_RELA
        r_info, = struct.unpack_from('<Q', b, offset + 8)
        struct.pack_into('<Q', b, offset + 8, (r_info & ~0xffffffff) | 0x7f)
        break
write('reloc', b)

b = bytearray(data)
for i, off, typ, offset, size, link, info in sections(b):
    if typ == 2:                     # SHT_SYMTAB
        for s in range(1, size // 24):
            shndx, = struct.unpack_from('<H', b, offset + s * 24 + 6)
            if 0 < shndx < 0xff00:
                struct.pack_into('<H', b, offset + s * 24 + 6, e_shnum + 5)
                break
        break
write('symsection', b)

b = bytearray(data)
struct.pack_into('<H', b, 0x10, 2)   # ET_EXEC
write('notrel', b)

b = bytearray(data)
at = b.find(b'vermagic=')
if at < 0:
    sys.exit('no vermagic in %s' % good)
b[at + 9] = ord('X') if b[at + 9] != ord('X') else ord('Y')
write('vermagic', b)
