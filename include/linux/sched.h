/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct task_struct: one per thread of execution, user process or kernel
 * thread, with the fields the seed's "Task Struct" lists under the same
 * names: state, flags, the priorities and scheduling entities, the
 * family links (parent, children, sibling, group_leader), the address
 * space (mm, active_mm), credentials, and signal state.
 *
 * States are Linux's: TASK_RUNNING (on a run queue or on a CPU),
 * TASK_INTERRUPTIBLE (asleep, a signal wakes it), TASK_UNINTERRUPTIBLE
 * (asleep, only the event wakes it), __TASK_STOPPED; a task that has
 * exited is EXIT_ZOMBIE until its parent reaps it, then EXIT_DEAD.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/resource.h>
#include <linux/signal_types.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/sem.h>
#include <linux/seccomp.h>
#include <asm/current.h>
#include <asm/processor.h>
#include <asm/ptrace.h>

/* task->state */
#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define __TASK_STOPPED		0x0004
#define __TASK_TRACED		0x0008
#define TASK_PARKED		0x0040
#define TASK_DEAD		0x0080
#define TASK_WAKEKILL		0x0100
#define TASK_NEW		0x0800
#define TASK_KILLABLE		(TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_STOPPED		(TASK_WAKEKILL | __TASK_STOPPED)
#define TASK_TRACED		(TASK_WAKEKILL | __TASK_TRACED)
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* task->exit_state */
#define EXIT_DEAD		0x0010
#define EXIT_ZOMBIE		0x0020

/* task->flags */
#define PF_IDLE			0x00000002	/* the idle task */
#define PF_EXITING		0x00000004	/* in do_exit */
#define PF_VCPU			0x00000010
#define PF_WQ_WORKER		0x00000020	/* a kworker (kernel/workqueue.c) */
#define PF_FORKNOEXEC		0x00000040	/* forked but did not exec */
#define PF_SUPERPRIV		0x00000100	/* used super-user privileges */
#define PF_SIGNALED		0x00000400	/* killed by a signal */
#define PF_MEMALLOC		0x00000800	/* reclaiming: allocations must not reclaim again */
#define PF_KTHREAD		0x00200000	/* a kernel thread */
#define PFA_NO_NEW_PRIVS	0	/* atomic_flags: exec may not gain privileges */
#define PF_RANDOMIZE		0x00400000	/* exec randomized this address space */
#define PF_NO_SETAFFINITY	0x04000000	/* bound to its CPU (kthread_bind) */

/* thread flags (task->thread_flags), tested on the way back to user mode */
#define TIF_NEED_RESCHED	0
#define TIF_SIGPENDING		1
#define TIF_NOTIFY_RESUME	2
#define TIF_NOTSC		3	/* prctl(PR_SET_TSC, PR_TSC_SIGSEGV); kept by fork */
#define TIF_SYSCALL_TRACE	4	/* PTRACE_SYSCALL: stop at syscall entry and exit */
#define TIF_SINGLESTEP		5	/* PTRACE_SINGLESTEP: TF is set on the tracer's behalf */
#define TIF_FORCED_TF		6	/* TF is ours, not the program's: hidden, and cleared after */

#define TASK_COMM_LEN		16

/* Scheduling policies */
#define SCHED_NORMAL		0
#define SCHED_FIFO		1
#define SCHED_RR		2
#define SCHED_BATCH		3
#define SCHED_IDLE		5
#define SCHED_DEADLINE		6
#define SCHED_RESET_ON_FORK	0x40000000

/*
 * Priorities, one scale for all classes: -1 deadline, 0..99 real-time
 * (lower is more important), 100..139 normal, nice -20..19 mapping to
 * 100..139.
 */
#define MAX_DL_PRIO		0
#define MAX_RT_PRIO		100
#define MAX_PRIO		(MAX_RT_PRIO + 40)
#define DEFAULT_PRIO		(MAX_RT_PRIO + 20)
#define NICE_TO_PRIO(nice)	((nice) + DEFAULT_PRIO)
#define PRIO_TO_NICE(prio)	((prio) - DEFAULT_PRIO)
#define MAX_NICE		19
#define MIN_NICE		-20

struct load_weight {
	unsigned long weight;
	u32 inv_weight;
};

/* What the fair class keeps per task. */
struct sched_entity {
	struct load_weight load;
	struct rb_node run_node;	/* in cfs_rq->tasks_timeline */
	unsigned int on_rq;
	u64 exec_start;			/* when it last started running */
	u64 sum_exec_runtime;		/* total CPU time, ns */
	u64 prev_sum_exec_runtime;	/* at the start of this slice */
	u64 vruntime;			/* weighted CPU time: the rbtree key */
	u64 nr_migrations;		/* moves between CPUs (/proc/PID/sched) */
};

