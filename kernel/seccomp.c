// SPDX-License-Identifier: GPL-2.0
/*
 * seccomp: a process limits the system calls it may make, for good.
 *
 * Strict mode (SECCOMP_SET_MODE_STRICT, or prctl PR_SET_SECCOMP 1) allows
 * only read, write, exit and rt_sigreturn; anything else kills the thread.
 * Filter mode runs small classic-BPF programs on every system call.  A
 * program sees a struct seccomp_data (call number, architecture,
 * instruction pointer, the six arguments) and answers with an action:
 * allow, fail with an errno, raise SIGSYS (a handler may emulate the
 * call), log, or kill the thread or the whole process.
 *
 * Programs are checked once, when installed: known instructions only,
 * loads inside seccomp_data, scratch memory within its 16 words, no
 * division by a constant zero, jumps only forward and inside the program,
 * and a return at the end, so every run terminates.  Filters stack: each
 * new one points to the previous, all of them run, and the most severe
 * answer wins.  Children inherit the chain (fork takes a reference) and
 * nothing removes a filter.  Installing one needs no_new_privs or
 * CAP_SYS_ADMIN, so a filter cannot trick a set-user-ID program.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/ptrace.h>
#include <linux/errno.h>
#include <linux/refcount.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/seccomp.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/linux/audit.h>
#include <uapi/linux/filter.h>
#include <asm/ptrace.h>

/* All the filters a task runs may hold at most this many instructions. */
#define MAX_INSNS_PER_PATH	((1 << 18) / sizeof(struct sock_filter))

struct seccomp_filter {
	refcount_t refs;
	bool log;			/* SECCOMP_FILTER_FLAG_LOG */
	struct seccomp_filter *prev;
	unsigned short len;
	struct sock_filter insns[];
};

/* ---- Checking a program ---- */

/* May @code appear in a seccomp program?  Only the subset Linux allows. */
static bool seccomp_insn_ok(const struct sock_filter *f, unsigned int pc, unsigned int len)
{
	u16 code = f->code;

	switch (BPF_CLASS(code)) {
	case BPF_LD:
		if (code == (BPF_LD | BPF_W | BPF_ABS))
			return f->k < sizeof(struct seccomp_data) && !(f->k & 3);
		if (code == (BPF_LD | BPF_W | BPF_LEN) || code == (BPF_LD | BPF_IMM))
			return true;
		if (code == (BPF_LD | BPF_MEM))
			return f->k < BPF_MEMWORDS;
		return false;
	case BPF_LDX:
		if (code == (BPF_LDX | BPF_W | BPF_LEN) || code == (BPF_LDX | BPF_IMM))
			return true;
		if (code == (BPF_LDX | BPF_MEM))
			return f->k < BPF_MEMWORDS;
		return false;
	case BPF_ST:
	case BPF_STX:
		return code == BPF_CLASS(code) && f->k < BPF_MEMWORDS;
	case BPF_ALU:
		switch (BPF_OP(code)) {
		case BPF_NEG:
			return code == (BPF_ALU | BPF_NEG);
		case BPF_DIV:
		case BPF_MOD:
			if (BPF_SRC(code) == BPF_K && f->k == 0)
				return false;
			fallthrough;
		case BPF_ADD: case BPF_SUB: case BPF_MUL: case BPF_OR:
		case BPF_AND: case BPF_XOR:
			return (code & ~(BPF_OP(code) | BPF_SRC(code))) == BPF_ALU;
		case BPF_LSH: case BPF_RSH:
			if (BPF_SRC(code) == BPF_K && f->k >= 32)
				return false;
			return (code & ~(BPF_OP(code) | BPF_SRC(code))) == BPF_ALU;
		default:
			return false;
		}
	case BPF_JMP:
		if (code == (BPF_JMP | BPF_JA))
			/* forward only: k counts instructions after the next one */
			return f->k < len - pc - 1;
		switch (BPF_OP(code)) {
		case BPF_JEQ: case BPF_JGT: case BPF_JGE: case BPF_JSET:
			if ((code & ~(BPF_OP(code) | BPF_SRC(code))) != BPF_JMP)
				return false;
			return pc + 1 + f->jt < len && pc + 1 + f->jf < len;
		default:
			return false;
		}
	case BPF_RET:
		return code == (BPF_RET | BPF_K) || code == (BPF_RET | BPF_A);
	case BPF_MISC:
		return code == (BPF_MISC | BPF_TAX) || code == (BPF_MISC | BPF_TXA);
	}
	return false;
}

