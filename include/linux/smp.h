/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Running a function on other CPUs, and bringing them up.  The caller
 * of smp_call_function_*() with wait set spins until every target has
 * run the function; a target runs it from its CALL_FUNCTION interrupt,
 * with interrupts off, so the function must not sleep.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/cpumask.h>
#include <asm/smp.h>

typedef void (*smp_call_func_t)(void *info);

struct __call_single_data {
	struct list_head node;
	smp_call_func_t func;
	void *info;
	unsigned int flags;	/* CSD_FLAG_LOCK while queued or running */
};
typedef struct __call_single_data call_single_data_t;

#define smp_mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb()	__atomic_thread_fence(__ATOMIC_ACQUIRE)
#define smp_wmb()	__atomic_thread_fence(__ATOMIC_RELEASE)
#define smp_load_acquire(p)	__atomic_load_n((p), __ATOMIC_ACQUIRE)
#define smp_store_release(p, v)	__atomic_store_n((p), (v), __ATOMIC_RELEASE)

int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait);
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func,
			    void *info, bool wait);
void smp_call_function(smp_call_func_t func, void *info, int wait);
void on_each_cpu(smp_call_func_t func, void *info, int wait);
void on_each_cpu_mask(const struct cpumask *mask, smp_call_func_t func, void *info,
		      bool wait);
void generic_smp_call_function_interrupt(void);

void smp_init(void);
void smp_send_stop(void);
void smp_send_reschedule(int cpu);

extern unsigned int setup_max_cpus;


#define get_cpu()	smp_processor_id()
#define put_cpu()	do { } while (0)

#endif /* _LINUX_SMP_H */
