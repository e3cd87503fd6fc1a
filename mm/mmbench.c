// SPDX-License-Identifier: GPL-2.0
/*
 * ktest=mmbench: the cost of the allocators' fast paths, measured with
 * sched_clock() (TSC nanoseconds).  Each figure is the median over
 * several rounds of many back-to-back allocate+free pairs, so a timer
 * interrupt in one round does not move it.  One line per figure,
 *
 *	mmbench: <name> <nanoseconds> ns
 *
 * for the benchmark harness to collect.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/sched/clock.h>
#include <linux/slab.h>

#define MMBENCH_ROUNDS	9

static void sort_u64(u64 *v, int n)
{
	int i, j;

	for (i = 1; i < n; i++) {
		u64 x = v[i];

		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* Median ns per call of @op(@arg), over MMBENCH_ROUNDS rounds of @iters calls. */
static u64 mmbench_median(int (*op)(unsigned int), unsigned int arg, unsigned int iters)
{
	u64 ns[MMBENCH_ROUNDS];
	int r;

	for (r = 0; r < MMBENCH_ROUNDS; r++) {
		u64 start = sched_clock();
		unsigned int i;

		for (i = 0; i < iters; i++)
			if (op(arg))
				return 0;
		ns[r] = (sched_clock() - start) / iters;
	}
	sort_u64(ns, MMBENCH_ROUNDS);
	return ns[MMBENCH_ROUNDS / 2];
}

static int bench_kmalloc(unsigned int size)
{
	void *p = kmalloc(size, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	kfree(p);
	return 0;
}

static int bench_pages(unsigned int order)
{
	struct page *page = alloc_pages(GFP_KERNEL, order);

	if (!page)
		return -ENOMEM;
	__free_pages(page, order);
	return 0;
}

static int ktest_mmbench(void)
{
	u64 kmalloc64 = mmbench_median(bench_kmalloc, 64, 20000);
	u64 order0 = mmbench_median(bench_pages, 0, 20000);
	u64 order4 = mmbench_median(bench_pages, 4, 5000);

	pr_info("mmbench: kmalloc64 %llu ns\n", kmalloc64);
	pr_info("mmbench: alloc_pages_order0 %llu ns\n", order0);
	pr_info("mmbench: alloc_pages_order4 %llu ns\n", order4);
	return kmalloc64 && order0 && order4 ? 0 : -ENOMEM;
}
DEFINE_KTEST(mmbench, ktest_mmbench);
