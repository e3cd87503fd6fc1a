// SPDX-License-Identifier: GPL-2.0
/*
 * proc_fork: fork, copy-on-write, vfork and clone.
 *
 * Copy-on-write is checked in every kind of private memory a process has
 * (stack, .data, .bss, brk heap, malloc, anonymous mmap): after fork each
 * side sees only its own writes, in both directions, also three processes
 * deep.  Parent and child take turns through flags in a MAP_SHARED page.
 * The minor-fault count shows that the child's writes really did fault.
 */
#define _GNU_SOURCE
#include <fenv.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define PAGE		4096
#define TURN_MS		5000	/* longest wait for the other side's turn */

struct turns {
	int child_ready;
	int parent_wrote;
	int value;
	pid_t pid, ppid;
};

static struct turns *turns;

static char data_buf[8 * PAGE] = { 1 };	/* .data: file-backed, private */
static char bss_buf[8 * PAGE];		/* .bss: anonymous */

static void fill(unsigned char *p, size_t len, unsigned int seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = (unsigned char)(seed + i * 7 + i / PAGE);
}

/* Index of the first byte that differs from fill(seed), or -1. */
static long verify(const unsigned char *p, size_t len, unsigned int seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != (unsigned char)(seed + i * 7 + i / PAGE))
			return i;
	return -1;
}

static void reset_turns(void)
{
	memset(turns, 0, sizeof(*turns));
}

/*
 * The copy-on-write dance on BUF: both sides start with pattern 1; the
 * parent then writes 2 while the child watches, the child writes 3 while
 * the parent waits.  Neither may see the other's pattern.
 */
static void cow_check(unsigned char *buf, size_t len)
{
	pid_t pid;

	reset_turns();
	fill(buf, len, 1);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_EQ(verify(buf, len, 1), -1);
		turns->child_ready = 1;
		LT_CHECK(lt_wait_flag(&turns->parent_wrote, 1, TURN_MS));
		LT_CHECK_EQ(verify(buf, len, 1), -1);	/* not the parent's 2 */
		fill(buf, len, 3);
		LT_CHECK_EQ(verify(buf, len, 3), -1);
		_exit(0);
	}
	LT_CHECK(lt_wait_flag(&turns->child_ready, 1, TURN_MS));
	fill(buf, len, 2);
	turns->parent_wrote = 1;
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(verify(buf, len, 2), -1);		/* not the child's 3 */
}

LT_CASE(basic)
{
	pid_t parent = getpid(), pid;

	reset_turns();
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		turns->pid = getpid();
		turns->ppid = getppid();
		_exit(0);
	}
	LT_CHECK(pid > 0 && pid != parent);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(turns->pid, pid);
	LT_CHECK_EQ(turns->ppid, parent);
	LT_CHECK_EQ(getpid(), parent);
}

LT_CASE(cow_stack)
{
	unsigned char buf[8 * PAGE];

	cow_check(buf, sizeof(buf));
}

LT_CASE(cow_data_bss)
{
	cow_check((unsigned char *)data_buf, sizeof(data_buf));
	cow_check((unsigned char *)bss_buf, sizeof(bss_buf));
}

LT_CASE(cow_brk)
{
	unsigned long cur = syscall(SYS_brk, 0);
	unsigned long len = 8 * PAGE;

	LT_CHECK_EQ(syscall(SYS_brk, cur + len), cur + len);
	cow_check((unsigned char *)cur, len);
	LT_CHECK_EQ(syscall(SYS_brk, cur), cur);
}

LT_CASE(cow_malloc)
{
	unsigned char *small = malloc(3000), *big = malloc(300 * 1024);

	LT_CHECK(small && big);
	cow_check(small, 3000);
	cow_check(big, 300 * 1024);
	free(small);
	free(big);
}

LT_CASE(cow_mmap)
{
	size_t len = 16 * PAGE;
	unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	LT_CHECK(p != MAP_FAILED);
	cow_check(p, len);
	/* Unaligned, straddling pages: the copy is per page, not per write. */
	cow_check(p + 100, 3 * PAGE);
	LT_CHECK_OK(munmap(p, len));
}