static int seccomp_check_filter(const struct sock_filter *prog, unsigned int len)
{
	unsigned int pc;

	if (!len || len > BPF_MAXINSNS)
		return -EINVAL;
	for (pc = 0; pc < len; pc++)
		if (!seccomp_insn_ok(&prog[pc], pc, len))
			return -EINVAL;
	/* Jumps only go forward, so ending in a return ends every path. */
	if (BPF_CLASS(prog[len - 1].code) != BPF_RET)
		return -EINVAL;
	return 0;
}

/* ---- Running a program ---- */

static u32 seccomp_run_one(const struct seccomp_filter *filter, const struct seccomp_data *sd)
{
	const struct sock_filter *f = filter->insns;
	u32 a = 0, x = 0, mem[BPF_MEMWORDS] = { 0 };
	unsigned int pc = 0;

	for (;; pc++, f++) {
		u32 src = BPF_SRC(f->code) == BPF_X ? x : f->k;

		switch (BPF_CLASS(f->code)) {
		case BPF_LD:
			switch (BPF_MODE(f->code)) {
			case BPF_ABS:
				memcpy(&a, (const char *)sd + f->k, sizeof(a));
				break;
			case BPF_LEN:
				a = sizeof(*sd);
				break;
			case BPF_MEM:
				a = mem[f->k];
				break;
			default:
				a = f->k;
			}
			break;
		case BPF_LDX:
			switch (BPF_MODE(f->code)) {
			case BPF_LEN:
				x = sizeof(*sd);
				break;
			case BPF_MEM:
				x = mem[f->k];
				break;
			default:
				x = f->k;
			}
			break;
		case BPF_ST:
			mem[f->k] = a;
			break;
		case BPF_STX:
			mem[f->k] = x;
			break;
		case BPF_ALU:
			switch (BPF_OP(f->code)) {
			case BPF_ADD: a += src; break;
			case BPF_SUB: a -= src; break;
			case BPF_MUL: a *= src; break;
			case BPF_DIV:
				if (!src)
					return SECCOMP_RET_KILL_PROCESS;	/* X was 0 */
				a /= src;
				break;
			case BPF_MOD:
				if (!src)
					return SECCOMP_RET_KILL_PROCESS;
				a %= src;
				break;
			case BPF_OR:  a |= src; break;
			case BPF_AND: a &= src; break;
			case BPF_XOR: a ^= src; break;
			case BPF_LSH: a = src < 32 ? a << src : 0; break;
			case BPF_RSH: a = src < 32 ? a >> src : 0; break;
			case BPF_NEG: a = -a; break;
			}
			break;
		case BPF_JMP: {
			bool taken;

			switch (BPF_OP(f->code)) {
			case BPF_JA:
				pc += f->k;
				f += f->k;
				continue;
			case BPF_JEQ:  taken = a == src; break;
			case BPF_JGT:  taken = a > src; break;
			case BPF_JGE:  taken = a >= src; break;
			default:       taken = a & src; break;	/* BPF_JSET */
			}
			pc += taken ? f->jt : f->jf;
			f += taken ? f->jt : f->jf;
			break;
		}
		case BPF_RET:
			return BPF_RVAL(f->code) == BPF_A ? a : f->k;
		case BPF_MISC:
			if (BPF_MISCOP(f->code) == BPF_TAX)
				x = a;
			else
				a = x;
			break;
		}
	}
}

/* The most severe answer of every filter: the lowest action, read as signed. */
static u32 seccomp_run_filters(const struct seccomp_data *sd, struct seccomp_filter **match)
{
	struct seccomp_filter *f;
	u32 ret = SECCOMP_RET_ALLOW;

	for (f = current->seccomp.filter; f; f = f->prev) {
		u32 cur = seccomp_run_one(f, sd);

		if ((s32)(cur & SECCOMP_RET_ACTION_FULL) < (s32)(ret & SECCOMP_RET_ACTION_FULL)) {
			ret = cur;
			*match = f;
		}
	}
	return ret;
}

