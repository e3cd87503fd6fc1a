// SPDX-License-Identifier: GPL-2.0
/*
 * Signal frames on x86-64: how a handler gets called and how it returns.
 *
 * On the way back to user mode, arch_do_signal_or_restart() asks
 * get_signal() (kernel/signal.c) for a signal with a handler.  If there
 * is one, the interrupted system call's result is first fixed up (restart
 * it, or make it -EINTR: handle_signal), then setup_rt_frame() pushes a
 * struct rt_sigframe (asm/sigframe.h) below the user's stack pointer,
 * past the 128-byte red zone (or on the alternate stack): every register,
 * the mask to restore, the FPU/SSE registers and the siginfo.  The saved
 * pt_regs are then pointed at the handler, with a stack that looks as if
 * sa_restorer had called it.  The handler returns into sa_restorer, which
 * calls rt_sigreturn: sys_rt_sigreturn() reads the frame back and the task
 * resumes where it was.  Whatever user space wrote into the frame is
 * checked before it reaches a register, since it could be anything.
 */
#include <linux/kernel.h>
#include <linux/rseq.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/sigframe.h>

#define X86_EFLAGS_AF	0x00000010

/* The flags user space may set through a signal frame. */
#define FIX_EFLAGS	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | \
			 X86_EFLAGS_TF | X86_EFLAGS_SF | X86_EFLAGS_ZF | \
			 X86_EFLAGS_AF | X86_EFLAGS_PF | X86_EFLAGS_CF | \
			 X86_EFLAGS_RF)

#define RED_ZONE	128	/* the SysV ABI's scratch area below rsp */

/* MXCSR bits the CPU accepts: fxrstor of any other raises #GP. */
static u32 mxcsr_feature_mask(void)
{
	static struct fxregs_state fx;	/* fxsave needs 16-byte alignment */
	static u32 mask;

	if (!mask) {
		fxsave(&fx);
		mask = fx.mxcsr_mask ? fx.mxcsr_mask : 0xffbf;
	}
	return mask;
}

/* Where the frame goes: below the red zone, or at the top of the altstack. */
static void __user *get_sigframe(struct ksignal *ksig, struct pt_regs *regs,
				 unsigned long *fpstate)
{
	unsigned long sp = regs->sp - RED_ZONE;
	bool entering_altstack = false;

	if ((ksig->ka.sa.sa_flags & SA_ONSTACK) && sas_ss_flags(sp) == 0) {
		sp = current->sas_ss_sp + current->sas_ss_size;
		entering_altstack = true;
	}
	sp = (sp - sizeof(struct fxregs_state)) & ~63UL;
	*fpstate = sp;
	sp -= sizeof(struct rt_sigframe);
	/* As after a call: rsp + 8 is 16-byte aligned in the handler. */
	sp = (sp & ~15UL) - 8;
	/* A frame that does not fit on the altstack would run off it. */
	if (entering_altstack && !on_sig_stack(sp))
		return NULL;
	return (void __user *)sp;
}

static void fill_sigcontext(struct sigcontext *sc, struct pt_regs *regs,
			    const siginfo_t *info, const sigset_t *mask, unsigned long fpstate)
{
	memset(sc, 0, sizeof(*sc));
	sc->r8 = regs->r8;
	sc->r9 = regs->r9;
	sc->r10 = regs->r10;
	sc->r11 = regs->r11;
	sc->r12 = regs->r12;
	sc->r13 = regs->r13;
	sc->r14 = regs->r14;
	sc->r15 = regs->r15;
	sc->di = regs->di;
	sc->si = regs->si;
	sc->bp = regs->bp;
	sc->bx = regs->bx;
	sc->dx = regs->dx;
	sc->ax = regs->ax;
	sc->cx = regs->cx;
	sc->sp = regs->sp;
	sc->ip = regs->ip;
	sc->flags = regs->flags;
	sc->cs = __USER_CS;
	sc->ss = __USER_DS;
	sc->oldmask = mask->sig[0];
	/* For a page fault, cr2 is the address, as the handler's si_addr. */
	if (info->si_signo == SIGSEGV || info->si_signo == SIGBUS)
		sc->cr2 = (unsigned long)info->si_addr;
	sc->fpstate = fpstate;
}

static int setup_rt_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	struct rt_sigframe __user *frame;
	struct ucontext uc;
	unsigned long fpstate;

	/* x86-64 has no kernel-provided return trampoline: SA_RESTORER is a must. */
	if (!(ksig->ka.sa.sa_flags & SA_RESTORER))
		return -EFAULT;
	frame = get_sigframe(ksig, regs, &fpstate);
	if (!frame)
		return -EFAULT;

	/* The live FPU registers, through the task's save area, to the frame. */
	fxsave(&current->thread.fpu);
	if (copy_to_user((void __user *)fpstate, &current->thread.fpu,
			 sizeof(struct fxregs_state)))
		return -EFAULT;

	memset(&uc, 0, sizeof(uc));
	uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	fill_sigcontext(&uc.uc_mcontext, regs, &ksig->info, sigmask_to_save(), fpstate);
	uc.uc_sigmask = *sigmask_to_save();
	if (put_user((char __user *)ksig->ka.sa.sa_restorer, &frame->pretcode) ||
	    copy_to_user(&frame->uc, &uc, sizeof(uc)) ||
	    copy_to_user(&frame->info, &ksig->info, sizeof(ksig->info)) ||
	    __save_altstack(&frame->uc.uc_stack, regs->sp))
		return -EFAULT;

	regs->di = ksig->sig;
	regs->si = (unsigned long)&frame->info;
	regs->dx = (unsigned long)&frame->uc;
	regs->ax = 0;		/* no vector registers used for varargs */
	regs->sp = (unsigned long)frame;
	regs->ip = (unsigned long)ksig->ka.sa.sa_handler;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	return 0;
}