/* Three processes share the pages; each writes its own pattern. */
/*
 * The kernel writing into a copy-on-write page for a system call (here
 * getrandom into a buffer both sides share after fork) must break the
 * sharing like a user write does, not fail with EFAULT; and the other
 * side keeps its own bytes.
 */
LT_CASE(cow_kernel_write)
{
	unsigned char *buf = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	pid_t pid;

	LT_CHECK(buf != MAP_FAILED);
	fill(buf, 2 * PAGE, 1);			/* present and shared after fork */
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_EQ(syscall(SYS_getrandom, buf + PAGE - 8, 16, 0), 16);
		LT_CHECK(verify(buf + PAGE - 8, 16, 1) != -1);	/* overwritten */
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(verify(buf, 2 * PAGE, 1), -1);	/* the parent's copy is intact */
	LT_CHECK_EQ(syscall(SYS_getrandom, buf + PAGE - 8, 16, 0), 16);
	LT_CHECK_EQ(munmap(buf, 2 * PAGE), 0);
}

LT_CASE(cow_three_deep)
{
	size_t len = 8 * PAGE;
	unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	pid_t pid;

	LT_CHECK(p != MAP_FAILED);
	fill(p, len, 10);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		pid_t gpid = fork();

		LT_CHECK(gpid >= 0);
		if (gpid == 0) {
			LT_CHECK_EQ(verify(p, len, 10), -1);
			fill(p, len, 30);
			LT_CHECK_EQ(verify(p, len, 30), -1);
			_exit(0);
		}
		LT_CHECK_WAIT(gpid, LT_EXITED(0));
		LT_CHECK_EQ(verify(p, len, 10), -1);
		fill(p, len, 20);
		LT_CHECK_EQ(verify(p, len, 20), -1);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(verify(p, len, 10), -1);
	fill(p, len, 11);
	LT_CHECK_EQ(verify(p, len, 11), -1);
	LT_CHECK_OK(munmap(p, len));
}

static long minflt(void)
{
	struct rusage ru;

	return getrusage(RUSAGE_SELF, &ru) ? -1 : ru.ru_minflt;
}

/* Each page the child writes after fork costs it a (minor) fault. */
LT_CASE(cow_minflt)
{
	const long pages = 64;
	unsigned char *p = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	pid_t pid;

	LT_CHECK(p != MAP_FAILED);
	memset(p, 0x5a, pages * PAGE);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		long before = minflt(), after, i;

		for (i = 0; i < pages; i++)
			p[i * PAGE] = 1;
		after = minflt();
		LT_CHECK(before >= 0 && after >= 0);
		if (after - before < pages || after - before > 2 * pages + 16)
			LT_FAIL("writing %ld pages after fork: ru_minflt rose by %ld",
				pages, after - before);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(p[0], 0x5a);
	LT_CHECK_OK(munmap(p, pages * PAGE));
}

/* Many children alive at once, then each exits with its own status. */
LT_CASE(many_children)
{
	enum { N = 40 };
	pid_t pids[N];
	int i;

	reset_turns();
	for (i = 0; i < N; i++) {
		pids[i] = fork();
		LT_CHECK(pids[i] >= 0);
		if (pids[i] == 0) {
			LT_CHECK(lt_wait_flag(&turns->parent_wrote, 1, TURN_MS));
			_exit(i);
		}
	}
	for (i = 0; i < N; i++)
		for (int j = 0; j < i; j++)
			LT_CHECK(pids[i] != pids[j]);
	turns->parent_wrote = 1;
	for (i = 0; i < N; i++)
		LT_CHECK_WAIT(pids[i], LT_EXITED(i));
	LT_CHECK_ERR(waitpid(-1, NULL, WNOHANG), ECHILD);
}

