// SPDX-License-Identifier: GPL-2.0
/*
 * ptrace_basic: one process stopping and steering another.  TRACEME and
 * the SIGTRAP after exec; ATTACH (SIGSTOP), SEIZE + INTERRUPT, DETACH
 * and TracerPid in /proc/PID/status; PEEK/POKE of data and of read-only
 * text; GETREGS/SETREGS changing a register the tracee then uses;
 * PTRACE_SYSCALL stops with TRACESYSGOOD, skipping a call (orig_rax -1)
 * and changing its result, and GET_SYSCALL_INFO there; GET/SETSIGMASK; single-step; signals suppressed or replaced
 * by the tracer; a tracer that is not the parent collecting stops and
 * the exit while the real parent still gets the exit; the fork, exec
 * and exit events; PTRACE_KILL; and a set-user-ID exec under a tracer
 * without CAP_SYS_PTRACE, which must not gain privilege.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <elf.h>
#include "lt.h"

#define MAGIC1	0x1122334455667788L
#define MAGIC2	0x0badc0ffee15900dL

static volatile long shared_word = 0x1234;
static volatile int got_usr1;

/* Wait for a stop or exit of @pid (bounded): the status, or -1. */
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

/* @st is evaluated more than once: a variable, never a call. */
#define IS_STOP(st, sig)	((st) != -1 && WIFSTOPPED(st) && WSTOPSIG(st) == (sig))
#define CHECK_STOP(st, sig)	LT_CHECK_EQ((st) & 0xffff, ((sig) << 8) | 0x7f)
#define EVENT(st)		((unsigned)(st) >> 16)

/* A child that offers itself to us and stops; then runs @fn and exits with its result. */
static pid_t traced_child(int (*fn)(void))
{
	pid_t pid = fork();

	if (pid == 0) {
		if (ptrace(PTRACE_TRACEME, 0, 0, 0))
			_exit(90);
		raise(SIGSTOP);
		_exit(fn());
	}
	return pid;
}

static int child_loop(void)
{
	for (;;)
		pause();
	return 0;
}

/* Never a system call: every instruction of it can be single-stepped. */
static int child_spin(void)
{
	for (;;)
		__asm__ volatile("" ::: "memory");
	return 0;
}

static char status_buf[4096];

static long tracer_pid_of(pid_t pid)
{
	char path[64], *p;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	if (lt_read_file(path, status_buf, sizeof(status_buf)) < 0)
		return -1;
	p = strstr(status_buf, "TracerPid:");
	return p ? strtol(p + 10, NULL, 10) : -1;
}

static void kill_reap(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, __WALL);
}

/* exec under TRACEME stops with SIGTRAP before the new program runs. */
LT_CASE(traceme_exec_sigtrap)
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		char *argv[] = { "ptrace_basic", "exit7", NULL };

		ptrace(PTRACE_TRACEME, 0, 0, 0);
		execv("/proc/self/exe", argv);
		_exit(91);
	}
	st = pwait(pid);
	CHECK_STOP(st, SIGTRAP);
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	LT_CHECK_EQ(pwait(pid), LT_EXITED(7));
}

/* PTRACE_O_TRACEEXEC turns the SIGTRAP into a PTRACE_EVENT_EXEC stop. */
LT_CASE(exec_event)
{
	pid_t pid = fork();
	unsigned long msg = 0;
	int st;

	if (pid == 0) {
		char *argv[] = { "ptrace_basic", "exit7", NULL };

		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		execv("/proc/self/exe", argv);
		_exit(91);
	}
	CHECK_STOP(pwait(pid), SIGSTOP);
	LT_CHECK_OK(ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACEEXEC));
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	st = pwait(pid);
	CHECK_STOP(st, SIGTRAP);
	LT_CHECK_EQ(EVENT(st), PTRACE_EVENT_EXEC);
	LT_CHECK_OK(ptrace(PTRACE_GETEVENTMSG, pid, 0, &msg));
	LT_CHECK_EQ(msg, pid);
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	LT_CHECK_EQ(pwait(pid), LT_EXITED(7));
}