/* What the real-time class keeps per task. */
struct sched_rt_entity {
	struct list_head run_list;
	unsigned int time_slice;	/* SCHED_RR: ticks left */
	unsigned short on_rq;
};

/*
 * What the deadline class keeps per task: the reservation asked for
 * (dl_runtime of CPU time in every dl_period, used within dl_deadline of
 * the period's start) and the current instance of it (the runtime left
 * and the absolute deadline, in run-queue clock ns).
 */
struct sched_dl_entity {
	struct rb_node rb_node;		/* in dl_rq->root, by deadline; empty: not queued */
	u64 dl_runtime;
	u64 dl_deadline;
	u64 dl_period;
	u64 dl_bw;			/* dl_runtime / dl_period, fixed point (BW_SHIFT) */
	int cpu;			/* where dl_bw is admitted: the task runs there */
	unsigned int flags;		/* SCHED_FLAG_RECLAIM, SCHED_FLAG_DL_OVERRUN */
	s64 runtime;
	u64 deadline;			/* 0: no instance yet */
	unsigned int dl_throttled:1;	/* out of runtime: off the queue until dl_timer */
	unsigned int dl_yielded:1;	/* sched_yield gave up the rest of this instance */
	bool dl_overrun;		/* SIGXCPU owed (SCHED_FLAG_DL_OVERRUN); the tick sends it */
	struct hrtimer dl_timer;	/* replenishes a throttled task */
};

struct mm_struct;
struct fs_struct;
struct files_struct;
struct cred;
struct nsproxy;
struct sched_class;
struct completion;
struct tty_struct;

/*
 * What the threads of a process share (one per thread group): limits,
 * the wait queue wait4 sleeps on, the exit status of the group, and the
 * resource totals of reaped children.  Lock: siglock of sighand.
 */
/* What getrusage/times last reported, so the reported times never go back. */
struct prev_cputime {
	u64 utime, stime;	/* ns */
};

struct signal_struct {
	refcount_t sigcnt;
	int nr_threads;
	wait_queue_head_t wait_chldexit;	/* for wait4() */
	int group_exit_code;
	int group_stop_count;			/* threads yet to stop; 0: stop complete */
	unsigned int flags;			/* SIGNAL_GROUP_EXIT ... */
	struct rlimit rlim[RLIM_NLIMITS];
	u64 cutime, cstime;			/* reaped children, ns */
	unsigned long cnvcsw, cnivcsw, cmin_flt, cmaj_flt;
	unsigned long maxrss, cmaxrss;		/* KiB */
	pid_t pgrp, session;			/* tasklist_lock */
	bool leader;				/* session leader (setsid) */
	struct tty_struct *tty;			/* controlling terminal; tasklist_lock */

	/* Signals sent to the whole process; any thread may take them. */
	struct sigpending shared_pending;

	/*
	 * Thread-group bookkeeping.  group_exec_task: the thread in execve's
	 * de_thread, waiting for the others to die (siglock).  The totals
	 * are those of threads already released (tasklist_lock); the live
	 * threads' own counters add to them (thread_group_cputime).
	 */
	struct task_struct *group_exec_task;
	u64 utime, stime;
	u64 sum_sched_runtime;			/* ns on a CPU: CLOCK_PROCESS_CPUTIME_ID */
	unsigned long nvcsw, nivcsw, min_flt, maj_flt;

	/* ITIMER_REAL (alarm, setitimer): an hrtimer, SIGALRM to the group leader. */
	struct hrtimer real_timer;
	struct task_struct *real_timer_task;
	ktime_t it_real_incr;			/* re-arm interval, ns */
	/* ITIMER_VIRTUAL/PROF: ns left, counted down by the tick (siglock). */
	u64 it_virt_value, it_virt_incr;
	u64 it_prof_value, it_prof_incr;

	/*
	 * POSIX timers (timer_create): every timer of the process, and the
	 * armed CPU-clock ones the tick checks (kernel/time/posix-*.c).
	 * Lock: siglock.
	 */
	struct list_head posix_timers;
	struct list_head cpu_timers;
	int next_posix_timer_id;
	struct prev_cputime prev_cputime;	/* the process's, as the task's */
	/* prctl(PR_SET_CHILD_SUBREAPER): orphaned descendants come here */
	bool is_child_subreaper;
	bool has_child_subreaper;		/* some ancestor is one */
	/* The OOM killer (mm/oom_kill.c): inherited by fork, kept by exec. */
	short oom_score_adj;			/* -1000 (never chosen) .. 1000 */
	short oom_score_adj_min;		/* lower needs CAP_SYS_RESOURCE */
	bool oom_victim;			/* killed by it, memory not yet freed */
};
#define SIGNAL_STOP_STOPPED	0x00000001	/* the group is stopped; group_exit_code = sig */
#define SIGNAL_STOP_CONTINUED	0x00000002	/* continued, not yet reported to wait */
#define SIGNAL_GROUP_EXIT	0x00000004
#define SIGNAL_CLD_CONTINUED	0x00000020	/* the parent is yet to hear of it */
#define SIGNAL_UNKILLABLE	0x00000040	/* init: default-action signals are ignored */

