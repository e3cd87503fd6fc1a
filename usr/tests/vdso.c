// SPDX-License-Identifier: GPL-2.0
/*
 * vdso: the shared object the kernel maps into every process.  It is
 * found as libc finds it (AT_SYSINFO_EHDR, then the dynamic symbol table
 * and symbol versions), must agree with the real system calls, and must
 * not make one: that is checked by single-stepping the calls (the trap
 * flag raises SIGTRAP after every instruction, and the handler looks for
 * a `syscall` instruction at the next one), which counts exactly what
 * runs, on Lantern and on Linux alike.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include "lt.h"

typedef int (*cgt_fn)(clockid_t, struct timespec *);
typedef int (*gtod_fn)(struct timeval *, void *);
typedef time_t (*time_fn)(time_t *);
typedef long (*getcpu_fn)(unsigned *, unsigned *, void *);

static const char *const vdso_names[] = {
	"__vdso_clock_gettime", "__vdso_gettimeofday", "__vdso_time",
	"__vdso_getcpu", "__vdso_clock_getres",
};

/* The address of @name@LINUX_2.6 in the vDSO at @base, or NULL. */
static void *vdso_sym(uintptr_t base, const char *name)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)base;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(base + eh->e_phoff);
	const Elf64_Dyn *dyn = NULL;
	const Elf64_Sym *sym = NULL;
	const Elf64_Verdef *vd = NULL;
	const Elf64_Half *versym = NULL;
	const uint32_t *hash = NULL;
	const char *str = NULL;
	uintptr_t bias = 0;
	uint32_t i;
	int j;

	for (j = 0; j < eh->e_phnum; j++) {
		if (ph[j].p_type == PT_LOAD && !ph[j].p_offset)
			bias = base - ph[j].p_vaddr;
		if (ph[j].p_type == PT_DYNAMIC)
			dyn = (const Elf64_Dyn *)ph[j].p_vaddr;
	}
	if (!dyn)
		return NULL;
	for (dyn = (const Elf64_Dyn *)((uintptr_t)dyn + bias); dyn->d_tag != DT_NULL; dyn++) {
		uintptr_t p = dyn->d_un.d_ptr + bias;

		switch (dyn->d_tag) {
		case DT_SYMTAB: sym = (const Elf64_Sym *)p; break;
		case DT_STRTAB: str = (const char *)p; break;
		case DT_HASH: hash = (const uint32_t *)p; break;
		case DT_VERSYM: versym = (const Elf64_Half *)p; break;
		case DT_VERDEF: vd = (const Elf64_Verdef *)p; break;
		}
	}
	if (!sym || !str || !hash || !versym || !vd)
		return NULL;
	for (i = 0; i < hash[1]; i++) {		/* nchain: the number of symbols */
		const Elf64_Verdef *d = vd;

		if (strcmp(str + sym[i].st_name, name) || !sym[i].st_shndx ||
		    ELF64_ST_TYPE(sym[i].st_info) != STT_FUNC)
			continue;
		for (;;) {
			const Elf64_Verdaux *a = (const Elf64_Verdaux *)((uintptr_t)d + d->vd_aux);

			if (d->vd_ndx == (versym[i] & 0x7fff))
				return strcmp(str + a->vda_name, "LINUX_2.6") ? NULL
					: (void *)(bias + sym[i].st_value);
			if (!d->vd_next)
				break;
			d = (const Elf64_Verdef *)((uintptr_t)d + d->vd_next);
		}
	}
	return NULL;
}

static uintptr_t vdso_base(void)
{
	return getauxval(AT_SYSINFO_EHDR);
}