/* ATTACH stops the task with SIGSTOP; /proc shows the tracer; DETACH lets go. */
LT_CASE(attach_detach)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(child_loop());
	LT_CHECK(pid > 0);
	LT_CHECK_OK(ptrace(PTRACE_ATTACH, pid, 0, 0));
	CHECK_STOP(pwait(pid), SIGSTOP);
	LT_CHECK_EQ(tracer_pid_of(pid), getpid());
	LT_CHECK(strstr(status_buf, "t (tracing stop)") != NULL);
	LT_CHECK_OK(ptrace(PTRACE_DETACH, pid, 0, 0));
	LT_CHECK_EQ(tracer_pid_of(pid), 0);
	/* No longer ours: requests fail, and it runs (a signal kills it). */
	LT_CHECK_ERR(ptrace(PTRACE_CONT, pid, 0, 0), ESRCH);
	LT_CHECK_OK(kill(pid, SIGTERM));
	LT_CHECK_WAIT(pid, LT_KILLED(SIGTERM));
}

/* SEIZE does not stop the task; INTERRUPT does, as a PTRACE_EVENT_STOP. */
LT_CASE(seize_interrupt)
{
	pid_t pid = fork();
	siginfo_t si;
	int st;

	if (pid == 0)
		_exit(child_loop());
	LT_CHECK_OK(ptrace(PTRACE_SEIZE, pid, 0, PTRACE_O_TRACESYSGOOD));
	lt_sleep_ms(20);
	LT_CHECK_EQ(waitpid(pid, &st, WNOHANG), 0);
	LT_CHECK_OK(ptrace(PTRACE_INTERRUPT, pid, 0, 0));
	st = pwait(pid);
	CHECK_STOP(st, SIGTRAP);
	LT_CHECK_EQ(EVENT(st), PTRACE_EVENT_STOP);
	LT_CHECK_OK(ptrace(PTRACE_GETSIGINFO, pid, 0, &si));
	LT_CHECK_EQ(si.si_signo, SIGTRAP);
	LT_CHECK_EQ(si.si_code, SIGTRAP | (PTRACE_EVENT_STOP << 8));
	LT_CHECK_EQ(tracer_pid_of(pid), getpid());
	LT_CHECK_OK(ptrace(PTRACE_DETACH, pid, 0, 0));
	kill_reap(pid);
}

/*
 * A seized tracee's group-stop: reported as PTRACE_EVENT_STOP with the
 * stop signal; after LISTEN it stays stopped without being stopped for
 * us, and SIGCONT makes it report again, then deliver the SIGCONT.
 */
LT_CASE(seize_group_stop_listen)
{
	pid_t pid = fork();
	siginfo_t si;
	int st;

	if (pid == 0)
		_exit(child_loop());
	LT_CHECK_OK(ptrace(PTRACE_SEIZE, pid, 0, 0));
	LT_CHECK_OK(kill(pid, SIGSTOP));
	st = pwait(pid);
	CHECK_STOP(st, SIGSTOP);
	LT_CHECK_EQ(EVENT(st), 0);		/* the signal's delivery */
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, SIGSTOP));
	st = pwait(pid);
	CHECK_STOP(st, SIGSTOP);
	LT_CHECK_EQ(EVENT(st), PTRACE_EVENT_STOP);	/* the group-stop */
	LT_CHECK_OK(ptrace(PTRACE_GETSIGINFO, pid, 0, &si));
	LT_CHECK_EQ(si.si_code >> 8, PTRACE_EVENT_STOP);
	LT_CHECK_OK(ptrace(PTRACE_LISTEN, pid, 0, 0));
	lt_sleep_ms(20);
	LT_CHECK_EQ(waitpid(pid, &st, WNOHANG | __WALL), 0);
	LT_CHECK_ERR(ptrace(PTRACE_CONT, pid, 0, 0), ESRCH);
	LT_CHECK_OK(kill(pid, SIGCONT));
	st = pwait(pid);
	CHECK_STOP(st, SIGTRAP);
	LT_CHECK_EQ(EVENT(st), PTRACE_EVENT_STOP);
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	st = pwait(pid);
	CHECK_STOP(st, SIGCONT);
	LT_CHECK_OK(ptrace(PTRACE_DETACH, pid, 0, 0));
	kill_reap(pid);
}

static int check_shared_word(void)
{
	return shared_word == MAGIC2 ? 0 : 1;
}