struct sighand_struct {
	refcount_t count;
	spinlock_t siglock;
	struct k_sigaction action[_NSIG];
	wait_queue_head_t signalfd_wqh;		/* signalfd readers: a signal arrived */
};

#define FTRACE_RETFUNC_DEPTH	32

struct ftrace_ret_stack {
	unsigned long ret;	/* where the function really returns to */
	unsigned long func;
	unsigned long long calltime;
	int kretprobe;		/* a return probe's event id; 0: the graph tracer's */
	unsigned int graph_gen;	/* the graph tracer's session that hooked it */
};

struct task_struct {
	unsigned long thread_flags;	/* TIF_*: atomic bit ops */
	volatile long state;		/* TASK_RUNNING, TASK_INTERRUPTIBLE, ... */
	void *stack;			/* THREAD_SIZE bytes, pt_regs at the top */
	refcount_t usage;
	unsigned int flags;		/* PF_EXITING, PF_KTHREAD, ... */
	unsigned int personality;	/* PER_LINUX | ADDR_NO_RANDOMIZE ...; inherited */

	/* Scheduling.  Lock: the run queue's lock. */
	int on_cpu;			/* running, or being switched away from */
	int on_rq;
	int migration_pending;		/* off its queue until off its CPU: its mask changed */
	unsigned int cpu;		/* the CPU it runs or last ran on: task_cpu() */
	int prio, static_prio, normal_prio;
	unsigned int rt_priority;
	unsigned int policy;
	unsigned int sched_reset_on_fork:1;	/* children start SCHED_NORMAL, nice >= 0 */
	struct sched_entity se;
	struct sched_rt_entity rt;
	struct sched_dl_entity dl;
	const struct sched_class *sched_class;
	unsigned long nvcsw, nivcsw;	/* voluntary / involuntary switches */

	/* Process relationships.  Lock: tasklist_lock. */
	struct list_head tasks;		/* every task, from init_task */
	pid_t pid;			/* the thread's id */
	pid_t tgid;			/* the process's id (its leader's pid) */
	struct task_struct *real_parent;
	struct task_struct *parent;
	struct list_head children;
	struct list_head sibling;
	struct task_struct *group_leader;
	struct list_head thread_node;	/* in the leader's thread_group */
	struct list_head thread_group;
	/*
	 * ptrace (kernel/ptrace.c).  While traced, @parent is the tracer and
	 * @real_parent still the one that forked us; @ptrace_entry links us
	 * on the tracer's @ptraced list.  Lock: tasklist_lock; @exit_code
	 * and @last_siginfo of a stopped tracee also its siglock.
	 */
	unsigned int ptrace;		/* PT_PTRACED, PT_SEIZED, PT_TRACE_* options */
	unsigned long jobctl;		/* JOBCTL_*: a trap the tracee owes its tracer */
	struct list_head ptraced;	/* the tasks we trace */
	struct list_head ptrace_entry;	/* in our tracer's ptraced list */
	unsigned long ptrace_message;	/* PTRACE_GETEVENTMSG */
	/*
	 * function_graph: the return addresses its hooks replaced, innermost
	 * last (kernel/trace/trace_functions_graph.c).  Only this task and
	 * interrupts on its stack push or pop, with interrupts off.
	 */
	int curr_ret_stack;
	struct ftrace_ret_stack ret_stack[FTRACE_RETFUNC_DEPTH];
	siginfo_t *last_siginfo;		/* the signal of the current ptrace stop */
	int exit_state;
	int exit_code;
	int exit_signal;		/* sent to the parent on exit (SIGCHLD) */
	int pdeath_signal;
	struct completion *vfork_done;	/* vfork: parent waits on this */
	int __user *set_child_tid;
	int __user *clear_child_tid;
	struct robust_list_head __user *robust_list;	/* set_robust_list */
	struct list_head pi_state_list;	/* PI futexes this task owns; pi_lock */
	spinlock_t pi_lock;
	unsigned int fail_nth;		/* /proc/<pid>/fail-nth: fault injection */
	unsigned long futex_calls;	/* futex(2)s made: /proc/<pid>/task/<tid>/futex_calls */
	unsigned long cpus_mask;	/* sched_setaffinity: CPUs it may run on */

