// SPDX-License-Identifier: GPL-2.0
/*
 * seccomp: strict mode (read/write/exit only, anything else is SIGKILL),
 * filter mode with classic BPF (ERRNO, TRAP with the SIGSYS details,
 * KILL_PROCESS/KILL_THREAD, LOG, ALLOW), filters stacking (the most
 * severe answer wins) and passing to children, the no_new_privs rule,
 * /proc/self/status, and the programs the kernel must refuse.
 * Every filter goes into a child: this program stays unfiltered.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lt.h"

/* The ABI, spelled out: the test libc has no kernel headers. */
struct sock_filter { unsigned short code; unsigned char jt, jf; unsigned int k; };
struct sock_fprog { unsigned short len; struct sock_filter *filter; };
struct seccomp_data {
	int nr;
	unsigned int arch;
	unsigned long long instruction_pointer;
	unsigned long long args[6];
};
#define BPF_LD		0x00
#define BPF_ST		0x02
#define BPF_ALU		0x04
#define BPF_JMP		0x05
#define BPF_RET		0x06
#define BPF_MISC	0x07
#define BPF_W		0x00
#define BPF_B		0x10
#define BPF_ABS		0x20
#define BPF_MEM		0x60
#define BPF_DIV		0x30
#define BPF_AND		0x50
#define BPF_JA		0x00
#define BPF_JEQ		0x10
#define BPF_JGE		0x30
#define BPF_K		0x00
#define BPF_X		0x08
#define BPF_TAX		0x00
#define BPF_STMT(code, k)		{ (unsigned short)(code), 0, 0, (k) }
#define BPF_JUMP(code, k, jt, jf)	{ (unsigned short)(code), (jt), (jf), (k) }
#define AUDIT_ARCH_X86_64		0xc000003eU
#define SECCOMP_MODE_STRICT		1
#define SECCOMP_SET_MODE_STRICT		0
#define SECCOMP_SET_MODE_FILTER		1
#define SECCOMP_GET_ACTION_AVAIL	2
#define SECCOMP_RET_KILL_PROCESS	0x80000000U
#define SECCOMP_RET_KILL_THREAD		0x00000000U
#define SECCOMP_RET_TRAP		0x00030000U
#define SECCOMP_RET_ERRNO		0x00050000U
#define SECCOMP_RET_LOG			0x7ffc0000U
#define SECCOMP_RET_ALLOW		0x7fff0000U

#define NR_OFF		offsetof(struct seccomp_data, nr)
#define ARCH_OFF	offsetof(struct seccomp_data, arch)
#define LD_NR		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, NR_OFF)
#define RET(v)		BPF_STMT(BPF_RET | BPF_K, (v))
#define IF_NR(nr, n)	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, (n))

static long install(unsigned int flags, struct sock_filter *f, unsigned short len)
{
	struct sock_fprog prog = { .len = len, .filter = f };

	return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &prog);
}

/* "getppid gets @action, everything else is allowed" */
static long deny_getppid(unsigned int action)
{
	struct sock_filter f[] = {
		LD_NR,
		IF_NR(SYS_getppid, 1),
		RET(action),
		RET(SECCOMP_RET_ALLOW),
	};

	return install(0, f, 4);
}

LT_CASE(strict_mode)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		int p[2];
		char c = 0;

		if (pipe(p))
			_exit(1);
		if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT, 0, 0, 0))
			_exit(2);
		if (write(p[1], "x", 1) != 1 || read(p[0], &c, 1) != 1 || c != 'x')
			syscall(SYS_exit, 3);
		syscall(SYS_exit, 0);	/* exit, not exit_group */
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		if (syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 0, NULL))
			_exit(2);
		syscall(SYS_getpid);
		syscall(SYS_exit, 0);
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGKILL));
}

LT_CASE(filter_errno)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		char buf[4096];

		LT_CHECK_EQ(prctl(PR_GET_SECCOMP, 0, 0, 0, 0), 0);
		LT_CHECK_OK(deny_getppid(SECCOMP_RET_ERRNO | EXDEV));
		LT_CHECK_ERR(syscall(SYS_getppid), EXDEV);
		LT_CHECK(getpid() > 0);
		LT_CHECK_EQ(prctl(PR_GET_SECCOMP, 0, 0, 0, 0), 2);
		LT_CHECK(lt_read_file("/proc/self/status", buf, sizeof(buf)) > 0);
		LT_CHECK(strstr(buf, "Seccomp:\t2\n") != NULL);
		LT_CHECK(strstr(buf, "Seccomp_filters:\t1\n") != NULL);
		/* The child inherits the filter. */
		pid_t kid = fork();
		if (kid == 0)
			_exit(syscall(SYS_getppid) == -1 && errno == EXDEV ? 0 : 1);
		LT_CHECK_WAIT(kid, LT_EXITED(0));
		/* Once filtering, strict mode is refused. */
		LT_CHECK_ERR(syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 0, NULL), EINVAL);
		/* A second filter: the newer answer wins a tie, a kill beats both. */
		LT_CHECK_OK(deny_getppid(SECCOMP_RET_ERRNO | ENOTTY));
		LT_CHECK_ERR(syscall(SYS_getppid), ENOTTY);
		LT_CHECK_OK(deny_getppid(SECCOMP_RET_LOG));
		LT_CHECK_ERR(syscall(SYS_getppid), ENOTTY);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

