/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The vDSO: a small shared object the kernel maps into every process
 * ([vdso]), with the page of time data it reads ([vvar]) just below it.
 * struct vdso_data is that page's layout, shared by the kernel (which
 * writes it) and the vDSO code (arch/x86/entry/vdso/, which reads it);
 * the vDSO is built with BUILD_VDSO and sees only the struct.
 */
#ifndef _ASM_X86_VDSO_H
#define _ASM_X86_VDSO_H

/*
 * [vvar] is this many pages below [vdso].  Page 0 is what the vDSO reads
 * first: the clock data, or in a time namespace the namespace's page
 * (clock_mode VDSO_CLOCKMODE_TIMENS), which sends it to page 1, the real
 * clock data, and gives the offsets to add.
 */
#define VVAR_PAGES		2
#define VVAR_TIMENS_REAL_PAGE	1

#define VDSO_CLOCKMODE_TSC	0
#define VDSO_CLOCKMODE_TIMENS	0x7fffffff

#ifndef __ASSEMBLY__
#include <linux/types.h>

/*
 * Monotonic time in ns = ns_base + ((rdtsc() - tsc_base) * mult >> shift),
 * the same arithmetic as the kernel's sched_clock(); realtime adds
 * realtime_offset.  A reader retries while seq is odd or has changed
 * (a seqcount: the kernel makes it odd while it writes).
 */
struct vdso_data {
	u32 seq;
	u32 mult;
	u32 shift;
	u32 getcpu_rdtscp;	/* TSC_AUX holds the CPU number: rdtscp serves getcpu */
	u64 tsc_base;
	u64 ns_base;
	s64 realtime_offset;	/* CLOCK_REALTIME - CLOCK_MONOTONIC, ns */
	u64 hres_res;		/* clock_getres of the TSC clocks, ns */
	u64 coarse_res;		/* and of the _COARSE ones */
	u32 clock_mode;		/* VDSO_CLOCKMODE_*: TIMENS only in a namespace's page */
	u32 pad;
	/* A time namespace's page: what its clocks add to the real ones (ns). */
	s64 monotonic_offset;
	s64 boottime_offset;
};

#ifndef BUILD_VDSO
struct linux_binprm;
struct mm_struct;
struct vm_area_struct;

/* exec: map [vvar] and [vdso] into the new mm, setting mm->context.vdso. */
int arch_setup_additional_pages(struct linux_binprm *bprm, int uses_interp);
/* timekeeping: the clock changed (settimeofday); @realtime_offset as above. */
void update_vsyscall(s64 realtime_offset);
#endif /* BUILD_VDSO */
#endif /* __ASSEMBLY__ */

#endif