/* PEEKDATA/POKEDATA through the tracee's own address space. */
LT_CASE(peek_poke_data)
{
	pid_t pid = traced_child(check_shared_word);
	long word;

	CHECK_STOP(pwait(pid), SIGSTOP);
	errno = 0;
	word = ptrace(PTRACE_PEEKDATA, pid, &shared_word, 0);
	LT_CHECK_EQ(errno, 0);
	LT_CHECK_EQ(word, 0x1234);
	LT_CHECK_OK(ptrace(PTRACE_POKEDATA, pid, &shared_word, MAGIC2));
	LT_CHECK_EQ(ptrace(PTRACE_PEEKDATA, pid, &shared_word, 0), MAGIC2);
	/* Our own copy is untouched: the write went to the tracee's memory. */
	LT_CHECK_EQ(shared_word, 0x1234);
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

static int text_target(void)
{
	return 3;
}

/* Program text is read-only to the program, not to its tracer (breakpoints). */
LT_CASE(poke_readonly_text)
{
	pid_t pid = traced_child(text_target);
	unsigned long addr = (unsigned long)text_target;
	long word;

	CHECK_STOP(pwait(pid), SIGSTOP);
	errno = 0;
	word = ptrace(PTRACE_PEEKTEXT, pid, addr, 0);
	LT_CHECK_EQ(errno, 0);
	LT_CHECK_EQ(word, *(long *)addr);
	LT_CHECK_OK(ptrace(PTRACE_POKETEXT, pid, addr, word));
	LT_CHECK_EQ(ptrace(PTRACE_PEEKTEXT, pid, addr, 0), word);
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	LT_CHECK_WAIT(pid, LT_EXITED(3));
}

/*
 * The child stops itself with r12 = MAGIC1 held across the kill system
 * call; the tracer finds it there, writes MAGIC2, and the child sees it.
 */
static void regs_child(void)
{
	register long r12 __asm__("r12") = MAGIC1;
	long ret;

	ptrace(PTRACE_TRACEME, 0, 0, 0);
	__asm__ volatile("syscall"
			 : "=a"(ret), "+r"(r12)
			 : "a"((long)SYS_kill), "D"((long)getpid()), "S"((long)SIGSTOP)
			 : "rcx", "r11", "memory");
	_exit(r12 == MAGIC2 ? 0 : r12 == MAGIC1 ? 1 : 2);
}

LT_CASE(getregs_setregs)
{
	struct user_regs_struct regs;
	pid_t pid = fork();

	if (pid == 0)
		regs_child();
	CHECK_STOP(pwait(pid), SIGSTOP);
	LT_CHECK_OK(ptrace(PTRACE_GETREGS, pid, 0, &regs));
	LT_CHECK_EQ(regs.r12, MAGIC1);
	LT_CHECK_EQ(regs.orig_rax, SYS_kill);
	LT_CHECK_EQ(regs.rax, 0);
	LT_CHECK_EQ(ptrace(PTRACE_PEEKUSER, pid, offsetof(struct user, regs.r12), 0), MAGIC1);
	regs.r12 = MAGIC2;
	LT_CHECK_OK(ptrace(PTRACE_SETREGS, pid, 0, &regs));
	LT_CHECK_EQ(ptrace(PTRACE_PEEKUSER, pid, offsetof(struct user, regs.r12), 0), MAGIC2);
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* The same through GETREGSET/SETREGSET (NT_PRSTATUS) and POKEUSER. */
LT_CASE(regset_and_pokeuser)
{
	struct user_regs_struct regs;
	struct iovec iov = { &regs, sizeof(regs) + 64 };
	pid_t pid = fork();

	if (pid == 0)
		regs_child();
	CHECK_STOP(pwait(pid), SIGSTOP);
	LT_CHECK_OK(ptrace(PTRACE_GETREGSET, pid, NT_PRSTATUS, &iov));
	LT_CHECK_EQ(iov.iov_len, sizeof(regs));
	LT_CHECK_EQ(regs.r12, MAGIC1);
	regs.r12 = 5;
	LT_CHECK_OK(ptrace(PTRACE_SETREGSET, pid, NT_PRSTATUS, &iov));
	LT_CHECK_EQ(ptrace(PTRACE_PEEKUSER, pid, offsetof(struct user, regs.r12), 0), 5);
	LT_CHECK_OK(ptrace(PTRACE_POKEUSER, pid, offsetof(struct user, regs.r12), MAGIC2));
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* GETFPREGS / NT_PRFPREG see the tracee's SSE registers; SETFPREGS changes them. */
static void fp_child(void)
{
	static const unsigned long in[2] = { MAGIC1, 7 };
	unsigned long out[2];

	ptrace(PTRACE_TRACEME, 0, 0, 0);
	__asm__ volatile("movdqu %1, %%xmm3\n\t"
			 "mov %2, %%eax\n\t"
			 "syscall\n\t"
			 "movdqu %%xmm3, %0"
			 : "=m"(out)
			 : "m"(in), "i"(SYS_kill), "D"((long)getpid()), "S"((long)SIGSTOP)
			 : "rax", "rcx", "r11", "xmm3", "memory");
	_exit(out[0] == MAGIC2 ? 0 : 1);
}

LT_CASE(fpregs)
{
	struct user_fpregs_struct fp;
	struct iovec iov = { &fp, sizeof(fp) };
	pid_t pid = fork();

	if (pid == 0)
		fp_child();
	CHECK_STOP(pwait(pid), SIGSTOP);
	LT_CHECK_OK(ptrace(PTRACE_GETFPREGS, pid, 0, &fp));
	LT_CHECK_EQ(((unsigned long *)fp.xmm_space)[6], MAGIC1);
	LT_CHECK_OK(ptrace(PTRACE_GETREGSET, pid, NT_PRFPREG, &iov));
	LT_CHECK_EQ(iov.iov_len, sizeof(fp));
	((unsigned long *)fp.xmm_space)[6] = MAGIC2;
	LT_CHECK_OK(ptrace(PTRACE_SETFPREGS, pid, 0, &fp));
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* getpid skipped at entry (orig_rax = -1) then given 4242 as its result. */
static int syscall_child(void)
{
	long r = syscall(SYS_getpid);

	return r == 4242 ? 0 : 1;
}

LT_CASE(syscall_stops_sysgood)
{
	pid_t pid = traced_child(syscall_child);
	struct __ptrace_syscall_info info;
	struct user_regs_struct regs;
	int st, i, entries = 0, exits = 0, skipped = 0;
	siginfo_t si;

	CHECK_STOP(pwait(pid), SIGSTOP);
	/* Not a syscall stop: only where the tracee is. */
	LT_CHECK_EQ(ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof(info), &info),
		    offsetof(struct __ptrace_syscall_info, entry));
	LT_CHECK_EQ(info.op, PTRACE_SYSCALL_INFO_NONE);
	LT_CHECK_EQ(info.arch, 0xc000003e /* AUDIT_ARCH_X86_64 */);
	LT_CHECK_OK(ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACESYSGOOD));
	for (i = 0; i < 64; i++) {
		LT_CHECK_OK(ptrace(PTRACE_SYSCALL, pid, 0, 0));
		st = pwait(pid);
		if (st != -1 && WIFEXITED(st))
			break;
		CHECK_STOP(st, SIGTRAP | 0x80);
		LT_CHECK_OK(ptrace(PTRACE_GETSIGINFO, pid, 0, &si));
		LT_CHECK_EQ(si.si_signo, SIGTRAP);
		LT_CHECK_EQ(si.si_code, SIGTRAP | 0x80);
		LT_CHECK_OK(ptrace(PTRACE_GETREGS, pid, 0, &regs));
		/* Entry stops alternate with exit stops; at entry rax is -ENOSYS. */
		if (entries == exits) {
			entries++;
			LT_CHECK_EQ(regs.rax, -ENOSYS);
			if (regs.orig_rax == SYS_getpid) {
				LT_CHECK_EQ(ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof(info), &info),
					    offsetof(struct __ptrace_syscall_info, entry.args[6]));
				LT_CHECK_EQ(info.op, PTRACE_SYSCALL_INFO_ENTRY);
				LT_CHECK_EQ(info.entry.nr, SYS_getpid);
				LT_CHECK_EQ(info.instruction_pointer, regs.rip);
				regs.orig_rax = -1;
				LT_CHECK_OK(ptrace(PTRACE_SETREGS, pid, 0, &regs));
			}
		} else {
			exits++;
			if (regs.orig_rax == (unsigned long)-1) {
				/* Skipped: the call did not run, its result is -ENOSYS. */
				LT_CHECK_EQ(regs.rax, -ENOSYS);
				LT_CHECK_EQ(ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof(info), &info),
					    offsetof(struct __ptrace_syscall_info, exit.is_error) + 1);
				LT_CHECK_EQ(info.op, PTRACE_SYSCALL_INFO_EXIT);
				LT_CHECK_EQ(info.exit.rval, -ENOSYS);
				LT_CHECK_EQ(info.exit.is_error, 1);
				skipped++;
				regs.rax = 4242;
				LT_CHECK_OK(ptrace(PTRACE_SETREGS, pid, 0, &regs));
			}
		}
	}
	LT_CHECK(i < 64);
	LT_CHECK_EQ(st, LT_EXITED(0));
	LT_CHECK(entries >= 2);
	LT_CHECK_EQ(skipped, 1);
}