static volatile int trap_nr, trap_code, trap_errno;
static volatile unsigned int trap_arch;

static void on_sigsys(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	trap_nr = si->si_syscall;
	trap_code = si->si_code;
	trap_arch = si->si_arch;
	trap_errno = si->si_errno;
}

LT_CASE(filter_trap)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct sigaction sa = { .sa_sigaction = on_sigsys, .sa_flags = SA_SIGINFO };

		LT_CHECK_OK(sigaction(SIGSYS, &sa, NULL));
		LT_CHECK_OK(deny_getppid(SECCOMP_RET_TRAP | 42));
		syscall(SYS_getppid);
		LT_CHECK_EQ(trap_nr, SYS_getppid);
		LT_CHECK_EQ(trap_code, 1);		/* SYS_SECCOMP */
		LT_CHECK_EQ(trap_arch, AUDIT_ARCH_X86_64);
		LT_CHECK_EQ(trap_errno, 42);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(filter_kill)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		if (deny_getppid(SECCOMP_RET_KILL_PROCESS))
			_exit(1);
		syscall(SYS_getppid);
		_exit(2);
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGSYS));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		if (deny_getppid(SECCOMP_RET_KILL_THREAD))
			_exit(1);
		syscall(SYS_getppid);
		_exit(2);
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGSYS));
}

/* Without CAP_SYS_ADMIN a filter needs no_new_privs first. */
LT_CASE(needs_no_new_privs)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(setresuid(1000, 1000, 1000));
		LT_CHECK_ERR(deny_getppid(SECCOMP_RET_ERRNO | EXDEV), EACCES);
		LT_CHECK_OK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
		LT_CHECK_OK(deny_getppid(SECCOMP_RET_ERRNO | EXDEV));
		LT_CHECK_ERR(syscall(SYS_getppid), EXDEV);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(bad_programs)
{
	struct sock_filter ok[] = { RET(SECCOMP_RET_ALLOW) };
	struct sock_filter no_ret[] = { LD_NR };
	struct sock_filter far_jump[] = { LD_NR, IF_NR(1, 5), RET(SECCOMP_RET_ALLOW) };
	struct sock_filter far_ja[] = { BPF_STMT(BPF_JMP | BPF_JA, 1), RET(SECCOMP_RET_ALLOW) };
	struct sock_filter big_load[] = { BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 64),
					  RET(SECCOMP_RET_ALLOW) };
	struct sock_filter odd_load[] = { BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 2),
					  RET(SECCOMP_RET_ALLOW) };
	struct sock_filter byte_load[] = { BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 0),
					   RET(SECCOMP_RET_ALLOW) };
	struct sock_filter div0[] = { BPF_STMT(BPF_ALU | BPF_DIV | BPF_K, 0),
				      RET(SECCOMP_RET_ALLOW) };
	struct sock_filter bad_mem[] = { BPF_STMT(BPF_ST, 16), RET(SECCOMP_RET_ALLOW) };
	struct sock_filter bad_op[] = { BPF_STMT(0xffff, 0), RET(SECCOMP_RET_ALLOW) };
	struct sock_fprog prog = { .len = 1, .filter = (struct sock_filter *)8 };
	unsigned int action = SECCOMP_RET_ALLOW;

	LT_CHECK_ERR(install(0, ok, 0), EINVAL);
	LT_CHECK_ERR(install(0, no_ret, 1), EINVAL);
	LT_CHECK_ERR(install(0, far_jump, 3), EINVAL);
	LT_CHECK_ERR(install(0, far_ja, 2), EINVAL);
	LT_CHECK_ERR(install(0, big_load, 2), EINVAL);
	LT_CHECK_ERR(install(0, odd_load, 2), EINVAL);
	LT_CHECK_ERR(install(0, byte_load, 2), EINVAL);
	LT_CHECK_ERR(install(0, div0, 2), EINVAL);
	LT_CHECK_ERR(install(0, bad_mem, 2), EINVAL);
	LT_CHECK_ERR(install(0, bad_op, 2), EINVAL);
	LT_CHECK_ERR(install(0, ok, 4097), EINVAL);
	LT_CHECK_ERR(install(1U << 20, ok, 1), EINVAL);
	LT_CHECK_ERR(syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, (void *)8), EFAULT);
	LT_CHECK_ERR(syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog), EFAULT);
	LT_CHECK_ERR(syscall(SYS_seccomp, 99, 0, NULL), EINVAL);
	LT_CHECK_ERR(syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 1, NULL), EINVAL);
	LT_CHECK_ERR(prctl(PR_SET_SECCOMP, 7, 0, 0, 0), EINVAL);
	LT_CHECK_OK(syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action));
	action = 0x12340000;
	LT_CHECK_ERR(syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action), EOPNOTSUPP);
	LT_CHECK_ERR(syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, (void *)8), EFAULT);
	/* Nothing was installed by any of that. */
	LT_CHECK_EQ(prctl(PR_GET_SECCOMP, 0, 0, 0, 0), 0);
}

