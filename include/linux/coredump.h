/* SPDX-License-Identifier: GPL-2.0 */
/* Core dumps (fs/coredump.c). */
#ifndef _LINUX_COREDUMP_H
#define _LINUX_COREDUMP_H

#include <linux/types.h>

#define CORENAME_MAX_SIZE	128

/* mm->coredump_filter bits: /proc/PID/coredump_filter */
#define MMF_DUMP_ANON_PRIVATE	0x01
#define MMF_DUMP_ANON_SHARED	0x02
#define MMF_DUMP_MAPPED_PRIVATE	0x04
#define MMF_DUMP_MAPPED_SHARED	0x08
#define MMF_DUMP_ELF_HEADERS	0x10
#define MMF_DUMP_FILTER_MASK	0x1ff
#define MMF_DUMP_FILTER_DEFAULT	0x33	/* anonymous memory, ELF headers, private huge pages */

extern char core_pattern[CORENAME_MAX_SIZE];	/* /proc/sys/kernel/core_pattern */
extern int core_uses_pid;			/* /proc/sys/kernel/core_uses_pid */

/* Write the current process's core for @signr; true if one was written. */
bool do_coredump(int signr);

#endif