/* The child of vfork borrows the parent's memory until it exits. */
LT_CASE(vfork_shares_memory)
{
	volatile int local = 1;
	pid_t pid;

	data_buf[5] = 1;
	pid = vfork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		local = 2;
		data_buf[5] = 2;
		_exit(7);
	}
	LT_CHECK_EQ(local, 2);
	LT_CHECK_EQ(data_buf[5], 2);
	LT_CHECK_WAIT(pid, LT_EXITED(7));
}

/* The parent does not run until the child exits. */
LT_CASE(vfork_suspends_parent)
{
	volatile int stage = 0;
	long long start = lt_now_ns();
	pid_t pid;

	pid = vfork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		stage = 1;
		lt_sleep_ms(50);
		stage = 2;
		_exit(0);
	}
	LT_CHECK_EQ(stage, 2);
	LT_CHECK(lt_now_ns() - start >= 50 * 1000000LL);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* ... or until it execs: then both run, and the parent's memory is its own. */
LT_CASE(vfork_exec)
{
	static char *const argv[] = { "exec_check", NULL };
	static char *const envp[] = { "LT_MODE=exit", "LT_CODE=42", NULL };
	volatile int stage = 0;
	pid_t pid;

	pid = vfork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		stage = 1;
		execve("/tests/exec_check", argv, envp);
		_exit(100);
	}
	LT_CHECK_EQ(stage, 1);
	LT_CHECK_WAIT(pid, LT_EXITED(42));

	/* A failed exec leaves the vfork child running on our memory. */
	pid = vfork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		execve("/tests/no-such-program", argv, envp);
		stage = errno;
		_exit(3);
	}
	LT_CHECK_EQ(stage, ENOENT);
	LT_CHECK_WAIT(pid, LT_EXITED(3));
}

/* clone() with only SIGCHLD is fork: what musl's fork and _Fork use. */
LT_CASE(clone_as_fork)
{
	static int value = 1;
	long pid;

	pid = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		value = 2;
		_exit(getppid() > 0 ? 5 : 6);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(5));
	LT_CHECK_EQ(value, 1);
}

static int clone_child(void *arg)
{
	int *p = arg;

	*p = getpid();
	return 9;
}

static int clone_child_exec(void *arg)
{
	static char *const argv[] = { "exec_check", NULL };
	static char *const envp[] = { "LT_MODE=exit", "LT_CODE=43", NULL };

	(void)arg;
	execve("/tests/exec_check", argv, envp);
	return 100;
}

/*
 * posix_spawn's clone: CLONE_VM | CLONE_VFORK | SIGCHLD on a stack of its
 * own.  The child writes our memory and we sleep until it exits or execs.
 */