/* The image is a relocation-free x86-64 shared object exporting the five calls. */
LT_CASE(elf_well_formed)
{
	uintptr_t base = vdso_base();
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)base;
	const Elf64_Phdr *ph;
	unsigned int i;
	int j, loads = 0;

	LT_CHECK(base != 0);
	LT_CHECK(!memcmp(eh->e_ident, ELFMAG, SELFMAG));
	LT_CHECK_EQ(eh->e_ident[EI_CLASS], ELFCLASS64);
	LT_CHECK_EQ(eh->e_type, ET_DYN);
	LT_CHECK_EQ(eh->e_machine, EM_X86_64);
	ph = (const Elf64_Phdr *)(base + eh->e_phoff);
	for (j = 0; j < eh->e_phnum; j++) {
		if (ph[j].p_type == PT_LOAD)
			loads++;
		if (ph[j].p_type == PT_DYNAMIC) {
			const Elf64_Dyn *d = (const Elf64_Dyn *)(base + ph[j].p_vaddr);

			for (; d->d_tag != DT_NULL; d++)
				if ((d->d_tag == DT_RELASZ || d->d_tag == DT_RELSZ) && d->d_un.d_val)
					LT_FAIL("the vDSO has relocations");
		}
	}
	LT_CHECK_EQ(loads, 1);
	for (i = 0; i < sizeof(vdso_names) / sizeof(vdso_names[0]); i++)
		if (!vdso_sym(base, vdso_names[i]))
			LT_FAIL("%s@LINUX_2.6 not found", vdso_names[i]);
	LT_CHECK(vdso_sym(base, "__vdso_no_such_thing") == NULL);
}

/* /proc/self/maps: [vvar] read-only right below [vdso] read-execute. */
LT_CASE(maps)
{
	FILE *f = fopen("/proc/self/maps", "r");
	unsigned long start, end, vdso_start = 0, vdso_end = 0, vvar_end = 0;
	char line[256], perms[8], vdso_perms[8] = "", vvar_perms[8] = "";

	LT_CHECK(f != NULL);
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx-%lx %7s", &start, &end, perms) != 3)
			continue;
		if (strstr(line, "[vdso]")) {
			vdso_start = start;
			vdso_end = end;
			strcpy(vdso_perms, perms);
		} else if (strstr(line, "[vvar]")) {
			vvar_end = end;
			strcpy(vvar_perms, perms);
		}
	}
	fclose(f);
	LT_CHECK_EQ(vdso_start, vdso_base());
	LT_CHECK(vdso_end > vdso_start);
	LT_CHECK_EQ(vvar_end, vdso_start);
	LT_CHECK(!strcmp(vdso_perms, "r-xp"));
	LT_CHECK(!strcmp(vvar_perms, "r--p"));
}

static long long ts_ns(const struct timespec *ts)
{
	return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static const clockid_t vdso_clocks[] = {
	CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_REALTIME_COARSE,
	CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME, CLOCK_TAI,
};

/* Each clock read through the vDSO lies between two system-call readings. */
LT_CASE(clock_gettime_consistent)
{
	cgt_fn cgt = (cgt_fn)vdso_sym(vdso_base(), "__vdso_clock_gettime");
	struct timespec a, v, b;
	unsigned int i;
	int round;

	LT_CHECK(cgt != NULL);
	for (round = 0; round < 100; round++)
		for (i = 0; i < sizeof(vdso_clocks) / sizeof(vdso_clocks[0]); i++) {
			clockid_t c = vdso_clocks[i];

			LT_CHECK_OK(syscall(SYS_clock_gettime, c, &a));
			LT_CHECK_EQ(cgt(c, &v), 0);
			LT_CHECK_OK(syscall(SYS_clock_gettime, c, &b));
			if (v.tv_nsec < 0 || v.tv_nsec >= 1000000000L)
				LT_FAIL("clock %d: tv_nsec %ld", c, v.tv_nsec);
			if (ts_ns(&v) < ts_ns(&a) || ts_ns(&v) > ts_ns(&b))
				LT_FAIL("clock %d: vDSO %lld not within %lld..%lld", c,
					ts_ns(&v), ts_ns(&a), ts_ns(&b));
		}
}

/* 100000 readings, through libc (which uses the vDSO), never go back. */
LT_CASE(monotonic)
{
	struct timespec ts;
	long long last = 0, now;
	int i;

	for (i = 0; i < 100000; i++) {
		LT_CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &ts));
		now = ts_ns(&ts);
		if (now < last)
			LT_FAIL("went back from %lld to %lld", last, now);
		last = now;
	}
}