/* ---- The system-call entry hook ---- */

/* Killed "by @sig", as its parent's wait sees it. */
static void __noreturn seccomp_kill(bool whole_process, int sig)
{
	if (whole_process)
		do_group_exit(sig);
	do_exit(sig);
}

/* Strict mode's four calls, by their x86-64 numbers (syscall_64.tbl). */
static bool strict_allowed(unsigned long nr)
{
	return nr == 0 /* read */ || nr == 1 /* write */ || nr == 60 /* exit */ ||
	       nr == 15 /* rt_sigreturn */;
}

static bool seccomp_filter(struct pt_regs *regs, unsigned long nr, bool recheck_after_trace);

/*
 * SECCOMP_RET_TRACE: the tracer decides, at a PTRACE_EVENT_SECCOMP stop
 * (if it asked for them with PTRACE_O_TRACESECCOMP).  It may change the
 * call (orig_ax and the arguments) or skip it (orig_ax -1); the call it
 * leaves goes through the filters once more.  With no such tracer the
 * call fails with ENOSYS, as on Linux.
 */
static bool seccomp_trace(struct pt_regs *regs, u32 data)
{
	if (!ptrace_event_enabled(current, PTRACE_EVENT_SECCOMP)) {
		regs->ax = -ENOSYS;
		return false;
	}
	ptrace_event(PTRACE_EVENT_SECCOMP, data);
	if (fatal_signal_pending(current) || (long)regs->orig_ax == -1)
		return false;
	return seccomp_filter(regs, regs->orig_ax, true);
}

bool __secure_computing(struct pt_regs *regs, unsigned long nr)
{
	if (current->seccomp.mode == SECCOMP_MODE_STRICT) {
		if (strict_allowed(nr))
			return true;
		seccomp_kill(false, SIGKILL);
	}
	return seccomp_filter(regs, nr, false);
}

static bool seccomp_filter(struct pt_regs *regs, unsigned long nr, bool recheck_after_trace)
{
	struct seccomp_filter *match = NULL;
	struct seccomp_data sd;
	u32 ret, data;

	sd.nr = nr;
	sd.arch = AUDIT_ARCH_X86_64;
	sd.instruction_pointer = regs->ip;
	sd.args[0] = regs->di;
	sd.args[1] = regs->si;
	sd.args[2] = regs->dx;
	sd.args[3] = regs->r10;
	sd.args[4] = regs->r8;
	sd.args[5] = regs->r9;
	ret = seccomp_run_filters(&sd, &match);
	data = ret & SECCOMP_RET_DATA;

	switch (ret & SECCOMP_RET_ACTION_FULL) {
	case SECCOMP_RET_ALLOW:
		return true;
	case SECCOMP_RET_LOG:
		pr_debug("seccomp: %s[%d] system call %lu allowed by SECCOMP_RET_LOG\n",
			current->comm, current->pid, nr);
		return true;
	case SECCOMP_RET_ERRNO:
		regs->ax = -(long)min_t(u32, data, MAX_ERRNO);
		return false;
	case SECCOMP_RET_TRAP:
		/*
		 * The call does not happen.  As on Linux, rax is rolled back
		 * to the call number; the handler may set the result.
		 */
		regs->ax = nr;
		force_sig_seccomp(nr, data, (void __user *)regs->ip);
		return false;
	case SECCOMP_RET_TRACE:
		/* The tracer has had its say about this call: it runs. */
		if (recheck_after_trace)
			return true;
		return seccomp_trace(regs, data);
	case SECCOMP_RET_USER_NOTIF:
		/* Nobody listens: the call fails as Linux fails it then. */
		regs->ax = -ENOSYS;
		return false;
	case SECCOMP_RET_KILL_THREAD:
		if (match && match->log)
			pr_debug("seccomp: %s[%d] killed at system call %lu\n",
				current->comm, current->pid, nr);
		seccomp_kill(false, SIGSYS);
	default:	/* SECCOMP_RET_KILL_PROCESS, and any action we do not know */
		pr_debug("seccomp: %s[%d] killed (process) at system call %lu\n",
			current->comm, current->pid, nr);
		seccomp_kill(true, SIGSYS);
	}
}

