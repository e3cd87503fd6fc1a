// SPDX-License-Identifier: GPL-2.0
/*
 * ktest=smp: the cross-CPU calls.  Every online CPU runs on_each_cpu's
 * function once; smp_call_function_single runs on the CPU asked for, in
 * hard-interrupt context with interrupts off (or inline for the caller's
 * own CPU); calls queued without waiting all run, in order, before a
 * later waiting call returns; a CPU that is not online is -ENXIO.
 * Meaningful with -smp 2 or more; with one CPU only the local paths run.
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/hardirq.h>
#include <linux/ktest.h>
#include <linux/smp.h>
#include <asm/irqflags.h>

static struct cpumask ran_on;
static int ran_count[NR_CPUS];

static void mark_cpu(void *info)
{
	cpumask_set_cpu(smp_processor_id(), &ran_on);
	__atomic_add_fetch(&ran_count[smp_processor_id()], 1, __ATOMIC_SEQ_CST);
}

struct where {
	int cpu;
	bool irqs_off, hardirq;
};

static void report_cpu(void *info)
{
	struct where *w = info;

	w->cpu = smp_processor_id();
	w->irqs_off = irqs_disabled();
	w->hardirq = in_hardirq();
}

static int seq_next[NR_CPUS];
static bool seq_ok = true;

static void check_order(void *info)
{
	int want = (int)(unsigned long)info;

	if (seq_next[smp_processor_id()] != want)
		seq_ok = false;
	seq_next[smp_processor_id()] = want + 1;
}

static int smp_ktest(void)
{
	unsigned int cpu, n = num_online_cpus();
	bool ok = true;
	int i;

	cpumask_clear(&ran_on);
	on_each_cpu(mark_cpu, NULL, 1);
	for_each_online_cpu(cpu)
		ok &= KTEST_EXPECT(cpumask_test_cpu(cpu, &ran_on) && ran_count[cpu] == 1);
	ok &= KTEST_EXPECT(cpumask_weight(&ran_on) == n);

	for_each_online_cpu(cpu) {
		struct where w = { -1, false, false };

		ok &= KTEST_EXPECT(smp_call_function_single(cpu, report_cpu, &w, 1) == 0);
		ok &= KTEST_EXPECT(w.cpu == (int)cpu && w.irqs_off);
		if ((int)cpu != smp_processor_id())
			ok &= KTEST_EXPECT(w.hardirq);
	}

	for_each_online_cpu(cpu) {
		if ((int)cpu == smp_processor_id())
			continue;
		seq_next[cpu] = 0;
		for (i = 0; i < 50; i++)
			ok &= KTEST_EXPECT(!smp_call_function_single(cpu, check_order,
								     (void *)(unsigned long)i, 0));
		ok &= KTEST_EXPECT(!smp_call_function_single(cpu, check_order,
							     (void *)(unsigned long)50, 1));
		ok &= KTEST_EXPECT(seq_next[cpu] == 51);
	}
	ok &= KTEST_EXPECT(seq_ok);

	/* Present but not started (maxcpus=), or not there at all: -ENXIO. */
	for_each_present_cpu(cpu)
		if (!cpu_online(cpu))
			ok &= KTEST_EXPECT(smp_call_function_single(cpu, report_cpu, NULL, 1) ==
					   -ENXIO);
	ok &= KTEST_EXPECT(smp_call_function_single(NR_CPUS, report_cpu, NULL, 1) == -ENXIO);
	ok &= KTEST_EXPECT(smp_call_function_single(-1, report_cpu, NULL, 1) == -ENXIO);
	if (nr_cpu_ids < NR_CPUS)
		ok &= KTEST_EXPECT(smp_call_function_single(nr_cpu_ids, report_cpu, NULL, 1) ==
				   -ENXIO);
	pr_info("ktest: smp: %u CPUs online, each ran the calls sent to it\n", n);
	return ok ? 0 : -EINVAL;
}
DEFINE_KTEST(smp, smp_ktest);
