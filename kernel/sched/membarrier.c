// SPDX-License-Identifier: GPL-2.0
/*
 * membarrier: a memory barrier on other threads' behalf.  A program that
 * keeps its fast path free of fences (userspace RCU, garbage collectors,
 * JITs rewriting code) calls membarrier on the slow path instead: when it
 * returns, every other thread has passed a full barrier, so its earlier
 * stores are seen and its later loads are ordered against theirs.
 *
 * MEMBARRIER_CMD_GLOBAL waits for every CPU to go through a quiescent
 * state (an RCU grace period: each has scheduled since), which costs
 * milliseconds but needs no registration.  The EXPEDITED commands instead
 * interrupt the CPUs running the threads concerned -- the caller's process
 * (PRIVATE) or every registered process (GLOBAL) -- and so must be
 * registered for first (EPERM otherwise), per address space; an exec
 * starts unregistered.  SYNC_CORE also makes those threads' instruction
 * streams see code just written.
 *
 * Lantern schedules user threads on one CPU: a thread that is not the
 * caller is not running, and the context switch that will run it is a
 * full barrier (and, on x86, keeps code written on the same core
 * coherent).  So the expedited commands need a barrier on this CPU only;
 * with SMP scheduling they must interrupt the CPUs whose current task
 * uses the address space.
 */
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/smp.h>
#include <uapi/linux/membarrier.h>

/* mm->membarrier_state */
#define MEMBARRIER_STATE_PRIVATE_EXPEDITED	0x01
#define MEMBARRIER_STATE_GLOBAL_EXPEDITED	0x02
#define MEMBARRIER_STATE_PRIVATE_SYNC_CORE	0x04
#define MEMBARRIER_STATE_PRIVATE_RSEQ		0x08

#define MEMBARRIER_CMD_BITMASK						\
	(MEMBARRIER_CMD_GLOBAL | MEMBARRIER_CMD_GLOBAL_EXPEDITED |	\
	 MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED |			\
	 MEMBARRIER_CMD_PRIVATE_EXPEDITED |				\
	 MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED |			\
	 MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE |			\
	 MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE |		\
	 MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ |			\
	 MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ)

/* Every thread concerned has passed a full barrier; see the top. */
static void membarrier_expedited(void)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

static int membarrier_register(struct mm_struct *mm, unsigned int state)
{
	mm->membarrier_state |= state;
	/* Threads that ran before the registration must be past a barrier too. */
	membarrier_expedited();
	return 0;
}

SYSCALL_DEFINE3(membarrier, int, cmd, unsigned int, flags, int, cpu_id)
{
	struct mm_struct *mm = current->mm;

	/* Only the rseq command may name a CPU, and only that flag exists. */
	if (flags & ~MEMBARRIER_CMD_FLAG_CPU ||
	    (flags && cmd != MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ))
		return -EINVAL;
	switch (cmd) {
	case MEMBARRIER_CMD_QUERY:
		return MEMBARRIER_CMD_BITMASK;
	case MEMBARRIER_CMD_GLOBAL:
		synchronize_rcu();
		return 0;
	case MEMBARRIER_CMD_GLOBAL_EXPEDITED:
		membarrier_expedited();
		return 0;
	case MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED:
		return membarrier_register(mm, MEMBARRIER_STATE_GLOBAL_EXPEDITED);
	case MEMBARRIER_CMD_PRIVATE_EXPEDITED:
		if (!(mm->membarrier_state & MEMBARRIER_STATE_PRIVATE_EXPEDITED))
			return -EPERM;
		membarrier_expedited();
		return 0;
	case MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED:
		return membarrier_register(mm, MEMBARRIER_STATE_PRIVATE_EXPEDITED);
	case MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE:
		if (!(mm->membarrier_state & MEMBARRIER_STATE_PRIVATE_SYNC_CORE))
			return -EPERM;
		membarrier_expedited();
		return 0;
	case MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE:
		return membarrier_register(mm, MEMBARRIER_STATE_PRIVATE_SYNC_CORE);
	case MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ:
		/*
		 * Other threads' critical sections restart: none of them is
		 * running, and each was flagged (rseq_preempt) when switched out.
		 */
		if (!(mm->membarrier_state & MEMBARRIER_STATE_PRIVATE_RSEQ))
			return -EPERM;
		if ((flags & MEMBARRIER_CMD_FLAG_CPU) && (cpu_id < 0 || cpu_id >= (int)nr_cpu_ids))
			return -EINVAL;
		membarrier_expedited();
		return 0;
	case MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ:
		return membarrier_register(mm, MEMBARRIER_STATE_PRIVATE_RSEQ);
	default:
		return -EINVAL;
	}
}