/* Each SINGLESTEP runs one instruction and stops with SIGTRAP (TRAP_TRACE). */
LT_CASE(singlestep)
{
	pid_t pid = traced_child(child_spin);
	unsigned long rip, prev;
	siginfo_t si;
	int i;

	CHECK_STOP(pwait(pid), SIGSTOP);
	prev = ptrace(PTRACE_PEEKUSER, pid, offsetof(struct user, regs.rip), 0);
	for (i = 0; i < 5; i++) {
		LT_CHECK_OK(ptrace(PTRACE_SINGLESTEP, pid, 0, 0));
		CHECK_STOP(pwait(pid), SIGTRAP);
		LT_CHECK_OK(ptrace(PTRACE_GETSIGINFO, pid, 0, &si));
		LT_CHECK_EQ(si.si_code, 2 /* TRAP_TRACE */);
		rip = ptrace(PTRACE_PEEKUSER, pid, offsetof(struct user, regs.rip), 0);
		LT_CHECK(rip != prev);
		/* The tracer's TF is not part of the state it reads. */
		LT_CHECK_EQ(ptrace(PTRACE_PEEKUSER, pid, offsetof(struct user, regs.eflags), 0) &
			    0x100, 0);
		prev = rip;
	}
	kill_reap(pid);
}

