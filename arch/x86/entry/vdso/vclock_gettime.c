// SPDX-License-Identifier: GPL-2.0
/*
 * The vDSO's functions: user code, run in the calling process, that
 * answers time questions from the [vvar] page without entering the
 * kernel.  Clocks the page cannot answer (CPU-time clocks, bad IDs) go
 * to the real system call, so the error codes are the kernel's.
 *
 * Built -fPIC into a shared object with no relocations: everything is
 * reached relative to the instruction pointer, [vvar] included (its
 * address is fixed relative to the code: vvar_page in vdso.lds.S).
 */
#include <linux/types.h>
#include <uapi/linux/time_types.h>
#include <asm/vdso.h>

/* The fallbacks' numbers, from syscall_64.tbl (user-space ABI, never change). */
#define __NR_gettimeofday	96
#define __NR_time		201
#define __NR_clock_gettime	228
#define __NR_clock_getres	229
#define __NR_getcpu		309

#define NSEC_PER_SEC		1000000000ULL
#define NSEC_PER_USEC		1000ULL

#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		1
#define CLOCK_MONOTONIC_RAW	4
#define CLOCK_REALTIME_COARSE	5
#define CLOCK_MONOTONIC_COARSE	6
#define CLOCK_BOOTTIME		7
#define CLOCK_TAI		11


extern const struct vdso_data vvar_page __attribute__((visibility("hidden")));

/* What the vDSO exports (vdso.lds.S), with Linux's signatures. */
int __vdso_clock_gettime(int clock, struct __kernel_timespec *ts);
int __vdso_gettimeofday(struct __kernel_old_timeval *tv, struct __kernel_timezone *tz);
long __vdso_time(long *t);
int __vdso_clock_getres(int clock, struct __kernel_timespec *res);
long __vdso_getcpu(unsigned int *cpu, unsigned int *node, void *unused);

static long vdso_syscall2(long nr, long a, long b)
{
	long ret;

	asm volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b)
		     : "rcx", "r11", "memory");
	return ret;
}

static u64 vdso_rdtsc(void)
{
	u32 lo, hi;

	/* lfence: the TSC must not be read before the seqcount. */
	asm volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) :: "memory");
	return ((u64)hi << 32) | lo;
}

/*
 * In a time namespace [vvar] starts with the namespace's page; the real
 * clock data is a fixed number of pages after it.
 */
static const struct vdso_data *vdso_real_data(const struct vdso_data *vd)
{
	return (const struct vdso_data *)((const char *)vd + VVAR_TIMENS_REAL_PAGE * 4096);
}

/* Which clocks the page serves; false sends the caller to the system call. */
static bool vdso_clock_ns(int clock, u64 *ns)
{
	const struct vdso_data *vd = &vvar_page;
	s64 offset = 0;
	bool real;
	u32 seq;
	u64 t;

	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_TAI:
		real = true;
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		real = false;
		break;
	default:
		return false;
	}
	/* The namespace's offsets never change once a task is inside. */
	if (READ_ONCE(vd->clock_mode) == VDSO_CLOCKMODE_TIMENS) {
		if (clock == CLOCK_BOOTTIME)
			offset = vd->boottime_offset;
		else if (!real)
			offset = vd->monotonic_offset;
		vd = vdso_real_data(vd);
	}
	do {
		seq = READ_ONCE(vd->seq);
		barrier();
		if (!vd->mult)
			return false;		/* not set up yet */
		t = vd->ns_base + (u64)(((unsigned __int128)(vdso_rdtsc() - vd->tsc_base) *
					 vd->mult) >> vd->shift);
		if (real)
			t += vd->realtime_offset;
		barrier();
	} while ((seq & 1) || READ_ONCE(vd->seq) != seq);
	*ns = t + offset;
	return true;
}

int __vdso_clock_gettime(int clock, struct __kernel_timespec *ts)
{
	u64 ns;

	if (!vdso_clock_ns(clock, &ns))
		return vdso_syscall2(__NR_clock_gettime, clock, (long)ts);
	ts->tv_sec = ns / NSEC_PER_SEC;
	ts->tv_nsec = ns % NSEC_PER_SEC;
	return 0;
}

int __vdso_gettimeofday(struct __kernel_old_timeval *tv, struct __kernel_timezone *tz)
{
	u64 ns;

	/* The kernel keeps the (obsolete) time zone; ask it. */
	if (tz || !vdso_clock_ns(CLOCK_REALTIME, &ns))
		return vdso_syscall2(__NR_gettimeofday, (long)tv, (long)tz);
	if (tv) {
		tv->tv_sec = ns / NSEC_PER_SEC;
		tv->tv_usec = ns % NSEC_PER_SEC / NSEC_PER_USEC;
	}
	return 0;
}

long __vdso_time(long *t)
{
	u64 ns;
	long sec;

	if (!vdso_clock_ns(CLOCK_REALTIME, &ns))
		return vdso_syscall2(__NR_time, (long)t, 0);
	sec = ns / NSEC_PER_SEC;
	if (t)
		*t = sec;
	return sec;
}

int __vdso_clock_getres(int clock, struct __kernel_timespec *res)
{
	const struct vdso_data *vd = &vvar_page;
	u64 ns;

	if (!vdso_clock_ns(clock, &ns))
		return vdso_syscall2(__NR_clock_getres, clock, (long)res);
	if (res) {
		res->tv_sec = 0;
		res->tv_nsec = (clock == CLOCK_REALTIME_COARSE || clock == CLOCK_MONOTONIC_COARSE)
			       ? vd->coarse_res : vd->hres_res;
	}
	return 0;
}

/* The kernel puts the CPU number in TSC_AUX (node 0: Lantern has one). */
long __vdso_getcpu(unsigned int *cpu, unsigned int *node, void *unused)
{
	u32 aux;

	if (!READ_ONCE(vvar_page.getcpu_rdtscp))
		return vdso_syscall2(__NR_getcpu, (long)cpu, (long)node);
	asm volatile("rdtscp" : "=c"(aux) :: "eax", "edx");
	if (cpu)
		*cpu = aux & 0xfff;
	if (node)
		*node = aux >> 12;
	return 0;
}

/* The names without the prefix, as Linux's vDSO also exports them. */
int clock_gettime(int, struct __kernel_timespec *)
	__attribute__((weak, alias("__vdso_clock_gettime")));
int gettimeofday(struct __kernel_old_timeval *, struct __kernel_timezone *)
	__attribute__((weak, alias("__vdso_gettimeofday")));
long time(long *) __attribute__((weak, alias("__vdso_time")));
int clock_getres(int, struct __kernel_timespec *)
	__attribute__((weak, alias("__vdso_clock_getres")));
long getcpu(unsigned int *, unsigned int *, void *)
	__attribute__((weak, alias("__vdso_getcpu")));