/* Clocks the vDSO does not serve go to the system call, errors included. */
LT_CASE(fallback)
{
	uintptr_t base = vdso_base();
	cgt_fn cgt = (cgt_fn)vdso_sym(base, "__vdso_clock_gettime");
	cgt_fn getres = (cgt_fn)vdso_sym(base, "__vdso_clock_getres");
	struct timespec ts, sys;
	unsigned int i;

	LT_CHECK(cgt && getres);
	LT_CHECK_EQ(cgt(CLOCK_PROCESS_CPUTIME_ID, &ts), 0);
	LT_CHECK(ts_ns(&ts) > 0);
	LT_CHECK_EQ(cgt(-1, &ts), -EINVAL);
	LT_CHECK_EQ(cgt(1000, &ts), -EINVAL);
	LT_CHECK_EQ(getres(1000, &ts), -EINVAL);
	for (i = 0; i < sizeof(vdso_clocks) / sizeof(vdso_clocks[0]); i++) {
		LT_CHECK_EQ(getres(vdso_clocks[i], &ts), 0);
		LT_CHECK_OK(syscall(SYS_clock_getres, vdso_clocks[i], &sys));
		LT_CHECK_EQ(ts_ns(&ts), ts_ns(&sys));
		LT_CHECK_EQ(getres(vdso_clocks[i], NULL), 0);
	}
}

LT_CASE(gettimeofday_time)
{
	uintptr_t base = vdso_base();
	gtod_fn gtod = (gtod_fn)vdso_sym(base, "__vdso_gettimeofday");
	time_fn vtime = (time_fn)vdso_sym(base, "__vdso_time");
	struct timeval a, v, b;
	time_t t = 0, t1, t2;

	LT_CHECK(gtod && vtime);
	LT_CHECK_OK(syscall(SYS_gettimeofday, &a, NULL));
	LT_CHECK_EQ(gtod(&v, NULL), 0);
	LT_CHECK_OK(syscall(SYS_gettimeofday, &b, NULL));
	LT_CHECK(v.tv_usec >= 0 && v.tv_usec < 1000000);
	LT_CHECK(a.tv_sec * 1000000LL + a.tv_usec <= v.tv_sec * 1000000LL + v.tv_usec);
	LT_CHECK(v.tv_sec * 1000000LL + v.tv_usec <= b.tv_sec * 1000000LL + b.tv_usec);
	t1 = syscall(SYS_time, NULL);
	LT_CHECK_EQ(vtime(&t), t);
	t2 = syscall(SYS_time, NULL);
	LT_CHECK(t1 <= t && t <= t2);
}

LT_CASE(getcpu)
{
	getcpu_fn vgetcpu = (getcpu_fn)vdso_sym(vdso_base(), "__vdso_getcpu");
	unsigned int cpu = 99, node = 99, scpu = 98, snode = 98;

	LT_CHECK(vgetcpu != NULL);
	LT_CHECK_EQ(vgetcpu(&cpu, &node, NULL), 0);
	LT_CHECK_OK(syscall(SYS_getcpu, &scpu, &snode, NULL));
	LT_CHECK_EQ(cpu, scpu);
	LT_CHECK_EQ(node, snode);
	LT_CHECK_EQ(vgetcpu(NULL, NULL, NULL), 0);
}

static volatile unsigned long steps, syscalls;

static void on_trap(int sig __attribute__((unused)), siginfo_t *si __attribute__((unused)),
		    void *ctx)
{
	const unsigned char *ip = (const unsigned char *)
		((ucontext_t *)ctx)->uc_mcontext.gregs[REG_RIP];

	steps++;
	if (ip[0] == 0x0f && ip[1] == 0x05)
		syscalls++;
}

/* Run @fn(@clock) one instruction at a time, counting syscall instructions. */
static void __attribute__((noinline)) single_step(void (*fn)(int), int clock)
{
	steps = syscalls = 0;
	__asm__ volatile("pushfq; orq $0x100, (%%rsp); popfq" ::: "memory", "cc");
	fn(clock);
	__asm__ volatile("pushfq; andq $~0x100, (%%rsp); popfq" ::: "memory", "cc");
}

