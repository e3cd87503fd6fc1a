// SPDX-License-Identifier: GPL-2.0
/*
 * ptrace, the x86-64 half: a stopped tracee's registers as a tracer sees
 * them.  The general registers are the struct pt_regs its entry into the
 * kernel saved at the top of its kernel stack (task_pt_regs); the TLS
 * bases and FPU/SSE state are in its thread_struct, where __switch_to
 * left them when it stopped.  A tracer reaches them by word (PEEKUSER/
 * POKEUSER at offsets into struct user), as a block (GETREGS/SETREGS,
 * GETFPREGS/SETFPREGS) or as an ELF note (GETREGSET/SETREGSET).
 *
 * Everything written goes back to user mode through iretq or sysretq, so
 * what could fault there, in ring 0, is refused here: non-user segment
 * selectors, non-canonical instruction pointer or TLS bases, EFLAGS bits
 * a program may not set (IOPL, IF, VM ...), reserved MXCSR bits.
 *
 * Single-step (PTRACE_SINGLESTEP) sets TF; the #DB after one instruction
 * becomes a SIGTRAP (arch/x86/kernel/traps.c: exc_debug), which the
 * tracee reports as a stop.  The debug registers (u_debugreg) are kept
 * and validated as Linux does, but never armed in the hardware.
 */
#include <linux/kernel.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <linux/err.h>
#include <uapi/linux/audit.h>
#include <uapi/linux/siginfo.h>
#include <asm/processor.h>
#include <asm/processor-flags.h>
#include <asm/segment.h>
#include <asm/user.h>

#define NT_PRSTATUS	1	/* struct user_regs_struct */
#define NT_PRFPREG	2	/* struct user_fpregs_struct: FXSAVE layout */
#define NT_X86_XSTATE	0x202	/* the XSAVE layout: FXSAVE area + header + extensions */

/*
 * The XSAVE header after the 512-byte legacy area.  Lantern keeps only
 * x87 and SSE state (FXSAVE; XCR0 stays at its reset value), so the
 * XSAVE image it reports is those two components and nothing more: what
 * Linux reports on a CPU whose XCR0 enables just them.
 */
struct xstate_header {
	u64 xfeatures;
	u64 xcomp_bv;
	u64 reserved[6];
};

#define XFEATURE_MASK_FPSSE	3

#define X86_EFLAGS_AF	0x00000010
/* The EFLAGS bits a program may change itself (popf), so a tracer may too. */
#define FLAG_MASK	(X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF | X86_EFLAGS_ZF | \
			 X86_EFLAGS_SF | X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_OF | \
			 X86_EFLAGS_RF | X86_EFLAGS_AC | X86_EFLAGS_NT | X86_EFLAGS_ID)

#define USER_REGS_WORD(field)	(offsetof(struct user_regs_struct, field) / sizeof(long))

/* ---- Single-step --------------------------------------------------------- */

void user_enable_single_step(struct task_struct *child)
{
	struct pt_regs *regs = task_pt_regs(child);

	set_tsk_thread_flag(child, TIF_SINGLESTEP);
	/* The program's own TF is left alone when we stop stepping. */
	if (!(regs->flags & X86_EFLAGS_TF)) {
		regs->flags |= X86_EFLAGS_TF;
		set_tsk_thread_flag(child, TIF_FORCED_TF);
	}
}

void user_disable_single_step(struct task_struct *child)
{
	clear_tsk_thread_flag(child, TIF_SINGLESTEP);
	if (test_tsk_thread_flag(child, TIF_FORCED_TF)) {
		task_pt_regs(child)->flags &= ~X86_EFLAGS_TF;
		clear_tsk_thread_flag(child, TIF_FORCED_TF);
	}
}

void ptrace_disable(struct task_struct *child)
{
	user_disable_single_step(child);
}

/* ---- General registers --------------------------------------------------- */

static unsigned long getreg(struct task_struct *child, unsigned int word)
{
	struct pt_regs *regs = task_pt_regs(child);
	unsigned long val;

	switch (word) {
	case USER_REGS_WORD(fs_base):
		return child->thread.fsbase;
	case USER_REGS_WORD(gs_base):
		return child->thread.gsbase;
	case USER_REGS_WORD(ds):
	case USER_REGS_WORD(es):
	case USER_REGS_WORD(fs):
	case USER_REGS_WORD(gs):
		return 0;	/* 64-bit programs run with null data selectors here */
	case USER_REGS_WORD(flags):
		val = regs->flags;
		/* The tracer's own TF is no business of the program's state. */
		if (test_tsk_thread_flag(child, TIF_FORCED_TF))
			val &= ~X86_EFLAGS_TF;
		return val;
	default:
		return ((unsigned long *)regs)[word];
	}
}