LT_CASE(clone_vm_vfork)
{
	size_t stack_size = 64 * 1024;
	char *stack = mmap(NULL, stack_size, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	volatile int seen = 0;
	int pid;

	LT_CHECK(stack != MAP_FAILED);
	pid = clone(clone_child, stack + stack_size, CLONE_VM | CLONE_VFORK | SIGCHLD,
		    (void *)&seen);
	LT_CHECK(pid > 0);
	LT_CHECK_EQ(seen, pid);
	LT_CHECK_WAIT(pid, LT_EXITED(9));

	pid = clone(clone_child_exec, stack + stack_size, CLONE_VM | CLONE_VFORK | SIGCHLD,
		    NULL);
	LT_CHECK(pid > 0);
	LT_CHECK_WAIT(pid, LT_EXITED(43));
	LT_CHECK_OK(munmap(stack, stack_size));
}

/* CLONE_VM without CLONE_VFORK: both run at once on one address space. */
LT_CASE(clone_vm)
{
	size_t stack_size = 64 * 1024;
	char *stack = mmap(NULL, stack_size, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	volatile int seen = 0;
	int pid;

	LT_CHECK(stack != MAP_FAILED);
	pid = clone(clone_child, stack + stack_size, CLONE_VM | SIGCHLD, (void *)&seen);
	LT_CHECK(pid > 0);
	LT_CHECK_WAIT(pid, LT_EXITED(9));
	LT_CHECK_EQ(seen, pid);
	LT_CHECK_OK(munmap(stack, stack_size));
}

/*
 * Floating-point state is per process: parent and child interleave (each
 * yields every step) with different rounding modes, and each must keep its
 * own mode and get its own exact results.
 */
static double fp_series(int steps)
{
	volatile double x = 1.0;
	int i;

	for (i = 1; i <= steps; i++) {
		x = x / 3.0 + 1.0 / i;
		sched_yield();
	}
	return x;
}

LT_CASE(fpu_state_per_process)
{
	double want_near, want_up;
	pid_t pid;

	fesetround(FE_UPWARD);
	want_up = fp_series(20);
	fesetround(FE_TONEAREST);
	want_near = fp_series(20);
	LT_CHECK(want_up != want_near);

	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		fesetround(FE_UPWARD);
		for (int round = 0; round < 10; round++) {
			LT_CHECK(fp_series(20) == want_up);
			LT_CHECK_EQ(fegetround(), FE_UPWARD);
		}
		_exit(0);
	}
	for (int round = 0; round < 10; round++) {
		LT_CHECK(fp_series(20) == want_near);
		LT_CHECK_EQ(fegetround(), FE_TONEAREST);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* What a child starts with: our umask, nice, limits, name, break. */
LT_CASE(child_inherits)
{
	unsigned long brk0 = syscall(SYS_brk, 0);
	struct rlimit saved, rl;
	char name[16] = "";
	mode_t old;
	pid_t pid;

	LT_CHECK_OK(getrlimit(RLIMIT_STACK, &saved));
	rl = saved;
	rl.rlim_cur = 1 << 20;
	LT_CHECK_OK(setrlimit(RLIMIT_STACK, &rl));
	LT_CHECK_OK(setpriority(PRIO_PROCESS, 0, 3));
	LT_CHECK_OK(prctl(PR_SET_NAME, "inherited-name"));
	old = umask(027);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct rlimit got;

		LT_CHECK_EQ(umask(0), 027);
		LT_CHECK_EQ(getpriority(PRIO_PROCESS, 0), 3);
		LT_CHECK_OK(getrlimit(RLIMIT_STACK, &got));
		LT_CHECK_EQ(got.rlim_cur, 1 << 20);
		LT_CHECK_OK(prctl(PR_GET_NAME, name));
		LT_CHECK(!strcmp(name, "inherited-name"));
		LT_CHECK_EQ(syscall(SYS_brk, 0), brk0);
		/* Moving our break moves only ours. */
		LT_CHECK_EQ(syscall(SYS_brk, brk0 + 4 * PAGE), brk0 + 4 * PAGE);
		_exit(0);
	}
	umask(old);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(syscall(SYS_brk, 0), brk0);
	LT_CHECK_OK(setrlimit(RLIMIT_STACK, &saved));
	/* Lowering nice back to 0 needs root (CAP_SYS_NICE). */
	LT_CHECK_OK(setpriority(PRIO_PROCESS, 0, 0));
	LT_CHECK_OK(prctl(PR_SET_NAME, "proc_fork"));
}

int main(void)
{
	lt_begin("proc_fork");
	turns = lt_shared(sizeof(*turns));
	LT_RUN(basic);
	LT_RUN(cow_stack);
	LT_RUN(cow_data_bss);
	LT_RUN(cow_brk);
	LT_RUN(cow_malloc);
	LT_RUN(cow_mmap);
	LT_RUN(cow_kernel_write);
	LT_RUN(cow_three_deep);
	LT_RUN(cow_minflt);
	LT_RUN(many_children);
	LT_RUN(vfork_shares_memory);
	LT_RUN(vfork_suspends_parent);
	LT_RUN(vfork_exec);
	LT_RUN(clone_as_fork);
	LT_RUN(clone_vm_vfork);
	LT_RUN(clone_vm);
	LT_RUN(fpu_state_per_process);
	LT_RUN(child_inherits);
	return lt_end();
}