static void libc_clock_gettime(int clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
}

static void libc_gettimeofday(int unused __attribute__((unused)))
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
}

static void raw_clock_gettime(int clock)
{
	struct timespec ts;

	syscall(SYS_clock_gettime, clock, &ts);
}

#define CHECK_SYSCALLS(fn, clock, want) do {				\
	single_step((fn), (clock));					\
	if (steps < 5)							\
		LT_FAIL("%s(%d): only %lu steps traced", #fn, (clock), steps); \
	if (syscalls != (unsigned long)(want))				\
		LT_FAIL("%s(%d): %lu system calls in %lu instructions, expected %d", \
			#fn, (clock), syscalls, steps, (int)(want));	\
} while (0)

/*
 * The clock source, if the kernel names it in sysfs.  The vDSO reads the
 * fine-grained clocks itself only from a clock source user space can
 * read (tsc, kvm-clock); from another (Linux with several vCPUs under
 * TCG marks the TSC unstable, its CPUs not being in step, and falls back
 * to hpet or acpi_pm) it makes the system call.  No sysfs entry
 * (Lantern): the TSC.
 */
static int vdso_clocksource(char *name, size_t size)
{
	mkdir("/sys", 0555);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	if (lt_read_file("/sys/devices/system/clocksource/clocksource0/current_clocksource",
			 name, size) <= 0) {
		snprintf(name, size, "tsc (no sysfs entry)");
		return 1;
	}
	name[strcspn(name, "\n")] = '\0';
	return !strcmp(name, "tsc") || !strcmp(name, "kvm-clock");
}

/*
 * clock_gettime and gettimeofday from libc make no system call (with a
 * clock source the vDSO can read; exactly one without); the coarse
 * clocks never need one.
 */
LT_CASE(no_syscall)
{
	struct sigaction sa = { .sa_sigaction = on_trap, .sa_flags = SA_SIGINFO };
	struct timespec ts;
	char source[64];
	int fine = vdso_clocksource(source, sizeof(source)) ? 0 : 1;

	LT_CHECK_OK(sigaction(SIGTRAP, &sa, NULL));
	clock_gettime(CLOCK_MONOTONIC, &ts);	/* libc finds the vDSO on first use */
	/* The counter works: a system call is seen... */
	CHECK_SYSCALLS(raw_clock_gettime, CLOCK_MONOTONIC, 1);
	CHECK_SYSCALLS(libc_clock_gettime, CLOCK_PROCESS_CPUTIME_ID, 1);
	/* ...and the vDSO's clocks have none. */
	CHECK_SYSCALLS(libc_clock_gettime, CLOCK_MONOTONIC_COARSE, 0);
	CHECK_SYSCALLS(libc_clock_gettime, CLOCK_MONOTONIC, fine);
	CHECK_SYSCALLS(libc_clock_gettime, CLOCK_REALTIME, fine);
	CHECK_SYSCALLS(libc_clock_gettime, CLOCK_BOOTTIME, fine);
	CHECK_SYSCALLS(libc_gettimeofday, 0, fine);
	signal(SIGTRAP, SIG_DFL);
	if (fine)
		lt_note("clock source %s: the vDSO falls back to the system call", source);
}

/* The vDSO pages survive fork: the child's libc still reads them. */
LT_CASE(fork_child)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		cgt_fn cgt = (cgt_fn)vdso_sym(vdso_base(), "__vdso_clock_gettime");
		struct timespec a, v;

		LT_CHECK(cgt != NULL);
		LT_CHECK_OK(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &a));
		LT_CHECK_EQ(cgt(CLOCK_MONOTONIC, &v), 0);
		LT_CHECK(ts_ns(&v) >= ts_ns(&a));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* [vvar] and [vdso] as /proc/self/maps shows them; 0 when found. */
static int find_vdso_areas(unsigned long *vvar, unsigned long *vdso, unsigned long *end)
{
	FILE *f = fopen("/proc/self/maps", "r");
	unsigned long start, stop;
	char line[256];

	*vvar = *vdso = *end = 0;
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx-%lx", &start, &stop) != 2)
			continue;
		if (strstr(line, "[vvar]"))
			*vvar = start;
		if (strstr(line, "[vdso]")) {
			*vdso = start;
			*end = stop;
		}
	}
	fclose(f);
	return *vvar && *vdso ? 0 : -1;
}