static void on_usr1(int sig)
{
	(void)sig;
	got_usr1++;
}

/* SIGUSR1 suppressed by the tracer, then SIGUSR2 replaced by SIGUSR1. */
static int signal_child(void)
{
	signal(SIGUSR1, on_usr1);
	raise(SIGUSR1);
	if (got_usr1)
		return 1;
	raise(SIGUSR2);
	return got_usr1 == 1 ? 0 : 2;
}

LT_CASE(signal_suppress_and_inject)
{
	pid_t pid = traced_child(signal_child);
	siginfo_t si;

	CHECK_STOP(pwait(pid), SIGSTOP);
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	CHECK_STOP(pwait(pid), SIGUSR1);
	LT_CHECK_OK(ptrace(PTRACE_GETSIGINFO, pid, 0, &si));
	LT_CHECK_EQ(si.si_signo, SIGUSR1);
	LT_CHECK_EQ(si.si_code, SI_TKILL);
	LT_CHECK_EQ(si.si_pid, pid);
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	CHECK_STOP(pwait(pid), SIGUSR2);
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, SIGUSR1));
	LT_CHECK_EQ(pwait(pid), LT_EXITED(0));
}

/* GETSIGMASK/SETSIGMASK: the tracee's blocked set, never SIGKILL or SIGSTOP. */
static int sigmask_child(void)
{
	sigset_t set;

	sigprocmask(SIG_BLOCK, NULL, &set);
	return sigismember(&set, SIGUSR1) && !sigismember(&set, SIGKILL) ? 0 : 1;
}

LT_CASE(sigmask)
{
	unsigned long mask = 0;
	pid_t pid = fork();

	/* Not raise(): it blocks every signal around its kill, and restores them after. */
	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		syscall(SYS_kill, getpid(), SIGSTOP);
		_exit(sigmask_child());
	}

	CHECK_STOP(pwait(pid), SIGSTOP);
	LT_CHECK_OK(ptrace(PTRACE_GETSIGMASK, pid, 8, &mask));
	LT_CHECK_EQ(mask & (1UL << (SIGUSR1 - 1)), 0);
	LT_CHECK_ERR(ptrace(PTRACE_GETSIGMASK, pid, 4, &mask), EINVAL);
	mask = (1UL << (SIGUSR1 - 1)) | (1UL << (SIGKILL - 1)) | (1UL << (SIGSTOP - 1));
	LT_CHECK_OK(ptrace(PTRACE_SETSIGMASK, pid, 8, &mask));
	LT_CHECK_OK(ptrace(PTRACE_GETSIGMASK, pid, 8, &mask));
	LT_CHECK_EQ(mask, 1UL << (SIGUSR1 - 1));
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	LT_CHECK_EQ(pwait(pid), LT_EXITED(0));
}

/* An ignored signal still stops a tracee: the tracer sees everything but SIGKILL. */
static int ignored_child(void)
{
	signal(SIGWINCH, SIG_IGN);
	raise(SIGWINCH);
	return 4;
}

LT_CASE(ignored_signal_stops)
{
	pid_t pid = traced_child(ignored_child);

	CHECK_STOP(pwait(pid), SIGSTOP);
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	CHECK_STOP(pwait(pid), SIGWINCH);
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, SIGWINCH));
	LT_CHECK_EQ(pwait(pid), LT_EXITED(4));
}

