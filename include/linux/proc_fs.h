/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What other subsystems provide to procfs: the show functions of the
 * /proc files whose text lives elsewhere.
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

struct seq_file;

/* /proc/cpuinfo, one block per CPU (arch/x86/kernel/cpu/proc.c). */
int show_cpuinfo(struct seq_file *m, void *v);

#endif /* _LINUX_PROC_FS_H */
