// SPDX-License-Identifier: GPL-2.0
/*
 * init_task: PID 0, the one task not made by fork.  It is the boot CPU's
 * flow of control from start_kernel on; it forks PID 1 (kernel_init) and
 * then becomes the CPU's idle task ("swapper/0").  Everything else
 * descends from it, and its tasks list is the list of all processes.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/init.h>
#include <linux/mm_types.h>
#include <asm/pgtable.h>
#include <linux/resource.h>
#include <linux/sched.h>

static struct signal_struct init_signals = {
	.sigcnt = REFCOUNT_INIT(1),
	.nr_threads = 1,
	.wait_chldexit = __WAIT_QUEUE_HEAD_INITIALIZER(init_signals.wait_chldexit),
	.shared_pending = { .list = LIST_HEAD_INIT(init_signals.shared_pending.list) },
	.real_timer = { .node = LIST_HEAD_INIT(init_signals.real_timer.node) },
	.posix_timers = LIST_HEAD_INIT(init_signals.posix_timers),
	.cpu_timers = LIST_HEAD_INIT(init_signals.cpu_timers),
	.rlim = {
		[RLIMIT_CPU]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_FSIZE]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_DATA]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_STACK]		= { _STK_LIM, RLIM_INFINITY },
		[RLIMIT_CORE]		= { 0, RLIM_INFINITY },
		[RLIMIT_RSS]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_NPROC]		= { 0, 0 },	/* sized by fork_init */
		[RLIMIT_NOFILE]		= { INR_OPEN_CUR, INR_OPEN_MAX },
		[RLIMIT_MEMLOCK]	= { MLOCK_LIMIT, MLOCK_LIMIT },
		[RLIMIT_AS]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_LOCKS]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_SIGPENDING]	= { 0, 0 },	/* sized by fork_init */
		[RLIMIT_MSGQUEUE]	= { 819200, 819200 },
		[RLIMIT_NICE]		= { 0, 0 },
		[RLIMIT_RTPRIO]		= { 0, 0 },
		[RLIMIT_RTTIME]		= { RLIM_INFINITY, RLIM_INFINITY },
	},
};

static struct sighand_struct init_sighand = {
	.count = REFCOUNT_INIT(1),
	.siglock = __SPIN_LOCK_UNLOCKED(init_sighand.siglock),
	.signalfd_wqh = __WAIT_QUEUE_HEAD_INITIALIZER(init_sighand.signalfd_wqh),
};

extern char init_stack[];

struct task_struct init_task __aligned(64) = {
	.state		= TASK_RUNNING,
	.stack		= init_stack,
	.usage		= REFCOUNT_INIT(2),
	.flags		= PF_KTHREAD,
	.prio		= MAX_PRIO - 20,
	.static_prio	= MAX_PRIO - 20,
	.normal_prio	= MAX_PRIO - 20,
	.policy		= SCHED_NORMAL,
	.timer_slack_ns	= 50000,	/* Linux's default: 50 us */
	.default_timer_slack_ns = 50000,
	.se		= { .load = { .weight = 1024, .inv_weight = 4194304 } },
	.rt		= { .run_list = LIST_HEAD_INIT(init_task.rt.run_list) },
	.tasks		= LIST_HEAD_INIT(init_task.tasks),
	.real_parent	= &init_task,
	.parent		= &init_task,
	.children	= LIST_HEAD_INIT(init_task.children),
	.ptraced	= LIST_HEAD_INIT(init_task.ptraced),
	.ptrace_entry	= LIST_HEAD_INIT(init_task.ptrace_entry),
	.sibling	= LIST_HEAD_INIT(init_task.sibling),
	.group_leader	= &init_task,
	.thread_node	= LIST_HEAD_INIT(init_task.thread_node),
	.thread_group	= LIST_HEAD_INIT(init_task.thread_group),
	.mm		= NULL,
	.active_mm	= &init_mm,
	.real_cred	= &init_cred,
	.cred		= &init_cred,
	.comm		= "swapper/0",
	.alloc_lock	= __SPIN_LOCK_UNLOCKED(init_task.alloc_lock),
	.fs		= &init_fs,
	.files		= &init_files,
	.signal		= &init_signals,
	.sighand	= &init_sighand,
	.pending	= { .list = LIST_HEAD_INIT(init_task.pending.list) },
	.pi_state_list	= LIST_HEAD_INIT(init_task.pi_state_list),
	.pi_lock	= __SPIN_LOCK_UNLOCKED(init_task.pi_lock),
	.cpus_mask	= ~0UL,
};