/*
 * A tracer that is not the parent: it collects the stops and the death
 * of its tracee with waitpid; the real parent gets the death afterwards.
 */
LT_CASE(nonparent_tracer_wait)
{
	pid_t victim, tracer;

	victim = fork();
	if (victim == 0)
		_exit(child_loop());
	tracer = fork();
	if (tracer == 0) {
		int st;

		if (ptrace(PTRACE_ATTACH, victim, 0, 0))
			_exit(10);
		st = pwait(victim);
		if (!IS_STOP(st, SIGSTOP))
			_exit(11);
		if (ptrace(PTRACE_CONT, victim, 0, 0))
			_exit(12);
		kill(victim, SIGTERM);
		st = pwait(victim);
		if (!IS_STOP(st, SIGTERM))
			_exit(13);
		if (ptrace(PTRACE_CONT, victim, 0, SIGTERM))
			_exit(14);
		st = pwait(victim);
		if (st == -1 || !WIFSIGNALED(st) || WTERMSIG(st) != SIGTERM)
			_exit(15);
		/* Seen once: it now belongs to its parent alone. */
		if (waitpid(victim, &st, WNOHANG) != -1 || errno != ECHILD)
			_exit(16);
		_exit(0);
	}
	LT_CHECK_WAIT(tracer, LT_EXITED(0));
	LT_CHECK_WAIT(victim, LT_KILLED(SIGTERM));
}

/* TRACEFORK: a fork event with the new PID, and the child traced from birth. */
static int fork_child(void)
{
	int st;
	pid_t pid = fork();

	if (pid == 0)
		_exit(3);
	if (waitpid(pid, &st, 0) != pid)
		return 1;
	return WIFEXITED(st) && WEXITSTATUS(st) == 3 ? 0 : 2;
}

LT_CASE(fork_event)
{
	pid_t pid = traced_child(fork_child);
	unsigned long msg = 0;
	pid_t grandchild;
	int st;

	CHECK_STOP(pwait(pid), SIGSTOP);
	LT_CHECK_OK(ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACEFORK));
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	st = pwait(pid);
	CHECK_STOP(st, SIGTRAP);
	LT_CHECK_EQ(EVENT(st), PTRACE_EVENT_FORK);
	LT_CHECK_OK(ptrace(PTRACE_GETEVENTMSG, pid, 0, &msg));
	grandchild = msg;
	LT_CHECK(grandchild > 0);
	CHECK_STOP(pwait(grandchild), SIGSTOP);
	LT_CHECK_EQ(tracer_pid_of(grandchild), getpid());
	LT_CHECK_OK(ptrace(PTRACE_CONT, grandchild, 0, 0));
	LT_CHECK_EQ(pwait(grandchild), LT_EXITED(3));
	/* Its SIGCHLD (the grandchild died) stops it too: pass it on. */
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	while ((st = pwait(pid)) != -1 && WIFSTOPPED(st))
		LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, WSTOPSIG(st)));
	LT_CHECK_EQ(st, LT_EXITED(0));
}

static void *thread_fn(void *arg)
{
	return arg;
}

static int thread_child(void)
{
	pthread_t t;

	if (pthread_create(&t, NULL, thread_fn, NULL))
		return 1;
	return pthread_join(t, NULL) ? 2 : 0;
}

/*
 * TRACECLONE with a thread: the clone event names it, it starts traced
 * (its first stop is a SIGSTOP), and its exit is the tracer's to collect.
 */
LT_CASE(clone_thread_event)
{
	pid_t pid = traced_child(thread_child), tid = 0, r;
	int st = 0, i, saw_stop = 0, saw_exit = 0, done = 0;
	long long deadline;
	unsigned long msg;

	CHECK_STOP(pwait(pid), SIGSTOP);
	LT_CHECK_OK(ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACECLONE));
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	deadline = lt_now_ns() + 10000000000LL;
	for (i = 0; i < 100 && !done && lt_now_ns() < deadline; ) {
		r = waitpid(-1, &st, WNOHANG | __WALL);
		if (r == 0) {
			lt_sleep_ms(1);
			continue;
		}
		LT_CHECK(r > 0);
		i++;
		if (WIFEXITED(st) || WIFSIGNALED(st)) {
			if (r == pid)
				done = 1;
			else if (r == tid)
				saw_exit = 1;
			continue;
		}
		if (r == pid && EVENT(st) == PTRACE_EVENT_CLONE) {
			LT_CHECK_OK(ptrace(PTRACE_GETEVENTMSG, pid, 0, &msg));
			tid = msg;
			LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
		} else if (r == tid && WSTOPSIG(st) == SIGSTOP) {
			saw_stop = 1;
			LT_CHECK_OK(ptrace(PTRACE_CONT, r, 0, 0));
		} else {
			LT_CHECK_OK(ptrace(PTRACE_CONT, r, 0, WSTOPSIG(st)));
		}
	}
	LT_CHECK(done);
	LT_CHECK_EQ(st, LT_EXITED(0));
	LT_CHECK(tid > 0 && tid != pid);
	LT_CHECK(saw_stop);
	LT_CHECK(saw_exit);
}

