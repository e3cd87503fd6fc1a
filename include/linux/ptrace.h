/* SPDX-License-Identifier: GPL-2.0 */
/* Who may look into or act on another process (kernel/ptrace.c). */
#ifndef _LINUX_PTRACE_H
#define _LINUX_PTRACE_H

#include <linux/types.h>
#include <uapi/linux/ptrace.h>

struct task_struct;
struct pt_regs;

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

/* task->ptrace: traced at all, how it was attached, and the PTRACE_O_* options */
#define PT_PTRACED		0x00000001
#define PT_SEIZED		0x00010000	/* PTRACE_SEIZE: no SIGSTOP, event stops */
#define PT_OPT_FLAG_SHIFT	3
#define PT_EVENT_FLAG(event)	(1 << (PT_OPT_FLAG_SHIFT + (event)))
#define PT_TRACESYSGOOD		PT_EVENT_FLAG(0)
#define PT_EXITKILL		(PTRACE_O_EXITKILL << PT_OPT_FLAG_SHIFT)
#define PT_SUSPEND_SECCOMP	(PTRACE_O_SUSPEND_SECCOMP << PT_OPT_FLAG_SHIFT)

/* task->jobctl */
#define JOBCTL_TRAP_STOP	(1UL << 0)	/* enter a ptrace stop on the way out */
#define JOBCTL_TRAPPING		(1UL << 1)	/* the tracer in attach waits for that stop */
#define JOBCTL_LISTENING	(1UL << 2)	/* PTRACE_LISTEN: group-stopped, not trace-stopped */
#define JOBCTL_STOP_PENDING	(1UL << 3)	/* owes the group-stop in progress its stop */

/* ptrace_message at a syscall stop, as Linux reports it */
#define PTRACE_EVENTMSG_SYSCALL_ENTRY	1
#define PTRACE_EVENTMSG_SYSCALL_EXIT	2

/* kernel/ptrace.c */
void __ptrace_link(struct task_struct *child, struct task_struct *tracer);
void __ptrace_unlink(struct task_struct *child);
void exit_ptrace(struct task_struct *tracer, struct list_head *dead);
void ptrace_init_task(struct task_struct *child, bool ptrace);
bool ptrace_exec_unsafe(struct task_struct *task);
int generic_ptrace_peekdata(struct task_struct *child, unsigned long addr, unsigned long data);
int generic_ptrace_pokedata(struct task_struct *child, unsigned long addr, unsigned long data);
long ptrace_request(struct task_struct *child, long request, unsigned long addr,
		    unsigned long data);

/* kernel/signal.c: the tracee's side */
int ptrace_notify(int exit_code, unsigned long message);
void ptrace_trap_notify(struct task_struct *t);
int ptrace_report_syscall_entry(struct pt_regs *regs);
void ptrace_report_syscall_exit(struct pt_regs *regs);

/* arch/x86/kernel/ptrace.c */
long arch_ptrace(struct task_struct *child, long request, unsigned long addr,
		 unsigned long data);
void user_enable_single_step(struct task_struct *child);
void user_disable_single_step(struct task_struct *child);
void ptrace_disable(struct task_struct *child);

#define ptrace_event_enabled(t, event)	(!!((t)->ptrace & PT_EVENT_FLAG(event)))

/*
 * A PTRACE_EVENT_* stop if the tracer asked for it.  exec is special: a
 * task traced the old way (not seized) gets the SIGTRAP it always got.
 */
void ptrace_event(int event, unsigned long message);

#endif
