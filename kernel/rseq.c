// SPDX-License-Identifier: GPL-2.0
/*
 * Restartable sequences: per-CPU data in user space without atomic
 * instructions.  A thread registers a struct rseq (glibc does at thread
 * start); the kernel keeps its cpu_id field current on every return to
 * user mode after the thread was switched out, so user code always
 * knows which CPU's data to use.  To update that data, user code runs a
 * short "critical section" described by a struct rseq_cs it points
 * rseq->rseq_cs at: if the thread is preempted or gets a signal while
 * its instruction pointer is inside [start_ip, start_ip +
 * post_commit_offset), the kernel moves it to abort_ip instead of
 * resuming it halfway, so the section either ran uninterrupted or starts
 * over.  The word before abort_ip must hold the signature given at
 * registration, so an attacker cannot redirect a thread to arbitrary code.
 *
 * Any fault reading or writing these structures is SIGSEGV.
 */
#include <linux/kernel.h>
#include <linux/rseq.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/ptrace.h>
#include <asm/smp.h>

#define RSEQ_FLAG_UNREGISTER	(1 << 0)
#define RSEQ_CPU_ID_UNINITIALIZED	((u32)-1)
#define RSEQ_ORIG_SIZE		32

struct rseq {
	u32 cpu_id_start;
	u32 cpu_id;
	u64 rseq_cs;
	u32 flags;
} __aligned(32);

struct rseq_cs {
	u32 version;
	u32 flags;
	u64 start_ip;
	u64 post_commit_offset;
	u64 abort_ip;
} __aligned(32);

/* If regs->ip is inside the current critical section, go to its abort handler. */
static int rseq_ip_fixup(struct pt_regs *regs)
{
	struct rseq __user *ur = current->rseq;
	struct rseq_cs cs;
	u64 ptr;
	u32 sig;

	if (get_user(ptr, &ur->rseq_cs))
		return -EFAULT;
	if (!ptr)
		return 0;
	if (copy_from_user(&cs, (void __user *)(unsigned long)ptr, sizeof(cs)))
		return -EFAULT;
	if (cs.version || cs.start_ip + cs.post_commit_offset < cs.start_ip ||
	    (cs.abort_ip >= cs.start_ip && cs.abort_ip < cs.start_ip + cs.post_commit_offset))
		return -EINVAL;
	if (regs->ip < cs.start_ip || regs->ip >= cs.start_ip + cs.post_commit_offset) {
		/* Outside: the descriptor is stale; forget it, as Linux does. */
		return put_user(0ULL, &ur->rseq_cs) ? -EFAULT : 0;
	}
	if (get_user(sig, (u32 __user *)(unsigned long)(cs.abort_ip - sizeof(u32))))
		return -EFAULT;
	if (sig != current->rseq_sig)
		return -EINVAL;
	if (put_user(0ULL, &ur->rseq_cs))
		return -EFAULT;
	regs->ip = cs.abort_ip;
	return 0;
}

static int rseq_update_cpu_id(void)
{
	struct rseq __user *ur = current->rseq;
	u32 cpu = smp_processor_id();

	if (put_user(cpu, &ur->cpu_id_start) || put_user(cpu, &ur->cpu_id))
		return -EFAULT;
	return 0;
}

void rseq_handle_notify_resume(struct pt_regs *regs)
{
	if (!current->rseq)
		return;
	if (rseq_ip_fixup(regs) || rseq_update_cpu_id())
		force_sig(SIGSEGV);
}

void rseq_signal_deliver(struct pt_regs *regs)
{
	if (current->rseq && rseq_ip_fixup(regs))
		force_sig(SIGSEGV);
}

SYSCALL_DEFINE4(rseq, struct rseq __user *, rseq, u32, rseq_len, int, flags, u32, sig)
{
	if (flags & RSEQ_FLAG_UNREGISTER) {
		if (flags & ~RSEQ_FLAG_UNREGISTER)
			return -EINVAL;
		if (current->rseq != rseq || !current->rseq)
			return -EINVAL;
		if (rseq_len != current->rseq_len)
			return -EINVAL;
		if (current->rseq_sig != sig)
			return -EPERM;
		if (put_user(RSEQ_CPU_ID_UNINITIALIZED, &rseq->cpu_id_start) ||
		    put_user(RSEQ_CPU_ID_UNINITIALIZED, &rseq->cpu_id))
			return -EFAULT;
		current->rseq = NULL;
		current->rseq_len = 0;
		current->rseq_sig = 0;
		return 0;
	}
	if (flags)
		return -EINVAL;
	if (current->rseq) {
		/* Registering the same area again says whether the signature matches. */
		if (current->rseq != rseq || rseq_len != current->rseq_len)
			return -EINVAL;
		if (current->rseq_sig != sig)
			return -EPERM;
		return -EBUSY;
	}
	if (!IS_ALIGNED((unsigned long)rseq, 32) || rseq_len != RSEQ_ORIG_SIZE)
		return -EINVAL;
	if (!access_ok(rseq, rseq_len))
		return -EFAULT;
	current->rseq = rseq;
	current->rseq_len = rseq_len;
	current->rseq_sig = sig;
	/* cpu_id is filled in on the way out of this very call. */
	set_tsk_thread_flag(current, TIF_NOTIFY_RESUME);
	return 0;
}