/* The seccomp ABI, spelled out: the test libc has no kernel headers. */
struct bpf_insn { unsigned short code; unsigned char jt, jf; unsigned int k; };
struct bpf_prog { unsigned short len; struct bpf_insn *filter; };
#define SECCOMP_RET_TRACE	0x7ff00000U
#define SECCOMP_RET_ALLOW	0x7fff0000U

/*
 * getppid goes to the tracer (SECCOMP_RET_TRACE, data 42): the first one
 * it skips with a result of its own, the second it lets through.
 */
static int seccomp_child(void)
{
	struct bpf_insn f[] = {
		{ 0x20, 0, 0, 0 },			/* A = seccomp_data.nr */
		{ 0x15, 0, 1, SYS_getppid },		/* A == getppid ? */
		{ 0x06, 0, 0, SECCOMP_RET_TRACE | 42 },
		{ 0x06, 0, 0, SECCOMP_RET_ALLOW },
	};
	struct bpf_prog prog = { 4, f };
	long ppid = getppid();

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    syscall(SYS_seccomp, 1 /* SET_MODE_FILTER */, 0, &prog))
		return 1;
	if (syscall(SYS_getppid) != 4242)
		return 2;
	return syscall(SYS_getppid) == ppid ? 0 : 3;
}

LT_CASE(seccomp_trace_event)
{
	pid_t pid = traced_child(seccomp_child);
	struct __ptrace_syscall_info info;
	struct user_regs_struct regs;
	unsigned long msg = 0;
	int st;

	CHECK_STOP(pwait(pid), SIGSTOP);
	LT_CHECK_OK(ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACESECCOMP));
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	st = pwait(pid);
	CHECK_STOP(st, SIGTRAP);
	LT_CHECK_EQ(EVENT(st), PTRACE_EVENT_SECCOMP);
	LT_CHECK_OK(ptrace(PTRACE_GETEVENTMSG, pid, 0, &msg));
	LT_CHECK_EQ(msg, 42);
	LT_CHECK_EQ(ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof(info), &info),
		    offsetof(struct __ptrace_syscall_info, seccomp.ret_data) + 4);
	LT_CHECK_EQ(info.op, PTRACE_SYSCALL_INFO_SECCOMP);
	LT_CHECK_EQ(info.seccomp.nr, SYS_getppid);
	LT_CHECK_EQ(info.seccomp.ret_data, 42);
	LT_CHECK_OK(ptrace(PTRACE_GETREGS, pid, 0, &regs));
	LT_CHECK_EQ(regs.orig_rax, SYS_getppid);
	regs.orig_rax = -1;
	regs.rax = 4242;
	LT_CHECK_OK(ptrace(PTRACE_SETREGS, pid, 0, &regs));
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	st = pwait(pid);
	LT_CHECK_EQ(EVENT(st), PTRACE_EVENT_SECCOMP);
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	LT_CHECK_EQ(pwait(pid), LT_EXITED(0));
}

static int exit5(void)
{
	return 5;
}

/* TRACEEXIT: one more stop on the way out, the status as the event message. */
LT_CASE(exit_event)
{
	pid_t pid = traced_child(exit5);
	unsigned long msg = 0;
	int st;

	CHECK_STOP(pwait(pid), SIGSTOP);
	LT_CHECK_OK(ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACEEXIT));
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	st = pwait(pid);
	CHECK_STOP(st, SIGTRAP);
	LT_CHECK_EQ(EVENT(st), PTRACE_EVENT_EXIT);
	LT_CHECK_OK(ptrace(PTRACE_GETEVENTMSG, pid, 0, &msg));
	LT_CHECK_EQ(msg, 5 << 8);
	LT_CHECK_OK(ptrace(PTRACE_CONT, pid, 0, 0));
	LT_CHECK_EQ(pwait(pid), LT_EXITED(5));
}

