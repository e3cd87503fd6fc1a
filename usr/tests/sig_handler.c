// SPDX-License-Identifier: GPL-2.0
/*
 * sig_handler: signal handlers and their frames.  The arguments and
 * siginfo a handler receives (kill, tgkill, sigqueue), the ucontext
 * (registers written there come back), the mask while a handler runs
 * (SA_NODEFER, sa_mask), SA_RESETHAND, nested handlers, the alternate
 * stack and its EPERM/ENOMEM rules, SSE registers kept across a handler
 * that clobbers them, no SA_RESTORER, and the EFAULT/EINVAL checks of
 * rt_sigaction, rt_sigprocmask and sigaltstack.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>
#include "lt.h"

static volatile int got_sig, got_code, got_pid, got_uid, got_val, calls;
static volatile sigset_t mask_in_handler;

static void install(int sig, void (*fn)(int, siginfo_t *, void *), int flags, int also_block)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = flags | SA_SIGINFO;
	if (also_block)
		sigaddset(&sa.sa_mask, also_block);
	sigaction(sig, &sa, NULL);
}

static void restore_default(int sig)
{
	signal(sig, SIG_DFL);
}

static void record(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got_sig = sig;
	got_code = si->si_code;
	got_pid = si->si_pid;
	got_uid = si->si_uid;
	got_val = si->si_value.sival_int;
	calls++;
	sigprocmask(SIG_BLOCK, NULL, (sigset_t *)&mask_in_handler);
}

static void reset_record(void)
{
	got_sig = got_code = got_pid = got_uid = got_val = calls = 0;
}

LT_CASE(kill_siginfo)
{
	reset_record();
	install(SIGUSR1, record, 0, 0);
	LT_CHECK_OK(kill(getpid(), SIGUSR1));
	LT_CHECK_EQ(calls, 1);
	LT_CHECK_EQ(got_sig, SIGUSR1);
	LT_CHECK_EQ(got_code, SI_USER);
	LT_CHECK_EQ(got_pid, getpid());
	LT_CHECK_EQ(got_uid, getuid());
	restore_default(SIGUSR1);
}

LT_CASE(tgkill_siginfo)
{
	reset_record();
	install(SIGUSR2, record, 0, 0);
	LT_CHECK_OK(syscall(SYS_tgkill, getpid(), gettid(), SIGUSR2));
	LT_CHECK_EQ(got_sig, SIGUSR2);
	LT_CHECK_EQ(got_code, SI_TKILL);
	LT_CHECK_EQ(got_pid, getpid());
	reset_record();
	LT_CHECK_OK(syscall(SYS_tkill, gettid(), SIGUSR2));
	LT_CHECK_EQ(got_code, SI_TKILL);
	restore_default(SIGUSR2);
}

LT_CASE(sigqueue_value)
{
	union sigval v = { .sival_int = 42 };

	reset_record();
	install(SIGUSR1, record, 0, 0);
	LT_CHECK_OK(sigqueue(getpid(), SIGUSR1, v));
	LT_CHECK_EQ(got_code, SI_QUEUE);
	LT_CHECK_EQ(got_val, 42);
	LT_CHECK_EQ(got_pid, getpid());
	restore_default(SIGUSR1);
}

/* Only a process may claim a kernel or kill() si_code about itself. */
LT_CASE(sigqueueinfo_eperm)
{
	siginfo_t si;
	pid_t parent = getpid(), pid;

	signal(SIGUSR1, SIG_IGN);
	pid = fork();
	if (pid == 0) {
		memset(&si, 0, sizeof(si));
		si.si_code = SI_USER;
		LT_CHECK_ERR(lt_syscall(SYS_rt_sigqueueinfo, parent, SIGUSR1, (long)&si, 0, 0, 0), EPERM);
		si.si_code = SI_TKILL;
		LT_CHECK_ERR(lt_syscall(SYS_rt_sigqueueinfo, parent, SIGUSR1, (long)&si, 0, 0, 0), EPERM);
		si.si_code = SI_QUEUE;
		LT_CHECK_EQ(lt_syscall(SYS_rt_sigqueueinfo, parent, SIGUSR1, (long)&si, 0, 0, 0), 0);
		si.si_code = SI_USER;
		signal(SIGUSR2, SIG_IGN);
		LT_CHECK_EQ(lt_syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR2, (long)&si, 0, 0, 0), 0);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	restore_default(SIGUSR1);
}

/* ---- ucontext: what the frame holds, and that it is what comes back ---- */

static volatile unsigned long uc_flags_seen, uc_rsp_seen, uc_fpregs_seen;
static volatile sigset_t uc_mask_seen;

