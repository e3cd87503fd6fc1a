/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * personality(2): the execution domain (PER_LINUX is the only one that
 * means anything on x86-64) in the low byte, and flags above it that
 * change how exec and mmap lay out a process.
 */
#ifndef _UAPI_LINUX_PERSONALITY_H
#define _UAPI_LINUX_PERSONALITY_H

#define UNAME26			0x0020000
#define ADDR_NO_RANDOMIZE	0x0040000	/* no ASLR for this process's execs */
#define FDPIC_FUNCPTRS		0x0080000
#define MMAP_PAGE_ZERO		0x0100000
#define ADDR_COMPAT_LAYOUT	0x0200000
#define READ_IMPLIES_EXEC	0x0400000	/* PROT_READ mappings are also PROT_EXEC */
#define ADDR_LIMIT_32BIT	0x0800000
#define SHORT_INODE		0x1000000
#define WHOLE_SECONDS		0x2000000
#define STICKY_TIMEOUTS		0x4000000
#define ADDR_LIMIT_3GB		0x8000000

/* Flags a set-user-ID exec drops: they would weaken the new program. */
#define PER_CLEAR_ON_SETID	(READ_IMPLIES_EXEC | ADDR_NO_RANDOMIZE | \
				 ADDR_COMPAT_LAYOUT | MMAP_PAGE_ZERO)

#define PER_LINUX		0x0000
#define PER_MASK		0x00ff

#endif
