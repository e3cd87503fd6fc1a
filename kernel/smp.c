// SPDX-License-Identifier: GPL-2.0
/*
 * Cross-CPU function calls.  Each CPU has a queue of call_single_data
 * (csd) entries; the caller fills a csd, locks it (CSD_FLAG_LOCK), adds
 * it to the target's queue under the queue's lock and sends the target
 * a CALL_FUNCTION IPI.  The target empties its queue from the interrupt,
 * runs each function and unlocks its csd; a caller that waits spins on
 * that flag.  The csds of smp_call_function_many() are the caller's own
 * per-CPU array, one per target, so two callers never share one.
 *
 * A caller spinning with interrupts off could wait on a CPU that waits
 * on it; so the waiting loops also run the caller's own queue.
 *
 * Also here: the command-line switches for how many CPUs to start.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <asm/special_insns.h>

#define CSD_FLAG_LOCK	1U

struct call_queue {
	spinlock_t lock;	/* protects list */
	struct list_head list;
};

static DEFINE_PER_CPU(struct call_queue, call_single_queue);
static DEFINE_PER_CPU(call_single_data_t, csd_data[NR_CPUS]);

/* maxcpus=N starts at most N CPUs (the boot CPU included); nosmp is maxcpus=1. */
unsigned int setup_max_cpus = NR_CPUS;

static int __init maxcpus_setup(char *str)
{
	unsigned long n;

	if (kstrtoul(str, 0, &n))
		return 0;
	setup_max_cpus = n ? n : 1;
	return 1;
}
__setup("maxcpus=", maxcpus_setup);

static int __init nosmp_setup(char *str)
{
	setup_max_cpus = 1;
	return 1;
}
__setup("nosmp", nosmp_setup);

static struct call_queue *cpu_queue(int cpu)
{
	return per_cpu_ptr(&call_single_queue, cpu);
}

/* Every possible CPU's queue, before any other CPU is started (smp_init). */
static void __init call_function_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct call_queue *q = cpu_queue(cpu);

		spin_lock_init(&q->lock);
		INIT_LIST_HEAD(&q->list);
	}
}

static void csd_lock_wait(call_single_data_t *csd)
{
	while (__atomic_load_n(&csd->flags, __ATOMIC_ACQUIRE) & CSD_FLAG_LOCK) {
		generic_smp_call_function_interrupt();
		cpu_relax();
	}
}

static void csd_lock(call_single_data_t *csd)
{
	csd_lock_wait(csd);
	csd->flags = CSD_FLAG_LOCK;
	smp_wmb();
}

static void csd_unlock(call_single_data_t *csd)
{
	__atomic_store_n(&csd->flags, 0, __ATOMIC_RELEASE);
}

/* Queue @csd on @cpu; the IPI is only needed when the queue was empty. */
static void queue_csd(int cpu, call_single_data_t *csd)
{
	struct call_queue *q = cpu_queue(cpu);
	unsigned long flags;
	bool first;

	spin_lock_irqsave(&q->lock, flags);
	first = list_empty(&q->list);
	list_add_tail(&csd->node, &q->list);
	spin_unlock_irqrestore(&q->lock, flags);
	if (first)
		arch_send_call_function_single_ipi(cpu);
}

/* The CALL_FUNCTION IPI (and the waiting loops): run what is queued here. */
void generic_smp_call_function_interrupt(void)
{
	struct call_queue *q = cpu_queue(smp_processor_id());
	unsigned long flags;
	LIST_HEAD(work);

	/* Before smp_init() nothing can be queued: the list is not even made. */
	if (!q->list.next || list_empty(&q->list))
		return;
	spin_lock_irqsave(&q->lock, flags);
	list_splice_init(&q->list, &work);
	spin_unlock_irqrestore(&q->lock, flags);
	while (!list_empty(&work)) {
		call_single_data_t *csd = list_first_entry(&work, call_single_data_t, node);
		smp_call_func_t func = csd->func;
		void *info = csd->info;

		list_del(&csd->node);
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
		csd_unlock(csd);
	}
}

int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	call_single_data_t csd_stack, *csd;
	unsigned long flags;
	int this_cpu = smp_processor_id();

	if (cpu < 0 || cpu >= NR_CPUS)
		return -ENXIO;
	if (cpu == this_cpu) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
		return 0;
	}
	if (!cpu_online(cpu))
		return -ENXIO;
	/* A waiting caller's csd lives on its stack; a fire-and-forget one cannot. */
	csd = wait ? &csd_stack : per_cpu_ptr(&csd_data[cpu], this_cpu);
	if (wait)
		csd->flags = 0;
	csd_lock(csd);
	csd->func = func;
	csd->info = info;
	queue_csd(cpu, csd);
	if (wait)
		csd_lock_wait(csd);
	return 0;
}

void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func,
			    void *info, bool wait)
{
	int this_cpu = smp_processor_id();
	unsigned int cpu;

	for_each_cpu(cpu, mask) {
		call_single_data_t *csd;

		if ((int)cpu == this_cpu || !cpu_online(cpu))
			continue;
		csd = per_cpu_ptr(&csd_data[cpu], this_cpu);
		csd_lock(csd);
		csd->func = func;
		csd->info = info;
		queue_csd(cpu, csd);
	}
	if (!wait)
		return;
	for_each_cpu(cpu, mask) {
		if ((int)cpu == this_cpu || !cpu_online(cpu))
			continue;
		csd_lock_wait(per_cpu_ptr(&csd_data[cpu], this_cpu));
	}
}

/* Every online CPU but this one. */
void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	smp_call_function_many(cpu_online_mask, func, info, wait);
}

void on_each_cpu_mask(const struct cpumask *mask, smp_call_func_t func, void *info,
		      bool wait)
{
	unsigned long flags;

	smp_call_function_many(mask, func, info, wait);
	if (cpumask_test_cpu(smp_processor_id(), mask)) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
	}
}

void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	on_each_cpu_mask(cpu_online_mask, func, info, wait);
}

/*
 * Start the other CPUs (from kernel_init, before the initcalls): each
 * comes online and parks in its idle loop.  The boot log line is the
 * one Linux prints, which scripts look for.
 */
void __init smp_init(void)
{
	unsigned int cpu, n;

	call_function_init();
	native_smp_prepare_cpus(setup_max_cpus);
	for (cpu = 1; cpu < nr_cpu_ids; cpu++) {
		if (num_online_cpus() >= setup_max_cpus)
			break;
		native_cpu_up(cpu);
	}
	n = num_online_cpus();
	pr_info("smp: Brought up 1 node, %u CPU%s\n", n, n == 1 ? "" : "s");
}
