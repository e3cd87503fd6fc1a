// SPDX-License-Identifier: GPL-2.0
/*
 * sig_fault: signals from CPU faults.  SIGSEGV (SEGV_MAPERR, SEGV_ACCERR,
 * si_addr = the address), SIGFPE (FPE_INTDIV), SIGILL (ILL_ILLOPN at the
 * instruction), SIGTRAP from int3 (SI_KERNEL, execution continues after
 * it); a blocked or ignored SIGSEGV from a fault still kills; a signal
 * frame that cannot be written (no stack) or read back (rt_sigreturn on a
 * corrupted frame) kills with SIGSEGV, and the kernel survives.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>
#include "lt.h"

static sigjmp_buf env;
static volatile int *volatile bad_ptr = (int *)16;
static volatile int f_sig, f_code;
static void *volatile f_addr;

static void on_fault(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	f_sig = sig;
	f_code = si->si_code;
	f_addr = si->si_addr;
	siglongjmp(env, 1);
}

static void on_trap(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	f_sig = sig;
	f_code = si->si_code;
	f_addr = si->si_addr;
}

static void catch(int sig, void (*fn)(int, siginfo_t *, void *))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO;
	sigaction(sig, &sa, NULL);
	f_sig = f_code = 0;
	f_addr = NULL;
}

LT_CASE(segv_maperr)
{
	catch(SIGSEGV, on_fault);
	if (!sigsetjmp(env, 1))
		*(volatile int *)0x1008 = 1;
	LT_CHECK_EQ(f_sig, SIGSEGV);
	LT_CHECK_EQ(f_code, SEGV_MAPERR);
	LT_CHECK_EQ((long)f_addr, 0x1008);
	signal(SIGSEGV, SIG_DFL);
}

LT_CASE(segv_accerr)
{
	char *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	LT_CHECK(p != MAP_FAILED);
	catch(SIGSEGV, on_fault);
	if (!sigsetjmp(env, 1))
		*(volatile char *)(p + 100) = 1;
	LT_CHECK_EQ(f_sig, SIGSEGV);
	LT_CHECK_EQ(f_code, SEGV_ACCERR);
	LT_CHECK(f_addr == p + 100);
	signal(SIGSEGV, SIG_DFL);
	munmap(p, 4096);
}

LT_CASE(fpe_intdiv)
{
	extern char fpe_insn[];
	volatile int zero = 0;
	int q = 0;

	catch(SIGFPE, on_fault);
	if (!sigsetjmp(env, 1))
		__asm__ volatile("xor %%edx, %%edx\n\tmov $7, %%eax\n"
				 "fpe_insn:\n\tidivl %1" : "=a"(q) : "c"(zero) : "rdx");
	(void)q;
	LT_CHECK_EQ(f_sig, SIGFPE);
	LT_CHECK_EQ(f_code, FPE_INTDIV);
	LT_CHECK(f_addr == fpe_insn);
	signal(SIGFPE, SIG_DFL);
}

LT_CASE(ill_illopn)
{
	extern char ill_insn[];

	catch(SIGILL, on_fault);
	if (!sigsetjmp(env, 1))
		__asm__ volatile("ill_insn:\n\tud2");
	LT_CHECK_EQ(f_sig, SIGILL);
	LT_CHECK_EQ(f_code, ILL_ILLOPN);
	LT_CHECK(f_addr == ill_insn);
	signal(SIGILL, SIG_DFL);
}

LT_CASE(trap_int3)
{
	volatile int after = 0;

	catch(SIGTRAP, on_trap);
	__asm__ volatile("int3");
	after = 1;
	LT_CHECK_EQ(f_sig, SIGTRAP);
	LT_CHECK_EQ(f_code, SI_KERNEL);
	LT_CHECK_EQ(after, 1);
	signal(SIGTRAP, SIG_DFL);
}

/* Defaults: each fault kills with its signal (no core bit). */
LT_CASE(default_kills)
{
	pid_t pid;

	pid = fork();
	if (pid == 0)
		__asm__ volatile("ud2");
	LT_CHECK_WAIT(pid, LT_KILLED(SIGILL));
	pid = fork();
	if (pid == 0)
		__asm__ volatile("int3");
	LT_CHECK_WAIT(pid, LT_KILLED(SIGTRAP));
}

/* A fault cannot be blocked or ignored away: force semantics. */
LT_CASE(blocked_segv_kills)
{
	sigset_t set;
	pid_t pid;

	pid = fork();
	if (pid == 0) {
		catch(SIGSEGV, on_fault);
		sigemptyset(&set);
		sigaddset(&set, SIGSEGV);
		sigprocmask(SIG_BLOCK, &set, NULL);
		*bad_ptr = 1;
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGSEGV));
	pid = fork();
	if (pid == 0) {
		signal(SIGSEGV, SIG_IGN);
		*bad_ptr = 1;
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGSEGV));
}

/* rt_sigreturn with no frame under the stack pointer. */
LT_CASE(sigreturn_bad_stack)
{
	pid_t pid = fork();

	if (pid == 0) {
		__asm__ volatile("mov $0x10000, %%rsp\n\tsyscall"
				 :: "a"((long)SYS_rt_sigreturn) : "memory");
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGSEGV));
}

static int corrupt_kind;

static void corrupt(int sig, siginfo_t *si, void *p)
{
	ucontext_t *uc = p;

	(void)sig, (void)si;
	if (corrupt_kind == 0)
		uc->uc_mcontext.fpregs = (void *)0x10;	/* unmapped FPU state */
	else
		uc->uc_mcontext.gregs[REG_RIP] = 0x8000000000000000UL;	/* non-canonical */
}

LT_CASE(sigreturn_corrupt_frame)
{
	int kind;

	for (kind = 0; kind < 2; kind++) {
		pid_t pid = fork();

		if (pid == 0) {
			corrupt_kind = kind;
			catch(SIGUSR1, corrupt);
			raise(SIGUSR1);
			_exit(0);
		}
		LT_CHECK_WAIT(pid, LT_KILLED(SIGSEGV));
	}
}

/* A handler but nowhere to put its frame: SIGSEGV. */
LT_CASE(frame_on_bad_stack)
{
	pid_t pid = fork();

	if (pid == 0) {
		catch(SIGUSR1, on_trap);
		__asm__ volatile("mov $0x10000, %%rsp\n\tsyscall"
				 :: "a"((long)SYS_tkill), "D"((long)gettid()), "S"((long)SIGUSR1)
				 : "rcx", "r11", "memory");
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGSEGV));
}

int main(void)
{
	lt_begin("sig_fault");
	LT_RUN(segv_maperr);
	LT_RUN(segv_accerr);
	LT_RUN(fpe_intdiv);
	LT_RUN(ill_illopn);
	LT_RUN(trap_int3);
	LT_RUN(default_kills);
	LT_RUN(blocked_segv_kills);
	LT_RUN(sigreturn_bad_stack);
	LT_RUN(sigreturn_corrupt_frame);
	LT_RUN(frame_on_bad_stack);
	return lt_end();
}
