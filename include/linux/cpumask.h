/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sets of CPUs.  A cpumask is a bitmap of NR_CPUS bits; the kernel keeps
 * four of them, each a subset of the one before:
 *
 *   possible  CPUs that may ever exist (the MADT's enabled entries, cut
 *             by nr_cpus=): per-CPU areas exist for these
 *   present   CPUs that are physically there (the same, no hotplug)
 *   online    CPUs that have been started and take interrupts and IPIs
 *   active    CPUs the scheduler may put tasks on
 *
 * A CPU becomes active once its tick runs and it has entered the
 * scheduler's idle loop (start_secondary).
 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/types.h>
#include <linux/bitops.h>
#include <linux/kernel.h>
#include <asm/smp.h>

typedef struct cpumask {
	unsigned long bits[BITS_TO_LONGS(NR_CPUS)];
} cpumask_t;

#define cpumask_bits(maskp)	((maskp)->bits)
/* A bitmap (one long: NR_CPUS <= 64) seen as a cpumask. */
#define to_cpumask(bitmap)	((struct cpumask *)(bitmap))
#define nr_cpumask_bits		NR_CPUS

extern struct cpumask __cpu_possible_mask;
extern struct cpumask __cpu_present_mask;
extern struct cpumask __cpu_online_mask;
extern struct cpumask __cpu_active_mask;
#define cpu_possible_mask	((const struct cpumask *)&__cpu_possible_mask)
#define cpu_present_mask	((const struct cpumask *)&__cpu_present_mask)
#define cpu_online_mask		((const struct cpumask *)&__cpu_online_mask)
#define cpu_active_mask		((const struct cpumask *)&__cpu_active_mask)

static inline bool cpumask_test_cpu(unsigned int cpu, const struct cpumask *m)
{
	return cpu < NR_CPUS && test_bit(cpu, m->bits);
}

static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *m)
{
	set_bit(cpu, m->bits);
}

static inline void cpumask_clear_cpu(unsigned int cpu, struct cpumask *m)
{
	clear_bit(cpu, m->bits);
}

static inline void cpumask_clear(struct cpumask *m)
{
	for (unsigned int i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		m->bits[i] = 0;
}

static inline void cpumask_copy(struct cpumask *dst, const struct cpumask *src)
{
	*dst = *src;
}

static inline bool cpumask_empty(const struct cpumask *m)
{
	for (unsigned int i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		if (m->bits[i])
			return false;
	return true;
}

static inline unsigned int cpumask_weight(const struct cpumask *m)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		n += hweight_long(m->bits[i]);
	return n;
}

static inline bool cpumask_and(struct cpumask *dst, const struct cpumask *a,
			       const struct cpumask *b)
{
	unsigned long any = 0;

	for (unsigned int i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		any |= dst->bits[i] = a->bits[i] & b->bits[i];
	return any != 0;
}

static inline unsigned int cpumask_next(int n, const struct cpumask *m)
{
	return find_next_bit(m->bits, NR_CPUS, n + 1);
}

static inline unsigned int cpumask_first(const struct cpumask *m)
{
	return find_first_bit(m->bits, NR_CPUS);
}

#define for_each_cpu(cpu, mask)					\
	for ((cpu) = cpumask_first(mask); (cpu) < NR_CPUS;	\
	     (cpu) = cpumask_next((cpu), (mask)))
#define for_each_possible_cpu(cpu)	for_each_cpu((cpu), cpu_possible_mask)
#define for_each_present_cpu(cpu)	for_each_cpu((cpu), cpu_present_mask)
#define for_each_online_cpu(cpu)	for_each_cpu((cpu), cpu_online_mask)

#define num_possible_cpus()	cpumask_weight(cpu_possible_mask)
#define num_present_cpus()	cpumask_weight(cpu_present_mask)
#define num_online_cpus()	cpumask_weight(cpu_online_mask)
#define num_active_cpus()	cpumask_weight(cpu_active_mask)
#define cpu_online(cpu)		cpumask_test_cpu((cpu), cpu_online_mask)
#define cpu_possible(cpu)	cpumask_test_cpu((cpu), cpu_possible_mask)
#define cpu_active(cpu)		cpumask_test_cpu((cpu), cpu_active_mask)

static inline void set_cpu_possible(unsigned int cpu, bool on)
{
	if (on)
		cpumask_set_cpu(cpu, &__cpu_possible_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_possible_mask);
}

static inline void set_cpu_present(unsigned int cpu, bool on)
{
	if (on)
		cpumask_set_cpu(cpu, &__cpu_present_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_present_mask);
}

static inline void set_cpu_online(unsigned int cpu, bool on)
{
	if (on)
		cpumask_set_cpu(cpu, &__cpu_online_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_online_mask);
}

static inline void set_cpu_active(unsigned int cpu, bool on)
{
	if (on)
		cpumask_set_cpu(cpu, &__cpu_active_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_active_mask);
}

/* "0-3,5": the list form of /sys/devices/system/cpu/online and Cpus_allowed_list. */
int cpumap_print_list(char *buf, size_t size, const struct cpumask *m);

#endif /* _LINUX_CPUMASK_H */