static volatile int thread_go, thread_errno, thread_tid;

/* A thread with a filter of its own: TSYNC cannot replace it. */
static void *thread_own_filter(void *arg)
{
	struct sock_filter f[] = { RET(SECCOMP_RET_ALLOW) };

	(void)arg;
	thread_tid = syscall(SYS_gettid);
	if (install(0, f, 1))
		thread_tid = -1;
	thread_go = 1;
	while (thread_go != 2)
		usleep(1000);
	return NULL;
}

static void *thread_probe(void *arg)
{
	(void)arg;
	while (!thread_go)
		usleep(1000);
	thread_errno = syscall(SYS_getppid) == -1 ? errno : 0;
	return NULL;
}

/* TSYNC: one call puts the filter on every thread of the process. */
LT_CASE(filter_tsync)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct sock_filter f[] = {
			LD_NR,
			IF_NR(SYS_getppid, 1),
			RET(SECCOMP_RET_ERRNO | EXDEV),
			RET(SECCOMP_RET_ALLOW),
		};
		pthread_t t;

		LT_CHECK_EQ(pthread_create(&t, NULL, thread_probe, NULL), 0);
		LT_CHECK_EQ(install(1 /* SECCOMP_FILTER_FLAG_TSYNC */, f, 4), 0);
		thread_go = 1;
		LT_CHECK_EQ(pthread_join(t, NULL), 0);
		LT_CHECK_EQ(thread_errno, EXDEV);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	thread_go = 0;
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct sock_filter f[] = { RET(SECCOMP_RET_ALLOW) };
		pthread_t t;

		LT_CHECK_EQ(pthread_create(&t, NULL, thread_own_filter, NULL), 0);
		while (!thread_go)
			usleep(1000);
		LT_CHECK(thread_tid > 0);
		/* The answer is the thread that could not follow. */
		LT_CHECK_EQ(install(1, f, 1), thread_tid);
		thread_go = 2;
		LT_CHECK_EQ(pthread_join(t, NULL), 0);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* A real program: allow-list on the architecture and a few calls. */
LT_CASE(allow_list)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct sock_filter f[] = {
			BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARCH_OFF),
			BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
			RET(SECCOMP_RET_KILL_PROCESS),
			LD_NR,
			BPF_STMT(BPF_ST, 3),			/* scratch memory */
			BPF_STMT(BPF_LD | BPF_MEM, 3),
			BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 1000, 0, 1),
			RET(SECCOMP_RET_ERRNO | EDOM),
			BPF_STMT(BPF_ALU | BPF_AND | BPF_K, 0xffff),
			BPF_STMT(BPF_MISC | BPF_TAX, 0),
			BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_X, SYS_getuid, 0, 0),
			BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getuid, 0, 1),
			RET(SECCOMP_RET_ERRNO | ERANGE),
			RET(SECCOMP_RET_ALLOW),
		};

		LT_CHECK_OK(install(0, f, sizeof(f) / sizeof(f[0])));
		LT_CHECK_ERR(syscall(SYS_getuid), ERANGE);
		LT_CHECK_ERR(syscall(1234), EDOM);
		LT_CHECK(getpid() > 0);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("seccomp");
	mkdir("/proc", 0555);
	if (access("/proc/self", F_OK))
		mount("proc", "/proc", "proc", 0, NULL);
	LT_RUN(strict_mode);
	LT_RUN(filter_errno);
	LT_RUN(filter_trap);
	LT_RUN(filter_kill);
	LT_RUN(needs_no_new_privs);
	LT_RUN(bad_programs);
	LT_RUN(allow_list);
	LT_RUN(filter_tsync);
	return lt_end();
}