static bool user_canonical(unsigned long addr)
{
	return addr < TASK_SIZE_MAX;
}

static int putreg(struct task_struct *child, unsigned int word, unsigned long value)
{
	struct pt_regs *regs = task_pt_regs(child);

	switch (word) {
	case USER_REGS_WORD(fs_base):
		if (!user_canonical(value))
			return -EIO;
		child->thread.fsbase = value;
		return 0;
	case USER_REGS_WORD(gs_base):
		if (!user_canonical(value))
			return -EIO;
		child->thread.gsbase = value;
		return 0;
	case USER_REGS_WORD(ds):
	case USER_REGS_WORD(es):
	case USER_REGS_WORD(fs):
	case USER_REGS_WORD(gs):
		/* Only null or user-privilege selectors; they are not kept. */
		if (value && (value & 3) != 3)
			return -EIO;
		return 0;
	case USER_REGS_WORD(cs):
		/* iretq with any other code segment would fault in the kernel. */
		if (value != __USER_CS)
			return -EIO;
		return 0;
	case USER_REGS_WORD(ss):
		if (value != __USER_DS)
			return -EIO;
		return 0;
	case USER_REGS_WORD(ip):
		/* A non-canonical return address faults on sysretq/iretq, in ring 0. */
		if (!user_canonical(value))
			return -EIO;
		regs->ip = value;
		return 0;
	case USER_REGS_WORD(flags):
		/*
		 * The TF we set for single-stepping is hidden from reads: a
		 * write without TF keeps ours, a write with TF makes it the
		 * program's own (it stays when stepping ends).
		 */
		if (test_tsk_thread_flag(child, TIF_FORCED_TF)) {
			if (value & X86_EFLAGS_TF)
				clear_tsk_thread_flag(child, TIF_FORCED_TF);
			else
				value |= X86_EFLAGS_TF;
		}
		regs->flags = (regs->flags & ~FLAG_MASK) | (value & FLAG_MASK);
		return 0;
	default:
		((unsigned long *)regs)[word] = value;
		return 0;
	}
}

static void get_user_regs(struct task_struct *child, struct user_regs_struct *ur)
{
	unsigned long *w = (unsigned long *)ur;
	unsigned int i;

	for (i = 0; i < sizeof(*ur) / sizeof(long); i++)
		w[i] = getreg(child, i);
}

/*
 * All or nothing: every value is checked before any is stored, so a
 * refused SETREGS leaves the tracee as it was.
 */
static int set_user_regs(struct task_struct *child, const struct user_regs_struct *ur)
{
	struct pt_regs saved = *task_pt_regs(child);
	unsigned long fsbase = child->thread.fsbase, gsbase = child->thread.gsbase;
	unsigned long tif = READ_ONCE(child->thread_flags);
	const unsigned long *w = (const unsigned long *)ur;
	unsigned int i;
	int ret;

	for (i = 0; i < sizeof(*ur) / sizeof(long); i++) {
		ret = putreg(child, i, w[i]);
		if (ret)
			goto restore;
	}
	return 0;
restore:
	*task_pt_regs(child) = saved;
	child->thread.fsbase = fsbase;
	child->thread.gsbase = gsbase;
	if (tif & (1UL << TIF_FORCED_TF))
		set_tsk_thread_flag(child, TIF_FORCED_TF);
	return ret;
}

/* ---- FPU/SSE ------------------------------------------------------------- */

static void set_fpregs(struct task_struct *child, const struct fxregs_state *fx)
{
	u32 mask = child->thread.fpu.mxcsr_mask ? : 0xffbf;

	child->thread.fpu = *fx;
	/* fxrstor faults (in the kernel, at the switch) on reserved MXCSR bits. */
	child->thread.fpu.mxcsr &= mask;
}

/*
 * An XSAVE image from the tracer: a compacted format, a component we do
 * not keep, or reserved header bits are refused (EINVAL), as xrstor
 * would fault on them (CVE-2017-15537, LTP ptrace07).
 */
static int set_xstate(struct task_struct *child, const struct fxregs_state *legacy,
		      const struct xstate_header *hdr)
{
	unsigned int i;

	if (hdr->xcomp_bv || (hdr->xfeatures & ~(u64)XFEATURE_MASK_FPSSE))
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(hdr->reserved); i++)
		if (hdr->reserved[i])
			return -EINVAL;
	set_fpregs(child, legacy);
	return 0;
}

/* ---- The user area (PEEKUSER/POKEUSER) ------------------------------------ */