/*
 * Moving both areas, keeping their distance (as checkpoint/restore tools
 * do), leaves a working vDSO that maps names at its new place.  The areas
 * never grow.  libc still points at the old place: not used after.
 */
LT_CASE(mremap)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		unsigned long vvar, vdso, end, nvvar, nvdso, nend;
		struct timespec a, v;
		void *to;
		cgt_fn cgt;

		LT_CHECK_OK(find_vdso_areas(&vvar, &vdso, &end));
		LT_CHECK_EQ(syscall(SYS_mremap, vdso, end - vdso, end - vdso + 4096, 0), -1);
		LT_CHECK_EQ(errno, EFAULT);
		to = mmap(NULL, end - vvar, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		LT_CHECK(to != MAP_FAILED);
		LT_CHECK_EQ((long)mremap((void *)vvar, vdso - vvar, vdso - vvar,
					 MREMAP_MAYMOVE | MREMAP_FIXED, to), (long)to);
		LT_CHECK_EQ((long)mremap((void *)vdso, end - vdso, end - vdso,
					 MREMAP_MAYMOVE | MREMAP_FIXED, (char *)to + (vdso - vvar)),
			    (long)to + (long)(vdso - vvar));
		LT_CHECK_OK(find_vdso_areas(&nvvar, &nvdso, &nend));
		LT_CHECK_EQ(nvvar, (unsigned long)to);
		LT_CHECK_EQ(nvdso, (unsigned long)to + (vdso - vvar));
		LT_CHECK_EQ(nend - nvdso, end - vdso);
		cgt = (cgt_fn)vdso_sym(nvdso, "__vdso_clock_gettime");
		LT_CHECK(cgt != NULL);
		LT_CHECK_OK(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &a));
		LT_CHECK_EQ(cgt(CLOCK_MONOTONIC, &v), 0);
		LT_CHECK(ts_ns(&v) >= ts_ns(&a) && ts_ns(&v) - ts_ns(&a) < 10000000000LL);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* A process may unmap [vvar] and [vdso]; it goes on without them. */
LT_CASE(munmap)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		FILE *f = fopen("/proc/self/maps", "r");
		unsigned long start, end, lo = 0, hi = 0;
		char line[256];
		pid_t child;
		int status;

		LT_CHECK(f != NULL);
		while (fgets(line, sizeof(line), f))
			if ((strstr(line, "[vvar]") || strstr(line, "[vdso]")) &&
			    sscanf(line, "%lx-%lx", &start, &end) == 2) {
				lo = lo ? lo : start;
				hi = end;
			}
		fclose(f);
		LT_CHECK(lo && hi > lo);
		LT_CHECK_OK(munmap((void *)lo, hi - lo));
		f = fopen("/proc/self/maps", "r");
		LT_CHECK(f != NULL);
		while (fgets(line, sizeof(line), f))
			if (strstr(line, "[vdso]") || strstr(line, "[vvar]"))
				LT_FAIL("still mapped: %s", line);
		fclose(f);
		/* No lt_wait here: its time-out reads the clock through libc's vDSO. */
		child = fork();
		if (child == 0)
			_exit(7);
		LT_CHECK_EQ(waitpid(child, &status, 0), child);
		LT_CHECK_EQ(status, LT_EXITED(7));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	int mounted;

	mkdir("/proc", 0555);
	mounted = !mount("proc", "/proc", "proc", 0, NULL);
	lt_begin("vdso");
	LT_RUN(elf_well_formed);
	LT_RUN(maps);
	LT_RUN(clock_gettime_consistent);
	LT_RUN(monotonic);
	LT_RUN(fallback);
	LT_RUN(gettimeofday_time);
	LT_RUN(getcpu);
	LT_RUN(no_syscall);
	LT_RUN(fork_child);
	LT_RUN(mremap);
	LT_RUN(munmap);
	if (mounted)
		umount("/proc");
	return lt_end();
}