/*
 * A system call interrupted by a signal with a handler: restart it after
 * the handler (SA_RESTART, or a call that always restarts), or let it
 * fail with -EINTR.  Restarting means executing the 2-byte SYSCALL again
 * with the original number in rax.
 */
static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	int failed;

	if ((long)regs->orig_ax >= 0) {
		switch ((long)regs->ax) {
		case -ERESTART_RESTARTBLOCK:
		case -ERESTARTNOHAND:
			regs->ax = -EINTR;
			break;
		case -ERESTARTSYS:
			if (!(ksig->ka.sa.sa_flags & SA_RESTART)) {
				regs->ax = -EINTR;
				break;
			}
			fallthrough;
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2;
			break;
		}
	}
	rseq_signal_deliver(regs);
	failed = setup_rt_frame(ksig, regs) < 0;
	if (!failed) {
		/* The handler starts with the ABI's flags and a clean FPU. */
		regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
		fpstate_init(&current->thread.fpu);
		fxrstor(&current->thread.fpu);
	}
	signal_setup_done(failed, ksig);
}

/* Called with interrupts on, on every return to user mode with TIF_SIGPENDING. */
void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct ksignal ksig;

	if (get_signal(&ksig)) {
		handle_signal(&ksig, regs);
		return;
	}
	/* No handler ran: an interrupted call simply starts over. */
	if ((long)regs->orig_ax >= 0) {
		switch ((long)regs->ax) {
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2;
			break;
		case -ERESTART_RESTARTBLOCK:
			/* No restart_syscall block here: report the interruption. */
			regs->ax = -EINTR;
			break;
		}
	}
	restore_saved_sigmask();
}

/*
 * The frame's FPU image; its MXCSR is checked, as fxrstor would #GP on
 * it.  It goes through the task's own save area, which is aligned as
 * fxrstor needs, with interrupts off: a context switch in between would
 * overwrite the area with the live registers.
 */
static int restore_fpstate(u64 fpstate)
{
	struct fxregs_state *fx = &current->thread.fpu;
	u8 buf[sizeof(struct fxregs_state)];

	if (fpstate && ((fpstate & 15) ||
			copy_from_user(buf, (const void __user *)fpstate, sizeof(buf))))
		return -EFAULT;
	local_irq_disable();
	if (fpstate) {
		memcpy(fx, buf, sizeof(*fx));
		fx->mxcsr &= mxcsr_feature_mask();
	} else {
		fpstate_init(fx);
	}
	fxrstor(fx);
	local_irq_enable();
	return 0;
}

static int restore_sigcontext(struct pt_regs *regs, const struct sigcontext __user *usc)
{
	struct sigcontext sc;

	if (copy_from_user(&sc, usc, sizeof(sc)))
		return -EFAULT;
	/* IRET to a non-canonical address would fault in the kernel. */
	if (sc.ip >= TASK_SIZE_MAX || sc.sp >= TASK_SIZE_MAX)
		return -EFAULT;
	regs->r8 = sc.r8;
	regs->r9 = sc.r9;
	regs->r10 = sc.r10;
	regs->r11 = sc.r11;
	regs->r12 = sc.r12;
	regs->r13 = sc.r13;
	regs->r14 = sc.r14;
	regs->r15 = sc.r15;
	regs->di = sc.di;
	regs->si = sc.si;
	regs->bp = sc.bp;
	regs->bx = sc.bx;
	regs->dx = sc.dx;
	regs->ax = sc.ax;
	regs->cx = sc.cx;
	regs->sp = sc.sp;
	regs->ip = sc.ip;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc.flags & FIX_EFLAGS);
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->orig_ax = -1;	/* never "restart" what sigreturn returns to */
	return restore_fpstate(sc.fpstate);
}

/*
 * The handler's ret popped pretcode, so the frame starts 8 bytes below
 * the stack pointer.  Returns the restored rax, which do_syscall_64
 * stores back into rax unchanged.
 */
SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct rt_sigframe __user *frame = (struct rt_sigframe __user *)(regs->sp - 8);
	sigset_t set;

	if (copy_from_user(&set, &frame->uc.uc_sigmask, sizeof(set)))
		goto badframe;
	set_current_blocked(&set);
	if (restore_sigcontext(regs, &frame->uc.uc_mcontext))
		goto badframe;
	if (restore_altstack(&frame->uc.uc_stack))
		goto badframe;
	return regs->ax;

badframe:
	/* Nothing sane to return to: die as Linux does, with SIGSEGV. */
	pr_info("%s[%d]: bad frame in rt_sigreturn frame:%px ip:%lx sp:%lx\n",
		current->comm, current->pid, frame, regs->ip, regs->sp);
	force_sig(SIGSEGV);
	return 0;
}
