// SPDX-License-Identifier: GPL-2.0
/*
 * ptrace_errors: what ptrace refuses, with Linux's error codes.  ESRCH
 * for a task that does not exist, is not traced by us or is not
 * stopped; EPERM for tracing ourselves, a task already traced, a second
 * TRACEME, or another user's process; EIO for bad addresses in the
 * tracee, bad user-area offsets, bad resume signals and unknown
 * requests; EFAULT for bad buffers in the tracer; EINVAL for unknown
 * options and register sets; and SETREGS values that would fault in the
 * kernel on the way back to user mode (a kernel-mode code segment, a
 * non-canonical TLS base), after which the tracee still runs normally;
 * and every request with garbage arguments, which must not hurt.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include "lt.h"

#define BAD_PTR		((void *)16)
#define SIZEOF_USER	928	/* the kernel's struct user (glibc's lacks two words) */

static int pwait(pid_t pid)
{
	long long deadline = lt_now_ns() + 10000000000LL;
	int status;
	pid_t r;

	for (;;) {
		r = waitpid(pid, &status, WNOHANG | __WALL);
		if (r == pid)
			return status;
		if (r < 0 || lt_now_ns() > deadline)
			return -1;
		lt_sleep_ms(1);
	}
}

static long raw_ptrace(long req, long pid, long addr, long data)
{
	return lt_syscall(SYS_ptrace, req, pid, addr, data, 0, 0);
}

static pid_t spawn_pause(void)
{
	pid_t pid = fork();

	if (pid == 0)
		for (;;)
			pause();
	return pid;
}

/* A child that traces itself to us and stops with SIGSTOP; CONT makes it exit 0. */
static pid_t stopped_tracee(void)
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		_exit(0);
	}
	st = pwait(pid);
	if (st == -1 || !WIFSTOPPED(st) || WSTOPSIG(st) != SIGSTOP) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, __WALL);
		return -1;
	}
	return pid;
}

static void kill_reap(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, __WALL);
}

/* No such task, not ours, not stopped: ESRCH. */
LT_CASE(esrch)
{
	pid_t pid;

	LT_CHECK_ERR(ptrace(PTRACE_ATTACH, 0x3ffffff0, 0, 0), ESRCH);
	LT_CHECK_ERR(ptrace(PTRACE_CONT, 0x3ffffff0, 0, 0), ESRCH);
	pid = spawn_pause();
	LT_CHECK(pid > 0);
	/* Our child, but not traced. */
	LT_CHECK_ERR(raw_ptrace(PTRACE_PEEKDATA, pid, (long)&pid, (long)&pid), ESRCH);
	LT_CHECK_ERR(ptrace(PTRACE_GETREGS, pid, 0, &pid), ESRCH);
	LT_CHECK_ERR(ptrace(PTRACE_DETACH, pid, 0, 0), ESRCH);
	/* Traced but running: only KILL and INTERRUPT do not need a stop. */
	LT_CHECK_OK(ptrace(PTRACE_SEIZE, pid, 0, 0));
	LT_CHECK_ERR(ptrace(PTRACE_CONT, pid, 0, 0), ESRCH);
	LT_CHECK_ERR(ptrace(PTRACE_POKEDATA, pid, &pid, 0), ESRCH);
	LT_CHECK_ERR(ptrace(PTRACE_DETACH, pid, 0, 0), ESRCH);
	kill_reap(pid);
}

LT_CASE(eperm)
{
	pid_t pid, helper;

	LT_CHECK_ERR(ptrace(PTRACE_ATTACH, getpid(), 0, 0), EPERM);
	pid = spawn_pause();
	LT_CHECK_OK(ptrace(PTRACE_ATTACH, pid, 0, 0));
	LT_CHECK_ERR(ptrace(PTRACE_ATTACH, pid, 0, 0), EPERM);
	LT_CHECK_ERR(ptrace(PTRACE_SEIZE, pid, 0, 0), EPERM);
	/* Another process may not take it either. */
	helper = fork();
	if (helper == 0)
		_exit(ptrace(PTRACE_ATTACH, pid, 0, 0) == -1 && errno == EPERM ? 0 : 1);
	LT_CHECK_WAIT(helper, LT_EXITED(0));
	/* A second TRACEME. */
	helper = fork();
	if (helper == 0) {
		if (ptrace(PTRACE_TRACEME, 0, 0, 0))
			_exit(2);
		_exit(ptrace(PTRACE_TRACEME, 0, 0, 0) == -1 && errno == EPERM ? 0 : 1);
	}
	LT_CHECK_WAIT(helper, LT_EXITED(0));
	/* Another user's process (we run as root; the helper drops to 65534). */
	helper = fork();
	if (helper == 0) {
		if (setgid(65534) || setuid(65534))
			_exit(3);
		_exit(ptrace(PTRACE_ATTACH, getppid(), 0, 0) == -1 && errno == EPERM ? 0 : 1);
	}
	LT_CHECK_WAIT(helper, LT_EXITED(0));
	kill_reap(pid);
}

