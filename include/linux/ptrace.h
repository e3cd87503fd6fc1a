/* SPDX-License-Identifier: GPL-2.0 */
/* Who may look into or act on another process (kernel/ptrace.c). */
#ifndef _LINUX_PTRACE_H
#define _LINUX_PTRACE_H

#include <linux/types.h>

struct task_struct;

#define PTRACE_MODE_READ	0x01	/* look: /proc files, kcmp */
#define PTRACE_MODE_ATTACH	0x02	/* act: memory access, pidfd_getfd */
#define PTRACE_MODE_FSCREDS	0x04	/* judge by the filesystem IDs */
#define PTRACE_MODE_REALCREDS	0x08	/* judge by the real IDs */

#define PTRACE_MODE_READ_FSCREDS	(PTRACE_MODE_READ | PTRACE_MODE_FSCREDS)
#define PTRACE_MODE_READ_REALCREDS	(PTRACE_MODE_READ | PTRACE_MODE_REALCREDS)
#define PTRACE_MODE_ATTACH_FSCREDS	(PTRACE_MODE_ATTACH | PTRACE_MODE_FSCREDS)
#define PTRACE_MODE_ATTACH_REALCREDS	(PTRACE_MODE_ATTACH | PTRACE_MODE_REALCREDS)

/* mm->dumpable (prctl PR_SET_DUMPABLE, /proc/sys/fs/suid_dumpable) */
#define SUID_DUMP_DISABLE	0	/* no core dump, no ptrace by the owner */
#define SUID_DUMP_USER		1	/* the normal case */
#define SUID_DUMP_ROOT		2	/* dump readable by root only */

bool ptrace_may_access(struct task_struct *task, unsigned int mode);

#endif
