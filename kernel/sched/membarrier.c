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
 * A thread that is not running needs nothing: the context switch that
 * will run it is a full barrier (and, on x86, serializes its instruction
 * stream).  So the expedited commands interrupt only the other CPUs whose
 * current task uses the address space (PRIVATE) or any registered one
 * (GLOBAL), and the interrupt is the barrier.  A CPU switching to one of
 * those threads just after we looked has passed the barrier of our
 * spinlocked look at its run queue's current task.
 */
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/smp.h>
#include <uapi/linux/membarrier.h>
#include <linux/rseq.h>
#include <asm/processor.h>
#include "sched.h"

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

enum membarrier_kind { MB_PRIVATE, MB_GLOBAL, MB_SYNC_CORE, MB_RSEQ };

struct membarrier_call {
	struct mm_struct *mm;
	enum membarrier_kind kind;
};

/* On each CPU interrupted: the interrupt was the barrier; the rest is extra. */
static void ipi_membarrier(void *info)
{
	const struct membarrier_call *call = info;

	smp_mb();
	if (call->kind == MB_SYNC_CORE)
		sync_core();
	else if (call->kind == MB_RSEQ && current->mm == call->mm)
		rseq_preempt(current);	/* its critical section restarts */
}

/*
 * Every thread concerned has passed a full barrier; see the top.  @cpu
 * >= 0 limits the RSEQ command to one CPU.
 */
static void membarrier_expedited(struct mm_struct *mm, enum membarrier_kind kind, int cpu_id)
{
	struct membarrier_call call = { .mm = mm, .kind = kind };
	unsigned long mask = 0;
	unsigned int cpu;

	smp_mb();	/* the caller's accesses before anyone's after */
	for_each_online_cpu(cpu) {
		struct task_struct *curr;
		unsigned long flags;
		struct rq *rq = cpu_rq(cpu);
		bool hit;

		if ((int)cpu == smp_processor_id() || (cpu_id >= 0 && (int)cpu != cpu_id))
			continue;
		spin_lock_irqsave(&rq->lock, flags);
		curr = rq->curr;
		hit = curr->mm && (kind == MB_GLOBAL ?
			(curr->mm->membarrier_state & MEMBARRIER_STATE_GLOBAL_EXPEDITED) :
			curr->mm == mm);
		spin_unlock_irqrestore(&rq->lock, flags);
		if (hit)
			mask |= 1UL << cpu;
	}
	if (mask)
		smp_call_function_many(to_cpumask(&mask), ipi_membarrier, &call, true);
	smp_mb();	/* and theirs before ours after */
}

static int membarrier_register(struct mm_struct *mm, unsigned int state)
{
	mm->membarrier_state |= state;
	/* Threads that ran before the registration must be past a barrier too. */
	membarrier_expedited(mm, MB_PRIVATE, -1);
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
		membarrier_expedited(mm, MB_GLOBAL, -1);
		return 0;
	case MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED:
		return membarrier_register(mm, MEMBARRIER_STATE_GLOBAL_EXPEDITED);
	case MEMBARRIER_CMD_PRIVATE_EXPEDITED:
		if (!(mm->membarrier_state & MEMBARRIER_STATE_PRIVATE_EXPEDITED))
			return -EPERM;
		membarrier_expedited(mm, MB_PRIVATE, -1);
		return 0;
	case MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED:
		return membarrier_register(mm, MEMBARRIER_STATE_PRIVATE_EXPEDITED);
	case MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE:
		if (!(mm->membarrier_state & MEMBARRIER_STATE_PRIVATE_SYNC_CORE))
			return -EPERM;
		membarrier_expedited(mm, MB_SYNC_CORE, -1);
		return 0;
	case MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE:
		return membarrier_register(mm, MEMBARRIER_STATE_PRIVATE_SYNC_CORE);
	case MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ:
		/*
		 * Other threads' critical sections restart: the running ones
		 * are interrupted and flagged; the others were flagged
		 * (rseq_preempt) when switched out.
		 */
		if (!(mm->membarrier_state & MEMBARRIER_STATE_PRIVATE_RSEQ))
			return -EPERM;
		if ((flags & MEMBARRIER_CMD_FLAG_CPU) && (cpu_id < 0 || cpu_id >= (int)nr_cpu_ids))
			return -EINVAL;
		membarrier_expedited(mm, MB_RSEQ, (flags & MEMBARRIER_CMD_FLAG_CPU) ? cpu_id : -1);
		return 0;
	case MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ:
		return membarrier_register(mm, MEMBARRIER_STATE_PRIVATE_RSEQ);
	default:
		return -EINVAL;
	}
}