/* ---- Filter lifetime ---- */

void get_seccomp_filter(struct task_struct *tsk)
{
	if (tsk->seccomp.filter)
		refcount_inc(&tsk->seccomp.filter->refs);
}

static void put_filter_chain(struct seccomp_filter *f)
{
	while (f && refcount_dec_and_test(&f->refs)) {
		struct seccomp_filter *prev = f->prev;

		kfree(f);
		f = prev;
	}
}

void seccomp_filter_release(struct task_struct *tsk)
{
	put_filter_chain(tsk->seccomp.filter);
	tsk->seccomp.filter = NULL;
}

/* ---- Installing ---- */

static struct seccomp_filter *seccomp_prepare_filter(const struct sock_fprog __user *ufprog)
{
	struct seccomp_filter *sf;
	struct sock_fprog fprog;
	int err;

	if (copy_from_user(&fprog, ufprog, sizeof(fprog)))
		return ERR_PTR(-EFAULT);
	if (!fprog.len || fprog.len > BPF_MAXINSNS)
		return ERR_PTR(-EINVAL);
	/*
	 * A filter could make a set-user-ID program misbehave (a failing
	 * setuid it never checks): only the unprivileged who promised never
	 * to gain privileges, or the privileged, may install one.
	 */
	if (!test_bit(PFA_NO_NEW_PRIVS, &current->atomic_flags) && !capable(CAP_SYS_ADMIN))
		return ERR_PTR(-EACCES);
	sf = kmalloc(sizeof(*sf) + fprog.len * sizeof(struct sock_filter), GFP_KERNEL);
	if (!sf)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(sf->insns, fprog.filter, fprog.len * sizeof(struct sock_filter))) {
		err = -EFAULT;
		goto fail;
	}
	err = seccomp_check_filter(sf->insns, fprog.len);
	if (err)
		goto fail;
	refcount_set(&sf->refs, 1);
	sf->len = fprog.len;
	sf->log = false;
	sf->prev = NULL;
	return sf;
fail:
	kfree(sf);
	return ERR_PTR(err);
}

/* Is @old one of the filters @chain already contains (or no filter)? */
static bool is_ancestor(struct seccomp_filter *old, struct seccomp_filter *chain)
{
	if (!old)
		return true;
	for (; chain; chain = chain->prev)
		if (chain == old)
			return true;
	return false;
}

/*
 * SECCOMP_FILTER_FLAG_TSYNC: every thread of the process gets our chain.
 * A thread already on a filter we do not share cannot: its id is the
 * answer (or ESRCH with TSYNC_ESRCH) and nothing changes.  siglock held.
 */
static long seccomp_can_sync_threads(void)
{
	struct task_struct *t;

	for_each_thread(current, t) {
		if (t == current || (t->flags & PF_EXITING))
			continue;
		if (t->seccomp.mode == SECCOMP_MODE_STRICT ||
		    !is_ancestor(t->seccomp.filter, current->seccomp.filter))
			return task_pid_vnr(t);
	}
	return 0;
}

static void seccomp_sync_threads(void)
{
	struct task_struct *t;

	for_each_thread(current, t) {
		if (t == current || (t->flags & PF_EXITING))
			continue;
		put_filter_chain(t->seccomp.filter);
		get_seccomp_filter(current);
		t->seccomp.filter = current->seccomp.filter;
		t->seccomp.filter_count = current->seccomp.filter_count;
		if (test_bit(PFA_NO_NEW_PRIVS, &current->atomic_flags))
			set_bit(PFA_NO_NEW_PRIVS, &t->atomic_flags);
		t->seccomp.mode = SECCOMP_MODE_FILTER;
	}
}