	/* Memory management */
	struct mm_struct *mm;		/* NULL for kernel threads */
	struct mm_struct *reclaim_own_mm;	/* fork: the parent's mm, see rmap_trylock_mm() */
	struct mm_struct *active_mm;	/* the mm in CR3: borrowed by kernel threads */
	unsigned long min_flt, maj_flt;
	int pagefault_disabled;		/* user faults in the kernel: fail, do not handle */

	/* Time, ns */
	u64 utime, stime;
	u64 start_time;			/* monotonic, at fork */
	/* How late an hrtimer sleep may wake (prctl PR_SET_TIMERSLACK), ns */
	u64 timer_slack_ns;
	u64 default_timer_slack_ns;

	/* Credentials (UID, GID, capabilities) */
	const struct cred *real_cred;
	const struct cred *cred;
	char comm[TASK_COMM_LEN];

	/* alloc_lock (task_lock): guards mm, files and fs against readers
	 * in other tasks (/proc/<pid>), which must not see them freed. */
	spinlock_t alloc_lock;
	/* Filesystem info */
	struct fs_struct *fs;
	struct files_struct *files;
	struct nsproxy *nsproxy;

	/* Signals */
	struct signal_struct *signal;
	struct sighand_struct *sighand;
	sigset_t blocked, real_blocked;
	sigset_t saved_sigmask;		/* rt_sigsuspend: restored after the handler */
	bool restore_sigmask;
	struct sigpending pending;	/* sent to this thread (tkill, faults) */
	unsigned long sas_ss_sp;	/* sigaltstack */
	size_t sas_ss_size;
	unsigned int sas_ss_flags;	/* SS_AUTODISARM */

	void *kthread_data;		/* kernel threads: struct kthread */

	/* utime/stime last reported (kernel/sched/cputime.c); lock: siglock */
	struct prev_cputime prev_cputime;
	/* System V semaphore undo list (ipc/sem.c), shared with CLONE_SYSVSEM */
	struct sysv_sem sysvsem;
	/* prctl(PR_SET_NO_NEW_PRIVS) and seccomp: inherited, never undone */
	unsigned long atomic_flags;	/* PFA_*: atomic bit ops */
	struct seccomp seccomp;

	struct pid *thread_pid;		/* this thread's pid object (pidfds) */
	int ioprio;			/* ioprio_set: class and level; 0 = none set */
	struct rseq __user *rseq;	/* registered restartable-sequence area, or NULL */
	u32 rseq_len, rseq_sig;
	/* KEYCTL_SESSION_TO_PARENT: a child's session keyring, installed on our way out */
	struct key *replacement_session_keyring;
	/* The lock validator's stack of locks this task holds (kernel/locking/lockdep.c). */
	int lockdep_depth;
	unsigned int lockdep_recursion;
	struct held_lock held_locks[MAX_LOCK_DEPTH];
	/* CPU state: must be last (it holds the FPU area). */
	struct thread_struct thread;
};

extern struct task_struct init_task;

static inline unsigned int task_cpu(const struct task_struct *p)
{
	return READ_ONCE(p->cpu);
}
extern spinlock_t tasklist_lock;

#define next_task(p)	list_entry((p)->tasks.next, struct task_struct, tasks)
#define for_each_process(p) \
	for (p = &init_task; (p = next_task(p)) != &init_task; )

static inline pid_t task_pid_nr(struct task_struct *tsk) { return tsk->pid; }
static inline pid_t task_tgid_nr(struct task_struct *tsk) { return tsk->tgid; }

/*
 * The numbers user space sees: @tsk's thread or process id in PID
 * namespace @ns (NULL: the caller's), 0 if @ns cannot see @tsk.
 * kernel/pid.c.
 */
struct pid_namespace;
pid_t __task_pid_nr_ns(struct task_struct *tsk, bool group, struct pid_namespace *ns);
static inline pid_t task_pid_nr_ns(struct task_struct *tsk, struct pid_namespace *ns)
{
	return __task_pid_nr_ns(tsk, false, ns);
}
static inline pid_t task_tgid_nr_ns(struct task_struct *tsk, struct pid_namespace *ns)
{
	return __task_pid_nr_ns(tsk, true, ns);
}
static inline pid_t task_pid_vnr(struct task_struct *tsk) { return __task_pid_nr_ns(tsk, false, NULL); }
static inline pid_t task_tgid_vnr(struct task_struct *tsk) { return __task_pid_nr_ns(tsk, true, NULL); }
static inline bool thread_group_leader(struct task_struct *p)
{
	return p->group_leader == p;
}