/* Addresses the tracee does not have, user-area offsets that do not exist: EIO. */
LT_CASE(eio_addresses)
{
	pid_t pid = stopped_tracee();
	long word;

	LT_CHECK(pid > 0);
	LT_CHECK_ERR(raw_ptrace(PTRACE_PEEKDATA, pid, 0, (long)&word), EIO);
	LT_CHECK_ERR(raw_ptrace(PTRACE_PEEKTEXT, pid, -8, (long)&word), EIO);
	LT_CHECK_ERR(raw_ptrace(PTRACE_PEEKDATA, pid, 0xffff800000000000L, (long)&word), EIO);
	LT_CHECK_ERR(ptrace(PTRACE_POKEDATA, pid, 0, 0), EIO);
	LT_CHECK_ERR(ptrace(PTRACE_POKETEXT, pid, 0xffffffff80000000L, 0), EIO);
	LT_CHECK_ERR(raw_ptrace(PTRACE_PEEKUSER, pid, 3, (long)&word), EIO);
	LT_CHECK_ERR(raw_ptrace(PTRACE_PEEKUSER, pid, SIZEOF_USER, (long)&word), EIO);
	LT_CHECK_ERR(raw_ptrace(PTRACE_PEEKUSER, pid, -8, (long)&word), EIO);
	LT_CHECK_ERR(ptrace(PTRACE_POKEUSER, pid, SIZEOF_USER + 8, 0), EIO);
	LT_CHECK_ERR(ptrace(PTRACE_POKEUSER, pid, 1, 0), EIO);
	/* Resume with a signal that does not exist. */
	LT_CHECK_ERR(ptrace(PTRACE_CONT, pid, 0, 1000), EIO);
	LT_CHECK_ERR(ptrace(PTRACE_SYSCALL, pid, 0, -1L), EIO);
	/* Requests nobody defined. */
	LT_CHECK_ERR(ptrace(0x9999, pid, 0, 0), EIO);
	LT_CHECK_ERR(ptrace(-5, pid, 0, 0), EIO);
	/* INTERRUPT is for seized tracees only. */
	LT_CHECK_ERR(ptrace(PTRACE_INTERRUPT, pid, 0, 0), EIO);
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* Our own buffers bad: EFAULT. */
LT_CASE(efault_buffers)
{
	pid_t pid = stopped_tracee();
	struct iovec iov = { BAD_PTR, sizeof(struct user_regs_struct) };
	int var = 0;

	LT_CHECK(pid > 0);
	LT_CHECK_ERR(raw_ptrace(PTRACE_PEEKDATA, pid, (long)&var, (long)BAD_PTR), EFAULT);
	LT_CHECK_ERR(raw_ptrace(PTRACE_PEEKUSER, pid, 0, (long)BAD_PTR), EFAULT);
	LT_CHECK_ERR(ptrace(PTRACE_GETREGS, pid, 0, BAD_PTR), EFAULT);
	LT_CHECK_ERR(ptrace(PTRACE_SETREGS, pid, 0, BAD_PTR), EFAULT);
	LT_CHECK_ERR(ptrace(PTRACE_GETFPREGS, pid, 0, BAD_PTR), EFAULT);
	LT_CHECK_ERR(ptrace(PTRACE_SETFPREGS, pid, 0, BAD_PTR), EFAULT);
	LT_CHECK_ERR(ptrace(PTRACE_GETSIGINFO, pid, 0, BAD_PTR), EFAULT);
	LT_CHECK_ERR(ptrace(PTRACE_SETSIGINFO, pid, 0, BAD_PTR), EFAULT);
	LT_CHECK_ERR(ptrace(PTRACE_GETEVENTMSG, pid, 0, BAD_PTR), EFAULT);
	LT_CHECK_ERR(ptrace(PTRACE_GETREGSET, pid, 1 /* NT_PRSTATUS */, BAD_PTR), EFAULT);
	LT_CHECK_ERR(ptrace(PTRACE_GETREGSET, pid, 1, &iov), EFAULT);
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* The XSAVE area size for the features the kernel enabled (CPUID 0xd). */
static unsigned int xstate_size(void)
{
	unsigned int a = 0xd, b, c = 0, d;

	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	return b;
}

static unsigned long xstate[8192] __attribute__((aligned(64)));

/* Unknown options and register-set types, bad register images: EINVAL. */
LT_CASE(einval)
{
	pid_t pid = stopped_tracee();
	struct user_regs_struct regs;
	struct iovec iov = { &regs, sizeof(regs) };
	struct iovec xiov = { xstate, 0 };
	pid_t helper;

	LT_CHECK(pid > 0);
	LT_CHECK_ERR(ptrace(PTRACE_SETOPTIONS, pid, 0, 0x40000000), EINVAL);
	/* Suspending the tracee's seccomp filters needs CAP_SYS_ADMIN. */
	helper = fork();
	if (helper == 0) {
		struct __user_cap_header { unsigned int version; int pid; } hdr = { 0x20080522, 0 };
		unsigned int data[6] = { 0 };

		/* Drop every capability but keep our IDs (we stay this process's tracer). */
		if (syscall(SYS_capset, &hdr, data))
			_exit(2);
		_exit(ptrace(PTRACE_SEIZE, getppid(), 0, 1 << 21) == -1 && errno == EPERM ? 0 : 1);
	}
	LT_CHECK_WAIT(helper, LT_EXITED(0));
	LT_CHECK_ERR(ptrace(PTRACE_GETREGSET, pid, 0x7777, &iov), EINVAL);
	/* An XSAVE image with reserved header bits set (LTP ptrace07's CVE). */
	xiov.iov_len = xstate_size();
	LT_CHECK_OK(ptrace(PTRACE_GETREGSET, pid, 0x202 /* NT_X86_XSTATE */, &xiov));
	LT_CHECK_EQ(xiov.iov_len, xstate_size());
	xstate[65] = -1;	/* xcomp_bv: the compacted format */
	LT_CHECK_ERR(ptrace(PTRACE_SETREGSET, pid, 0x202, &xiov), EINVAL);
	/* A hardware breakpoint on a kernel address (LTP ptrace08's CVE). */
	LT_CHECK_OK(ptrace(PTRACE_POKEUSER, pid, offsetof(struct user, u_debugreg[0]), 1));
	LT_CHECK_OK(ptrace(PTRACE_POKEUSER, pid, offsetof(struct user, u_debugreg[7]), 1));
	LT_CHECK_ERR(ptrace(PTRACE_POKEUSER, pid, offsetof(struct user, u_debugreg[0]),
			    0xffff800000000000L), EINVAL);
	LT_CHECK_OK(ptrace(PTRACE_POKEUSER, pid, offsetof(struct user, u_debugreg[0]), 0x1000));
	LT_CHECK_EQ(ptrace(PTRACE_PEEKUSER, pid, offsetof(struct user, u_debugreg[0]), 0), 0x1000);
	LT_CHECK_OK(ptrace(PTRACE_POKEUSER, pid, offsetof(struct user, u_debugreg[7]), 0));
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/*
 * SETREGS values that iretq would fault on in the kernel are refused;
 * EFLAGS bits a program may not set are dropped.  Afterwards the good
 * registers go back and the tracee finishes normally.
 */
LT_CASE(setregs_rejects_bad_values)
{
	pid_t pid = stopped_tracee();
	struct user_regs_struct good, bad;

	LT_CHECK(pid > 0);
	LT_CHECK_OK(ptrace(PTRACE_GETREGS, pid, 0, &good));
	bad = good;
	bad.cs = 0x8;			/* a kernel code segment */
	LT_CHECK_ERR(ptrace(PTRACE_SETREGS, pid, 0, &bad), EIO);
	bad = good;
	bad.ss = 0x10;			/* ring-0 stack segment */
	LT_CHECK_ERR(ptrace(PTRACE_SETREGS, pid, 0, &bad), EIO);
	bad = good;
	bad.fs_base = 0x8000000000000000UL;	/* non-canonical */
	LT_CHECK_ERR(ptrace(PTRACE_SETREGS, pid, 0, &bad), EIO);
	bad = good;
	bad.gs_base = 0xffff888000000000UL;	/* the kernel's direct map */
	LT_CHECK_ERR(ptrace(PTRACE_SETREGS, pid, 0, &bad), EIO);
	bad = good;
	bad.ds = 0x9;			/* requested privilege 1 */
	LT_CHECK_ERR(ptrace(PTRACE_SETREGS, pid, 0, &bad), EIO);
	LT_CHECK_ERR(ptrace(PTRACE_POKEUSER, pid, offsetof(struct user, regs.cs), 0), EIO);
	LT_CHECK_ERR(ptrace(PTRACE_POKEUSER, pid, offsetof(struct user, regs.fs_base),
			    0xffffffff80000000UL), EIO);
	/* IOPL 3 and VM (virtual-8086) are silently dropped, IF stays on. */
	bad = good;
	bad.eflags |= 0x3000 | 0x20000;
	bad.eflags &= ~0x200UL;
	LT_CHECK_OK(ptrace(PTRACE_SETREGS, pid, 0, &bad));
	LT_CHECK_OK(ptrace(PTRACE_GETREGS, pid, 0, &bad));
	LT_CHECK_EQ(bad.eflags & 0x23200, 0x200);
	LT_CHECK_EQ(bad.cs, good.cs);
	LT_CHECK_EQ(bad.fs_base, good.fs_base);
	LT_CHECK_OK(ptrace(PTRACE_SETREGS, pid, 0, &good));
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/*
 * Every request that does not resume, kill, detach or re-attach, with
 * garbage addresses and data: each may fail any way it likes, but the
 * kernel survives and the tracee stays ours and stopped.
 */
LT_CASE(garbage_requests)
{
	static const long vals[] = { 0, 16, -1, 0x7fffffffffffL, (long)0xffff800000000000UL, 3 };
	struct user_regs_struct regs;
	pid_t pid = stopped_tracee();
	long req;
	unsigned int a, d;

	LT_CHECK(pid > 0);
	for (req = 1; req <= 0x4210; req++) {
		if (req == 0x1f)
			req = 0x4200;	/* the gap between the old and the new requests */
		switch (req) {
		case PTRACE_CONT: case PTRACE_KILL: case PTRACE_SINGLESTEP:
		case PTRACE_ATTACH: case PTRACE_DETACH: case PTRACE_SYSCALL:
		case 0x4206 /* SEIZE */: case 0x4208 /* LISTEN */:
			continue;
		}
		for (a = 0; a < sizeof(vals) / sizeof(vals[0]); a++)
			for (d = 0; d < sizeof(vals) / sizeof(vals[0]); d++)
				raw_ptrace(req, pid, vals[a], vals[d]);
	}
	LT_CHECK_OK(ptrace(PTRACE_GETREGS, pid, 0, &regs));
	LT_CHECK_OK(ptrace(PTRACE_KILL, pid, 0, 0));
	LT_CHECK_WAIT(pid, LT_KILLED(SIGKILL));
}

/*
 * Registers a program could never have, accepted by SETREGS and then run:
 * each ends in a fault the tracee reports (a stop) or dies of, never in
 * the kernel.  A return from a "restartable" call with a garbage number,
 * a jump to unmapped memory with a null stack, every EFLAGS bit set.
 */
LT_CASE(setregs_garbage_then_run)
{
	struct user_regs_struct regs;
	unsigned int i;
	pid_t pid;
	int st;

	for (i = 0; i < 4; i++) {
		pid = stopped_tracee();
		LT_CHECK(pid > 0);
		LT_CHECK_OK(ptrace(PTRACE_GETREGS, pid, 0, &regs));
		switch (i) {
		case 0:
			regs.rip = 0x1000;
			regs.rsp = 0x10;
			regs.rax = regs.rbx = regs.rbp = 0xdeadbeefdeadbeefUL;
			break;
		case 1:
			regs.rip = 0x7fffffffeff0UL;	/* the top of user space */
			break;
		case 2:
			regs.eflags = ~0UL;
			break;
		case 3:
			regs.rax = -512;		/* -ERESTARTSYS: the call restarts ... */
			regs.orig_rax = 0x7fffffff;	/* ... as this */
			break;
		}
		LT_CHECK_OK(ptrace(PTRACE_SETREGS, pid, 0, &regs));
		LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
		st = pwait(pid);
		LT_CHECK(st != -1);
		if (WIFSTOPPED(st))
			LT_CHECK_OK(ptrace(PTRACE_KILL, pid, 0, 0));
		else
			kill(pid, SIGKILL);
		waitpid(pid, &st, __WALL);
	}
}

int main(void)
{
	lt_begin("ptrace_errors");
	LT_RUN(esrch);
	LT_RUN(eperm);
	LT_RUN(eio_addresses);
	LT_RUN(efault_buffers);
	LT_RUN(einval);
	LT_RUN(setregs_rejects_bad_values);
	LT_RUN(garbage_requests);
	LT_RUN(setregs_garbage_then_run);
	return lt_end();
}