/* PTRACE_KILL ends a stopped tracee with SIGKILL. */
LT_CASE(ptrace_kill)
{
	pid_t pid = traced_child(child_loop);

	CHECK_STOP(pwait(pid), SIGSTOP);
	LT_CHECK_OK(ptrace(PTRACE_KILL, pid, 0, 0));
	LT_CHECK_EQ(pwait(pid), LT_KILLED(SIGKILL));
}

/* The tracer exits: its tracees go free and run on. */
LT_CASE(tracer_exit_frees_tracee)
{
	pid_t victim, tracer;

	victim = fork();
	if (victim == 0) {
		lt_sleep_ms(300);
		_exit(6);
	}
	tracer = fork();
	if (tracer == 0) {
		int st;

		if (ptrace(PTRACE_ATTACH, victim, 0, 0))
			_exit(1);
		st = pwait(victim);
		if (!IS_STOP(st, SIGSTOP))
			_exit(2);
		_exit(0);	/* leaves it in a trace stop */
	}
	LT_CHECK_WAIT(tracer, LT_EXITED(0));
	LT_CHECK_EQ(tracer_pid_of(victim), 0);
	LT_CHECK_WAIT(victim, LT_EXITED(6));
}

/* A set-user-ID-root copy of this program, for exec_setuid_untrusted_tracer. */
#define SUID_COPY	"/ptrace_basic_suid"

static int make_suid_copy(void)
{
	static char buf[1 << 16];
	int in = open("/proc/self/exe", O_RDONLY), out;
	ssize_t n;

	if (in < 0)
		return -1;
	out = open(SUID_COPY, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	if (out < 0)
		return -1;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n)
			return -1;
	close(in);
	close(out);
	return chmod(SUID_COPY, 04755);
}

/* Run the set-user-ID copy as nobody, traced (by nobody) or not: its euid & 0xff. */
static int run_suid_as_nobody(int traced)
{
	pid_t helper = fork(), pid;
	int st;

	if (helper == 0) {
		if (setgid(65534) || setuid(65534))
			_exit(100);
		pid = fork();
		if (pid == 0) {
			char *argv[] = { SUID_COPY, "euid", NULL };

			if (traced)
				ptrace(PTRACE_TRACEME, 0, 0, 0);
			execv(SUID_COPY, argv);
			_exit(101);
		}
		st = pwait(pid);
		if (traced) {
			if (!IS_STOP(st, SIGTRAP))
				_exit(102);
			ptrace(PTRACE_CONT, pid, 0, 0);
			st = pwait(pid);
		}
		_exit(st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : 103);
	}
	st = lt_wait(helper);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/*
 * A tracer without CAP_SYS_PTRACE must not end up owning a root process:
 * the set-user-ID bit is ignored for its tracee's exec.
 */
LT_CASE(exec_setuid_untrusted_tracer)
{
	LT_CHECK_OK(make_suid_copy());
	LT_CHECK_EQ(run_suid_as_nobody(0), 0);		/* euid 0: set-user-ID works */
	LT_CHECK_EQ(run_suid_as_nobody(1), 65534 & 0xff);
	unlink(SUID_COPY);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "exit7"))
		return 7;
	if (argc > 1 && !strcmp(argv[1], "euid"))
		return geteuid() & 0xff;
	/* The test initramfs mounts nothing; TracerPid and /proc/self/exe need it. */
	mkdir("/proc", 0555);
	if (access("/proc/self", F_OK))
		mount("proc", "/proc", "proc", 0, NULL);
	lt_begin("ptrace_basic");
	LT_RUN(traceme_exec_sigtrap);
	LT_RUN(exec_event);
	LT_RUN(attach_detach);
	LT_RUN(seize_interrupt);
	LT_RUN(seize_group_stop_listen);
	LT_RUN(peek_poke_data);
	LT_RUN(poke_readonly_text);
	LT_RUN(getregs_setregs);
	LT_RUN(regset_and_pokeuser);
	LT_RUN(fpregs);
	LT_RUN(syscall_stops_sysgood);
	LT_RUN(singlestep);
	LT_RUN(signal_suppress_and_inject);
	LT_RUN(sigmask);
	LT_RUN(ignored_signal_stops);
	LT_RUN(nonparent_tracer_wait);
	LT_RUN(fork_event);
	LT_RUN(clone_thread_event);
	LT_RUN(seccomp_trace_event);
	LT_RUN(exit_event);
	LT_RUN(ptrace_kill);
	LT_RUN(tracer_exit_frees_tracee);
	LT_RUN(exec_setuid_untrusted_tracer);
	return lt_end();
}