/*
 * Hardware breakpoints must name user addresses, and DR7 may enable only
 * the combinations the CPU defines (no I/O breakpoints; an instruction
 * breakpoint is one byte long); Linux answers EINVAL otherwise.
 */
static int ptrace_set_debugreg(struct task_struct *child, unsigned int n, unsigned long val)
{
	unsigned int i;

	if (n < 4) {
		if (val >= TASK_SIZE_MAX)
			return -EINVAL;
		child->thread.debugreg[n] = val;
		return 0;
	}
	if (n == 6) {
		child->thread.debugreg6 = val;
		return 0;
	}
	if (n != 7)
		return -EIO;
	for (i = 0; i < 4; i++) {
		unsigned int rw = (val >> (16 + 4 * i)) & 3, len = (val >> (18 + 4 * i)) & 3;

		if (!(val & (3UL << (2 * i))))
			continue;
		if (rw == 2 || (rw == 0 && len != 0))
			return -EINVAL;
	}
	child->thread.debugreg7 = val;
	return 0;
}

static unsigned long ptrace_get_debugreg(struct task_struct *child, unsigned int n)
{
	if (n < 4)
		return child->thread.debugreg[n];
	if (n == 6)
		return child->thread.debugreg6;
	if (n == 7)
		return child->thread.debugreg7;
	return 0;
}

#define USER_DEBUGREG_OFF	offsetof(struct user, u_debugreg)
#define USER_DEBUGREG_END	(USER_DEBUGREG_OFF + sizeof(((struct user *)0)->u_debugreg))

static int ptrace_peekuser(struct task_struct *child, unsigned long addr, unsigned long data)
{
	unsigned long val = 0;

	if ((addr & (sizeof(long) - 1)) || addr >= sizeof(struct user))
		return -EIO;
	if (addr < sizeof(struct user_regs_struct))
		val = getreg(child, addr / sizeof(long));
	else if (addr >= USER_DEBUGREG_OFF && addr < USER_DEBUGREG_END)
		val = ptrace_get_debugreg(child, (addr - USER_DEBUGREG_OFF) / sizeof(long));
	return put_user(val, (unsigned long __user *)data);
}

static int ptrace_pokeuser(struct task_struct *child, unsigned long addr, unsigned long data)
{
	if ((addr & (sizeof(long) - 1)) || addr >= sizeof(struct user))
		return -EIO;
	if (addr < sizeof(struct user_regs_struct))
		return putreg(child, addr / sizeof(long), data);
	if (addr >= USER_DEBUGREG_OFF && addr < USER_DEBUGREG_END)
		return ptrace_set_debugreg(child, (addr - USER_DEBUGREG_OFF) / sizeof(long), data);
	return 0;	/* the rest of struct user is informational */
}

/* ---- Register sets (GETREGSET/SETREGSET) ----------------------------------- */

/*
 * The iovec says where and how much; a shorter buffer gets the first
 * bytes, and iov_len comes back as what was transferred.
 */
static int ptrace_regset(struct task_struct *child, long request, unsigned int type,
			 struct iovec __user *uiov)
{
	union {
		struct user_regs_struct regs;
		struct fxregs_state fpu;
		struct {
			struct fxregs_state legacy;
			struct xstate_header hdr;
		} xsave;	/* 512 + 64 bytes: no padding */
	} buf;
	struct iovec iov;
	size_t size;
	int ret = 0;

	if (copy_from_user(&iov, uiov, sizeof(iov)))
		return -EFAULT;
	if (type == NT_PRSTATUS) {
		size = sizeof(buf.regs);
		get_user_regs(child, &buf.regs);
	} else if (type == NT_PRFPREG) {
		size = sizeof(buf.fpu);
		buf.fpu = child->thread.fpu;
	} else if (type == NT_X86_XSTATE) {
		size = sizeof(buf.xsave);
		memset(&buf.xsave, 0, sizeof(buf.xsave));
		buf.xsave.legacy = child->thread.fpu;
		buf.xsave.hdr.xfeatures = XFEATURE_MASK_FPSSE;
		/* As Linux: the whole image or nothing (a partial header means nothing). */
		if (request == PTRACE_SETREGSET && iov.iov_len < size)
			return -EFAULT;
	} else {
		return -EINVAL;
	}
	size = min_t(size_t, size, iov.iov_len);
	if (request == PTRACE_GETREGSET) {
		if (copy_to_user(iov.iov_base, &buf, size))
			return -EFAULT;
	} else {
		if (copy_from_user(&buf, iov.iov_base, size))
			return -EFAULT;
		if (type == NT_PRSTATUS)
			ret = set_user_regs(child, &buf.regs);
		else if (type == NT_X86_XSTATE)
			ret = set_xstate(child, &buf.xsave.legacy, &buf.xsave.hdr);
		else
			set_fpregs(child, &buf.fpu);
		if (ret)
			return ret;
	}
	return put_user(size, &uiov->iov_len);
}