/* No other thread is left in @p's group.  tasklist_lock (or siglock) held. */
static inline bool thread_group_empty(struct task_struct *p)
{
	return list_empty(&p->group_leader->thread_group);
}

/*
 * The threads of @p's group: the leader first, then its thread_group
 * list.  The list changes under tasklist_lock; walkers hold it or siglock.
 */
static inline struct task_struct *next_thread(struct task_struct *t)
{
	struct task_struct *leader = t->group_leader;
	struct list_head *next = t == leader ? leader->thread_group.next : t->thread_node.next;

	if (next == &leader->thread_group)
		return NULL;
	return list_entry(next, struct task_struct, thread_node);
}

#define for_each_thread(p, t) \
	for (t = (p)->group_leader; t; t = next_thread(t))
static inline int task_nice(const struct task_struct *p)
{
	return PRIO_TO_NICE(p->static_prio);
}

static inline void set_tsk_thread_flag(struct task_struct *t, int flag)
{
	__atomic_fetch_or(&t->thread_flags, 1UL << flag, __ATOMIC_SEQ_CST);
}

static inline void clear_tsk_thread_flag(struct task_struct *t, int flag)
{
	__atomic_fetch_and(&t->thread_flags, ~(1UL << flag), __ATOMIC_SEQ_CST);
}

static inline bool test_tsk_thread_flag(struct task_struct *t, int flag)
{
	return READ_ONCE(t->thread_flags) & (1UL << flag);
}

static inline void set_tsk_need_resched(struct task_struct *t)
{
	set_tsk_thread_flag(t, TIF_NEED_RESCHED);
}

static inline bool test_tsk_need_resched(struct task_struct *t)
{
	return test_tsk_thread_flag(t, TIF_NEED_RESCHED);
}

static inline bool need_resched(void)
{
	return test_tsk_thread_flag(current, TIF_NEED_RESCHED);
}

/* A user access that must not sleep (under a spinlock) fails instead of faulting in. */
static inline void pagefault_disable(void)
{
	current->pagefault_disabled++;
	barrier();
}

static inline void pagefault_enable(void)
{
	barrier();
	current->pagefault_disabled--;
}

#define __set_current_state(s)	do { current->state = (s); } while (0)
#define set_current_state(s) \
	do { WRITE_ONCE(current->state, (s)); __atomic_thread_fence(__ATOMIC_SEQ_CST); } while (0)

/* kernel/sched/core.c */
void schedule(void);

/*
 * The kernel is not preemptive: long loops in process context (and with
 * no spinlock held) call this to let others run.
 */
static inline void cond_resched(void)
{
	if (need_resched())
		schedule();
}

void scheduler_tick(void);
/* CPU time in ns, the running slice included (kernel/sched/syscalls.c). */
u64 task_sched_runtime(struct task_struct *p);
u64 thread_group_sched_runtime(struct task_struct *p);
/* kernel/sched/cputime.c: tick-sampled user/system scaled to the precise total */
void task_cputime_adjusted(struct task_struct *p, u64 *ut, u64 *st);
void thread_group_cputime_adjusted(struct task_struct *p, u64 *ut, u64 *st);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
void wake_up_new_task(struct task_struct *p);
int sched_fork(unsigned long clone_flags, struct task_struct *p);
void sched_init(void);
void init_idle(struct task_struct *idle, int cpu);
void kick_process(struct task_struct *p);
struct cpumask;
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *new_mask);
void schedule_preempt_disabled(void);
void set_user_nice(struct task_struct *p, long nice);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
void cpu_startup_entry(void) __noreturn;
int sched_setscheduler_nocheck(struct task_struct *p, int policy, int prio);
void rt_mutex_setprio(struct task_struct *p, int prio);
void account_process_tick(struct task_struct *p, int user_tick);

/* kernel/fork.c, kernel/exit.c, kernel/pid.c */
struct task_struct *find_task_by_vpid(pid_t nr);
void __noreturn do_exit(long code);
void __noreturn do_group_exit(int exit_code);
void put_task_struct(struct task_struct *t);
static inline void get_task_struct(struct task_struct *t)
{
	refcount_inc(&t->usage);
}
void set_task_comm(struct task_struct *tsk, const char *from);
char *get_task_comm(char *to, struct task_struct *tsk);
pid_t kernel_thread(int (*fn)(void *), void *arg, unsigned long flags);
void proc_caches_init(void);
void fork_init(void);


#endif