static void edit_context(int sig, siginfo_t *si, void *p)
{
	ucontext_t *uc = p;

	(void)sig;
	(void)si;
	uc_flags_seen = uc->uc_flags;
	uc_rsp_seen = uc->uc_mcontext.gregs[REG_RSP];
	uc_fpregs_seen = (unsigned long)uc->uc_mcontext.fpregs;
	memcpy((void *)&uc_mask_seen, &uc->uc_sigmask, sizeof(sigset_t));
	/* The interrupted code sees these after rt_sigreturn. */
	uc->uc_mcontext.gregs[REG_R12] = 0x1234567887654321UL;
	uc->uc_mcontext.gregs[REG_RBX] += 1;
}

LT_CASE(ucontext_roundtrip)
{
	unsigned long r12 = 7, rbx = 100, ret;
	sigset_t block;
	long here;

	install(SIGUSR1, edit_context, 0, 0);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR2);
	sigprocmask(SIG_BLOCK, &block, NULL);
	/* tkill from inside the asm: the handler runs as the syscall returns. */
	__asm__ volatile("mov %[r12], %%r12\n\t"
			 "syscall\n\t"
			 "mov %%r12, %[r12]"
			 : [r12] "+r"(r12), "+b"(rbx), "=a"(ret)
			 : "a"((long)SYS_tkill), "D"((long)gettid()), "S"((long)SIGUSR1)
			 : "rcx", "r11", "r12", "memory");
	LT_CHECK_EQ(ret, 0);
	LT_CHECK_EQ(r12, 0x1234567887654321UL);
	LT_CHECK_EQ(rbx, 101);
	LT_CHECK(uc_flags_seen & 2);	/* UC_SIGCONTEXT_SS */
	LT_CHECK(uc_fpregs_seen != 0 && (uc_fpregs_seen & 15) == 0);
	here = (long)&here;
	LT_CHECK(uc_rsp_seen > (unsigned long)here - 4096 && uc_rsp_seen < (unsigned long)here + 4096);
	LT_CHECK(sigismember((sigset_t *)&uc_mask_seen, SIGUSR2));
	LT_CHECK(!sigismember((sigset_t *)&uc_mask_seen, SIGUSR1));
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	restore_default(SIGUSR1);
}

/* ---- The mask while a handler runs --------------------------------------- */

LT_CASE(mask_during_handler)
{
	sigset_t now;

	install(SIGUSR1, record, 0, SIGUSR2);
	raise(SIGUSR1);
	LT_CHECK(sigismember((sigset_t *)&mask_in_handler, SIGUSR1));
	LT_CHECK(sigismember((sigset_t *)&mask_in_handler, SIGUSR2));
	sigprocmask(SIG_BLOCK, NULL, &now);
	LT_CHECK(!sigismember(&now, SIGUSR1));
	LT_CHECK(!sigismember(&now, SIGUSR2));

	install(SIGUSR1, record, SA_NODEFER, 0);
	raise(SIGUSR1);
	LT_CHECK(!sigismember((sigset_t *)&mask_in_handler, SIGUSR1));
	restore_default(SIGUSR1);
}

LT_CASE(resethand)
{
	struct sigaction old;

	reset_record();
	install(SIGUSR1, record, SA_RESETHAND, 0);
	raise(SIGUSR1);
	LT_CHECK_EQ(calls, 1);
	LT_CHECK_OK(sigaction(SIGUSR1, NULL, &old));
	LT_CHECK(old.sa_handler == SIG_DFL);
}

static char order[16];
static volatile int order_len;

static void inner(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)si, (void)uc;
	order[order_len++] = 'b';
}

static void outer(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)si, (void)uc;
	order[order_len++] = 'A';
	raise(SIGUSR2);		/* not blocked: runs inside this handler */
	order[order_len++] = 'Z';
}

LT_CASE(nested)
{
	order_len = 0;
	install(SIGUSR1, outer, 0, 0);
	install(SIGUSR2, inner, 0, 0);
	raise(SIGUSR1);
	order[order_len] = 0;
	LT_CHECK(strcmp(order, "AbZ") == 0);

	/* Blocked by sa_mask: it waits until the outer handler returns. */
	order_len = 0;
	install(SIGUSR1, outer, 0, SIGUSR2);
	raise(SIGUSR1);
	order[order_len] = 0;
	LT_CHECK(strcmp(order, "AZb") == 0);
	restore_default(SIGUSR1);
	restore_default(SIGUSR2);
}

/* ---- The alternate stack ----------------------------------------------------- */

static char altstack[65536] __attribute__((aligned(16)));
static volatile unsigned long alt_local;
static volatile int alt_flags, alt_eperm;