static long seccomp_set_mode_filter(unsigned int flags, const char __user *filter)
{
	const unsigned long known = SECCOMP_FILTER_FLAG_TSYNC | SECCOMP_FILTER_FLAG_LOG |
				    SECCOMP_FILTER_FLAG_SPEC_ALLOW |
				    SECCOMP_FILTER_FLAG_TSYNC_ESRCH;
	struct seccomp_filter *sf, *f;
	unsigned long total;
	long ret = 0;

	if (flags & ~known)
		return -EINVAL;
	if ((flags & SECCOMP_FILTER_FLAG_TSYNC_ESRCH) && !(flags & SECCOMP_FILTER_FLAG_TSYNC))
		return -EINVAL;
	sf = seccomp_prepare_filter((const struct sock_fprog __user *)filter);
	if (IS_ERR(sf))
		return PTR_ERR(sf);
	sf->log = flags & SECCOMP_FILTER_FLAG_LOG;

	spin_lock_irq(&current->sighand->siglock);
	if (current->seccomp.mode == SECCOMP_MODE_STRICT) {
		ret = -EINVAL;
		goto out;
	}
	total = sf->len;
	for (f = current->seccomp.filter; f; f = f->prev)
		total += f->len + 4;	/* each filter costs a few more, as Linux counts */
	if (total > MAX_INSNS_PER_PATH) {
		ret = -ENOMEM;
		goto out;
	}
	if (flags & SECCOMP_FILTER_FLAG_TSYNC) {
		ret = seccomp_can_sync_threads();
		if (ret) {
			if (flags & SECCOMP_FILTER_FLAG_TSYNC_ESRCH)
				ret = -ESRCH;
			goto out;
		}
	}
	sf->prev = current->seccomp.filter;
	current->seccomp.filter = sf;
	current->seccomp.filter_count++;
	current->seccomp.mode = SECCOMP_MODE_FILTER;
	sf = NULL;
	if (flags & SECCOMP_FILTER_FLAG_TSYNC)
		seccomp_sync_threads();
out:
	spin_unlock_irq(&current->sighand->siglock);
	if (sf)
		kfree(sf);
	return ret;
}

static long seccomp_set_mode_strict(void)
{
	long ret = 0;

	spin_lock_irq(&current->sighand->siglock);
	if (current->seccomp.mode)
		ret = -EINVAL;
	else
		current->seccomp.mode = SECCOMP_MODE_STRICT;
	spin_unlock_irq(&current->sighand->siglock);
	return ret;
}

static long seccomp_get_action_avail(const char __user *uaction)
{
	u32 action;

	if (copy_from_user(&action, uaction, sizeof(action)))
		return -EFAULT;
	switch (action) {
	case SECCOMP_RET_KILL_PROCESS:
	case SECCOMP_RET_KILL_THREAD:
	case SECCOMP_RET_TRAP:
	case SECCOMP_RET_ERRNO:
	case SECCOMP_RET_TRACE:
	case SECCOMP_RET_LOG:
	case SECCOMP_RET_ALLOW:
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}

static long do_seccomp(unsigned int op, unsigned int flags, const char __user *uargs)
{
	switch (op) {
	case SECCOMP_SET_MODE_STRICT:
		if (flags || uargs)
			return -EINVAL;
		return seccomp_set_mode_strict();
	case SECCOMP_SET_MODE_FILTER:
		return seccomp_set_mode_filter(flags, uargs);
	case SECCOMP_GET_ACTION_AVAIL:
		if (flags)
			return -EINVAL;
		return seccomp_get_action_avail(uargs);
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE3(seccomp, unsigned int, op, unsigned int, flags, void __user *, uargs)
{
	return do_seccomp(op, flags, uargs);
}

long prctl_get_seccomp(void)
{
	return current->seccomp.mode;
}

/* prctl(PR_SET_SECCOMP, mode, filter): the older door to the same thing. */
long prctl_set_seccomp(unsigned long mode, void __user *filter)
{
	switch (mode) {
	case SECCOMP_MODE_STRICT:
		return do_seccomp(SECCOMP_SET_MODE_STRICT, 0, NULL);
	case SECCOMP_MODE_FILTER:
		return do_seccomp(SECCOMP_SET_MODE_FILTER, 0, filter);
	default:
		return -EINVAL;
	}
}