/*
 * PTRACE_GET_SYSCALL_INFO: at a syscall stop (PTRACE_O_TRACESYSGOOD's
 * SIGTRAP | 0x80), the call's number and arguments at entry or its
 * result at exit; at a seccomp stop the call and the filter's data; at
 * any other stop only where the tracee is.  Returns
 * the size of what there is to know; copies at most @size of it.
 */
static int ptrace_get_syscall_info(struct task_struct *child, unsigned long size,
				   void __user *udata)
{
	struct pt_regs *regs = task_pt_regs(child);
	struct ptrace_syscall_info info = {
		.op = PTRACE_SYSCALL_INFO_NONE,
		.arch = AUDIT_ARCH_X86_64,
		.instruction_pointer = regs->ip,
		.stack_pointer = regs->sp,
	};
	unsigned long actual = offsetof(struct ptrace_syscall_info, entry);
	int code = 0;

	spin_lock_irq(&child->sighand->siglock);
	if (child->last_siginfo)
		code = child->last_siginfo->si_code;
	spin_unlock_irq(&child->sighand->siglock);
	if (code == (SIGTRAP | 0x80) && child->ptrace_message == PTRACE_EVENTMSG_SYSCALL_ENTRY) {
		info.op = PTRACE_SYSCALL_INFO_ENTRY;
		info.entry.nr = regs->orig_ax;
		info.entry.args[0] = regs->di;
		info.entry.args[1] = regs->si;
		info.entry.args[2] = regs->dx;
		info.entry.args[3] = regs->r10;
		info.entry.args[4] = regs->r8;
		info.entry.args[5] = regs->r9;
		actual = offsetof(struct ptrace_syscall_info, entry.args) + sizeof(info.entry.args);
	} else if (code == (SIGTRAP | (PTRACE_EVENT_SECCOMP << 8))) {
		info.op = PTRACE_SYSCALL_INFO_SECCOMP;
		info.seccomp.nr = regs->orig_ax;
		info.seccomp.args[0] = regs->di;
		info.seccomp.args[1] = regs->si;
		info.seccomp.args[2] = regs->dx;
		info.seccomp.args[3] = regs->r10;
		info.seccomp.args[4] = regs->r8;
		info.seccomp.args[5] = regs->r9;
		info.seccomp.ret_data = child->ptrace_message;
		actual = offsetof(struct ptrace_syscall_info, seccomp.ret_data) +
			 sizeof(info.seccomp.ret_data);
	} else if (code == (SIGTRAP | 0x80) &&
		   child->ptrace_message == PTRACE_EVENTMSG_SYSCALL_EXIT) {
		info.op = PTRACE_SYSCALL_INFO_EXIT;
		info.exit.rval = regs->ax;
		info.exit.is_error = regs->ax >= (unsigned long)-MAX_ERRNO;
		actual = offsetof(struct ptrace_syscall_info, exit.is_error) +
			 sizeof(info.exit.is_error);
	}
	if (copy_to_user(udata, &info, min(size, actual)))
		return -EFAULT;
	return actual;
}

long arch_ptrace(struct task_struct *child, long request, unsigned long addr,
		 unsigned long data)
{
	void __user *udata = (void __user *)data;
	struct user_regs_struct regs;
	struct fxregs_state fpu;

	switch (request) {
	case PTRACE_PEEKUSR:
		return ptrace_peekuser(child, addr, data);
	case PTRACE_POKEUSR:
		return ptrace_pokeuser(child, addr, data);
	case PTRACE_GETREGS:
		get_user_regs(child, &regs);
		return copy_to_user(udata, &regs, sizeof(regs)) ? -EFAULT : 0;
	case PTRACE_SETREGS:
		if (copy_from_user(&regs, udata, sizeof(regs)))
			return -EFAULT;
		return set_user_regs(child, &regs);
	case PTRACE_GETFPREGS:
		return copy_to_user(udata, &child->thread.fpu, sizeof(fpu)) ? -EFAULT : 0;
	case PTRACE_SETFPREGS:
		if (copy_from_user(&fpu, udata, sizeof(fpu)))
			return -EFAULT;
		set_fpregs(child, &fpu);
		return 0;
	case PTRACE_GETREGSET:
	case PTRACE_SETREGSET:
		return ptrace_regset(child, request, addr, (struct iovec __user *)data);
	case PTRACE_GET_SYSCALL_INFO:
		return ptrace_get_syscall_info(child, addr, udata);
	default:
		return ptrace_request(child, request, addr, data);
	}
}