static void on_alt(int sig, siginfo_t *si, void *uc)
{
	stack_t ss, other = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	int local;

	(void)sig, (void)si, (void)uc;
	alt_local = (unsigned long)&local;
	sigaltstack(NULL, &ss);
	alt_flags = ss.ss_flags;
	alt_eperm = sigaltstack(&other, NULL) == -1 && errno == EPERM;
}

LT_CASE(altstack)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) }, old;

	LT_CHECK_OK(sigaltstack(NULL, &old));
	LT_CHECK_EQ(old.ss_flags, SS_DISABLE);
	LT_CHECK_OK(sigaltstack(&ss, NULL));
	install(SIGUSR1, on_alt, SA_ONSTACK, 0);
	raise(SIGUSR1);
	LT_CHECK(alt_local > (unsigned long)altstack &&
		 alt_local < (unsigned long)altstack + sizeof(altstack));
	LT_CHECK_EQ(alt_flags, SS_ONSTACK);
	LT_CHECK(alt_eperm);
	LT_CHECK_OK(sigaltstack(NULL, &old));
	LT_CHECK_EQ(old.ss_flags, 0);
	LT_CHECK(old.ss_sp == altstack);

	/* Without SA_ONSTACK the handler stays on the normal stack. */
	install(SIGUSR1, on_alt, 0, 0);
	raise(SIGUSR1);
	LT_CHECK(alt_local < (unsigned long)altstack ||
		 alt_local >= (unsigned long)altstack + sizeof(altstack));

	ss.ss_size = MINSIGSTKSZ - 1;
	LT_CHECK_ERR(sigaltstack(&ss, NULL), ENOMEM);
	ss.ss_flags = 12345;
	ss.ss_size = sizeof(altstack);
	LT_CHECK_ERR(sigaltstack(&ss, NULL), EINVAL);
	ss.ss_flags = SS_DISABLE;
	LT_CHECK_OK(sigaltstack(&ss, NULL));
	LT_CHECK_OK(sigaltstack(NULL, &old));
	LT_CHECK_EQ(old.ss_flags, SS_DISABLE);
	restore_default(SIGUSR1);
}

/* ---- SSE registers survive a handler that uses them ---------------------- */

static void clobber_xmm(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)si, (void)uc;
	__asm__ volatile("pcmpeqd %%xmm0, %%xmm0\n\tpcmpeqd %%xmm1, %%xmm1\n\t"
			 "pcmpeqd %%xmm7, %%xmm7\n\tpcmpeqd %%xmm8, %%xmm8\n\t"
			 "pcmpeqd %%xmm15, %%xmm15"
			 ::: "xmm0", "xmm1", "xmm7", "xmm8", "xmm15");
}

LT_CASE(sse_preserved)
{
	uint64_t in[10], out[10];
	long ret;
	int i;

	for (i = 0; i < 10; i++)
		in[i] = 0x0101010101010101ULL * (i + 1);
	memset(out, 0, sizeof(out));
	install(SIGUSR1, clobber_xmm, 0, 0);
	__asm__ volatile("movdqu 0(%[in]), %%xmm0\n\tmovdqu 16(%[in]), %%xmm1\n\t"
			 "movdqu 32(%[in]), %%xmm7\n\tmovdqu 48(%[in]), %%xmm8\n\t"
			 "movdqu 64(%[in]), %%xmm15\n\t"
			 "syscall\n\t"
			 "movdqu %%xmm0, 0(%[out])\n\tmovdqu %%xmm1, 16(%[out])\n\t"
			 "movdqu %%xmm7, 32(%[out])\n\tmovdqu %%xmm8, 48(%[out])\n\t"
			 "movdqu %%xmm15, 64(%[out])"
			 : "=a"(ret)
			 : [in] "r"(in), [out] "r"(out), "a"((long)SYS_tkill),
			   "D"((long)gettid()), "S"((long)SIGUSR1)
			 : "rcx", "r11", "xmm0", "xmm1", "xmm7", "xmm8", "xmm15", "memory");
	LT_CHECK_EQ(ret, 0);
	for (i = 0; i < 10; i++)
		LT_CHECK_EQ(out[i], in[i]);
	restore_default(SIGUSR1);
}

/* x86-64 needs SA_RESTORER: without it the frame cannot return; SIGSEGV. */
LT_CASE(no_restorer_kills)
{
	struct { void *h; unsigned long flags; void *restorer; unsigned long mask; } ka;
	pid_t pid = fork();

	if (pid == 0) {
		ka.h = (void *)record;
		ka.flags = SA_SIGINFO;
		ka.restorer = NULL;
		ka.mask = 0;
		lt_syscall(SYS_rt_sigaction, SIGUSR1, (long)&ka, 0, 8, 0, 0);
		raise(SIGUSR1);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGSEGV));
}

