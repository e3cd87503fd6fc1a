// SPDX-License-Identifier: GPL-2.0
/*
 * sysinfo(2): uptime, load averages, memory totals and the task count
 * in one call.  busybox free and uptime read it (and /proc/meminfo for
 * the rest), so its numbers must agree with /proc: the same counters,
 * the load average of kernel/sched/loadavg.c scaled to SI_LOAD_SHIFT.
 */
#include <linux/kernel.h>
#include <linux/swap.h>
#include <linux/mm.h>
#include <linux/sched/loadavg.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/time_namespace.h>
#include <linux/uaccess.h>
#include <linux/vmstat.h>
#include <uapi/linux/sysinfo.h>
#include <uapi/linux/time_types.h>

static void do_sysinfo(struct sysinfo *info)
{
	/* Uptime as the caller's time namespace sees CLOCK_BOOTTIME. */
	u64 up = ktime_get_boottime_ns() + timens_clock_offset(CLOCK_BOOTTIME);

	memset(info, 0, sizeof(*info));
	info->uptime = up / NSEC_PER_SEC + (up % NSEC_PER_SEC ? 1 : 0);	/* Linux rounds up */
	get_avenrun(info->loads, 0, SI_LOAD_SHIFT - FSHIFT);
	info->procs = min(nr_threads, 0xffff);
	/* In pages, mem_unit = PAGE_SIZE, as si_meminfo gives them. */
	info->totalram = totalram_pages();
	info->freeram = global_zone_page_state(NR_FREE_PAGES);
	info->sharedram = global_node_page_state(NR_SHMEM);
	si_swapinfo(&info->totalswap, &info->freeswap);
	info->mem_unit = PAGE_SIZE;
}

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo val;

	do_sysinfo(&val);
	return copy_to_user(info, &val, sizeof(val)) ? -EFAULT : 0;
}