/* ---- Argument checks --------------------------------------------------------- */

LT_CASE(bad_arguments)
{
	struct sigaction sa;
	sigset_t set;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	LT_CHECK_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
	LT_CHECK_ERR(sigaction(SIGSTOP, &sa, NULL), EINVAL);
	LT_CHECK_OK(sigaction(SIGKILL, NULL, &sa));
	LT_CHECK_ERR(lt_syscall(SYS_rt_sigaction, 0, 0, (long)&sa, 8, 0, 0), EINVAL);
	LT_CHECK_ERR(lt_syscall(SYS_rt_sigaction, 65, 0, (long)&sa, 8, 0, 0), EINVAL);
	LT_CHECK_ERR(lt_syscall(SYS_rt_sigaction, SIGUSR1, 0, (long)&sa, 4, 0, 0), EINVAL);
	LT_CHECK_ERR(lt_syscall(SYS_rt_sigaction, SIGUSR1, 16, 0, 8, 0, 0), EFAULT);
	LT_CHECK_ERR(lt_syscall(SYS_rt_sigaction, SIGUSR1, 0, 16, 8, 0, 0), EFAULT);

	LT_CHECK_ERR(lt_syscall(SYS_rt_sigprocmask, SIG_BLOCK, 16, 0, 8, 0, 0), EFAULT);
	LT_CHECK_ERR(lt_syscall(SYS_rt_sigprocmask, SIG_BLOCK, 0, 16, 8, 0, 0), EFAULT);
	LT_CHECK_ERR(lt_syscall(SYS_rt_sigprocmask, SIG_BLOCK, 0, 0, 16, 0, 0), EINVAL);
	sigemptyset(&set);
	LT_CHECK_ERR(lt_syscall(SYS_rt_sigprocmask, 7, (long)&set, 0, 8, 0, 0), EINVAL);
	LT_CHECK_ERR(lt_syscall(SYS_rt_sigpending, 16, 8, 0, 0, 0, 0), EFAULT);
	LT_CHECK_ERR(lt_syscall(SYS_sigaltstack, 16, 0, 0, 0, 0, 0), EFAULT);
	LT_CHECK_ERR(lt_syscall(SYS_sigaltstack, 0, 16, 0, 0, 0, 0), EFAULT);
	LT_CHECK_ERR(lt_syscall(SYS_rt_sigtimedwait, 16, 0, 0, 8, 0, 0), EFAULT);
	LT_CHECK_ERR(lt_syscall(SYS_rt_sigtimedwait, (long)&set, 0, 0, 4, 0, 0), EINVAL);
	LT_CHECK_ERR(lt_syscall(SYS_rt_sigsuspend, (long)&set, 4, 0, 0, 0, 0), EINVAL);
	LT_CHECK_ERR(lt_syscall(SYS_rt_sigsuspend, 16, 8, 0, 0, 0, 0), EFAULT);
	LT_CHECK_ERR(kill(getpid(), 65), EINVAL);
	LT_CHECK_ERR(kill(getpid(), -1), EINVAL);
	LT_CHECK_OK(kill(getpid(), 0));
}

/* SIGKILL and SIGSTOP cannot be blocked: the mask silently drops them. */
LT_CASE(unblockable)
{
	sigset_t all, now;

	sigfillset(&all);
	LT_CHECK_EQ(lt_syscall(SYS_rt_sigprocmask, SIG_SETMASK, (long)&all, (long)&now, 8, 0, 0), 0);
	LT_CHECK_EQ(lt_syscall(SYS_rt_sigprocmask, SIG_SETMASK, (long)&now, (long)&all, 8, 0, 0), 0);
	LT_CHECK(!sigismember(&all, SIGKILL));
	LT_CHECK(!sigismember(&all, SIGSTOP));
	LT_CHECK(sigismember(&all, SIGUSR1));
	LT_CHECK(sigismember(&all, SIGRTMAX));
}

int main(void)
{
	lt_begin("sig_handler");
	LT_RUN(kill_siginfo);
	LT_RUN(tgkill_siginfo);
	LT_RUN(sigqueue_value);
	LT_RUN(sigqueueinfo_eperm);
	LT_RUN(ucontext_roundtrip);
	LT_RUN(mask_during_handler);
	LT_RUN(resethand);
	LT_RUN(nested);
	LT_RUN(altstack);
	LT_RUN(sse_preserved);
	LT_RUN(no_restorer_kills);
	LT_RUN(bad_arguments);
	LT_RUN(unblockable);
	return lt_end();
}
