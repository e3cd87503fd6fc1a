// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/stat, status and statm: a process's scheduler, memory and
 * signal state as text, in Linux's exact layouts, because ps, top and
 * free parse them by position (stat, statm) or by key (status).
 *
 * Times are in clock ticks of USER_HZ (100 per second), whatever HZ the
 * kernel ticks at; start time counts from boot.  A zombie has no mm: its
 * memory fields read 0 and the Vm lines are left out, as on Linux.
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/bitops.h>
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/mm_vma.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/time64.h>
#include <uapi/linux/time_types.h>
#include "internal.h"

static unsigned long long nsec_to_clock_t(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

/* Linux's task_state_array: the letter ps shows, and the word status adds. */
static const char *task_state(const struct task_struct *task)
{
	long state = READ_ONCE(task->state);

	if (task->exit_state & EXIT_ZOMBIE)
		return "Z (zombie)";
	if (task->exit_state & EXIT_DEAD)
		return "X (dead)";
	if (state & __TASK_TRACED)
		return "t (tracing stop)";
	if (state & __TASK_STOPPED)
		return "T (stopped)";
	if (state & TASK_PARKED)
		return "P (parked)";
	if (state & TASK_UNINTERRUPTIBLE)
		return "D (disk sleep)";
	if (state & TASK_INTERRUPTIBLE)
		return "S (sleeping)";
	return "R (running)";
}

/* The PID namespace of the /proc that @m is read through: its numbers are shown. */
static struct pid_namespace *seq_pid_ns(struct seq_file *m)
{
	return m->file ? proc_pid_ns(file_inode(m->file)->i_sb) : task_active_pid_ns(current);
}

/* The process tracing @task (ptrace), 0 if none. */
static pid_t task_tracer_pid(struct task_struct *task, struct pid_namespace *ns)
{
	pid_t pid;

	spin_lock_irq(&tasklist_lock);
	pid = task->ptrace ? task_tgid_nr_ns(task->parent, ns) : 0;
	spin_unlock_irq(&tasklist_lock);
	return pid;
}

/* 0 for PID 1 and for a parent @ns does not see. */
static pid_t task_ppid(struct task_struct *task, struct pid_namespace *ns)
{
	pid_t ppid;

	spin_lock_irq(&tasklist_lock);
	ppid = task->pid > 1 && task->real_parent ? task_tgid_nr_ns(task->real_parent, ns) : 0;
	spin_unlock_irq(&tasklist_lock);
	return ppid;
}

/* A group or session id (a first-namespace number) as @ns numbers it. */
static pid_t pgrp_nr_ns(pid_t nr, struct pid_namespace *ns)
{
	if (ns == &init_pid_ns || nr <= 0)
		return nr;
	return pid_nr_ns(find_pid_ns(nr, &init_pid_ns), ns);
}

/* Signals handled (SIG_IGN) and caught (a handler), as two masks. */
static void collect_sigign_sigcgt(struct task_struct *task, unsigned long *ign,
				  unsigned long *cgt)
{
	*ign = *cgt = 0;
	if (!task->sighand)
		return;
	spin_lock_irq(&task->sighand->siglock);
	for (int sig = 1; sig < _NSIG && sig <= 64; sig++) {
		__sighandler_t h = task->sighand->action[sig - 1].sa.sa_handler;

		if (h == SIG_IGN)
			*ign |= 1UL << (sig - 1);
		else if (h != SIG_DFL)
			*cgt |= 1UL << (sig - 1);
	}
	spin_unlock_irq(&task->sighand->siglock);
}

/*
 * /proc/<pid>/stat counts the whole process (the threads already gone
 * included); /proc/<pid>/task/<tid>/stat the one thread.
 */
static int do_task_stat(struct seq_file *m, struct task_struct *task, bool whole)
{
	struct pid_namespace *ns = seq_pid_ns(m);
	struct signal_struct *sig = task->signal;
	struct mm_struct *mm = proc_task_mm(task);
	unsigned long vsize = 0, rss = 0, ign, cgt;
	char comm[TASK_COMM_LEN];
	struct task_usage u = {
		.utime = task->utime, .stime = task->stime,
		.min_flt = task->min_flt, .maj_flt = task->maj_flt,
	};

	if (whole) {
		spin_lock_irq(&tasklist_lock);
		thread_group_usage(task, &u);
		spin_unlock_irq(&tasklist_lock);
	}
	/* The precise runtime, split as the ticks saw it, as getrusage reports. */
	if (whole)
		thread_group_cputime_adjusted(task, &u.utime, &u.stime);
	else
		task_cputime_adjusted(task, &u.utime, &u.stime);
	collect_sigign_sigcgt(task, &ign, &cgt);
	if (mm) {
		vsize = mm->total_vm << PAGE_SHIFT;
		rss = get_mm_rss(mm);
	}
	seq_printf(m, "%d (%s) %c %d %d %d %d %d %u %lu %lu %lu %lu ",
		   task_pid_nr_ns(task, ns), get_task_comm(comm, task), task_state(task)[0],
		   task_ppid(task, ns), pgrp_nr_ns(sig->pgrp, ns), pgrp_nr_ns(sig->session, ns),
		   0 /* tty_nr */, -1 /* tpgid */, task->flags,
		   u.min_flt, sig->cmin_flt, u.maj_flt, sig->cmaj_flt);
	seq_printf(m, "%llu %llu %llu %llu %d %d %d 0 %llu %lu %lu %lu ",
		   nsec_to_clock_t(u.utime), nsec_to_clock_t(u.stime),
		   nsec_to_clock_t(sig->cutime), nsec_to_clock_t(sig->cstime),
		   task->prio - MAX_RT_PRIO, task_nice(task), sig->nr_threads,
		   nsec_to_clock_t(task->start_time), vsize, rss,
		   sig->rlim[RLIMIT_RSS].rlim_cur);
	seq_printf(m, "%lu %lu %lu 0 0 %lu %lu %lu %lu 0 0 0 %d %u %u %u 0 0 0 ",
		   mm ? mm->start_code : 0, mm ? mm->end_code : 0, mm ? mm->start_stack : 0,
		   task->pending.signal.sig[0], task->blocked.sig[0], ign, cgt,
		   task->exit_signal, task_cpu(task), task->rt_priority, task->policy);
	seq_printf(m, "%lu %lu %lu %lu %lu %lu %lu %d\n",
		   mm ? mm->start_data : 0, mm ? mm->end_data : 0, mm ? mm->start_brk : 0,
		   mm ? mm->arg_start : 0, mm ? mm->arg_end : 0,
		   mm ? mm->env_start : 0, mm ? mm->env_end : 0,
		   task->exit_state ? task->exit_code : 0);
	if (mm)
		mmput(mm);
	return 0;
}

int proc_pid_stat(struct seq_file *m, struct task_struct *task)
{
	return do_task_stat(m, task, true);
}

int proc_tid_stat(struct seq_file *m, struct task_struct *task)
{
	return do_task_stat(m, task, false);
}

int proc_pid_statm(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = proc_task_mm(task);
	unsigned long size = 0, resident = 0, shared = 0, text = 0, data = 0;

	if (mm) {
		size = mm->total_vm;
		resident = get_mm_rss(mm);
		shared = atomic_long_read(&mm->rss_stat[MM_SHMEMPAGES]);
		text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> PAGE_SHIFT;
		data = mm->data_vm + mm->stack_vm;
		mmput(mm);
	}
	seq_printf(m, "%lu %lu %lu %lu 0 %lu 0\n", size, resident, shared, text, data);
	return 0;
}

static void task_ns_numbers(struct seq_file *m, struct pid *pid, struct pid_namespace *ns)
{
	unsigned int i;

	if (!pid || !pid_nr_ns(pid, ns)) {
		seq_puts(m, "\t0");
		return;
	}
	for (i = ns->level; i <= pid->level; i++)
		seq_printf(m, "\t%d", pid->numbers[i].nr);
}

static void task_name_and_ids(struct seq_file *m, struct task_struct *task)
{
	struct pid_namespace *ns = seq_pid_ns(m);
	const struct cred *cred = task->real_cred;
	char comm[TASK_COMM_LEN];
	unsigned int fdsize = 0;
	int umask = -1;

	task_lock(task);
	if (task->fs)
		umask = task->fs->umask;
	if (task->files)
		fdsize = task->files->fdt.max_fds;
	task_unlock(task);
	seq_printf(m, "Name:\t%s\n", get_task_comm(comm, task));
	if (umask >= 0)
		seq_printf(m, "Umask:\t%04o\n", umask);
	seq_printf(m, "State:\t%s\nTgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t%d\n",
		   task_state(task), task_tgid_nr_ns(task, ns), task_pid_nr_ns(task, ns),
		   task_ppid(task, ns), task_tracer_pid(task, ns));
	seq_printf(m, "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\nFDSize:\t%u\nGroups:\t",
		   cred->uid, cred->euid, cred->suid, cred->fsuid,
		   cred->gid, cred->egid, cred->sgid, cred->fsgid, fdsize);
	for (int i = 0; cred->group_info && i < cred->group_info->ngroups; i++)
		seq_printf(m, "%u ", cred->group_info->gid[i]);
	/* Every number the task has, from this /proc's namespace down to its own. */
	seq_puts(m, "\nNStgid:");
	task_ns_numbers(m, task->group_leader->thread_pid, ns);
	seq_puts(m, "\nNSpid:");
	task_ns_numbers(m, task->thread_pid, ns);
	seq_puts(m, "\nNSpgid:");
	task_ns_numbers(m, find_pid_ns(task->signal->pgrp, &init_pid_ns), ns);
	seq_puts(m, "\nNSsid:");
	task_ns_numbers(m, find_pid_ns(task->signal->session, &init_pid_ns), ns);
	seq_putc(m, '\n');
}

static void task_mem(struct seq_file *m, struct mm_struct *mm)
{
	unsigned long anon = atomic_long_read(&mm->rss_stat[MM_ANONPAGES]);
	unsigned long shmem = atomic_long_read(&mm->rss_stat[MM_SHMEMPAGES]);
	unsigned long rss = anon + shmem, hiwater = max(mm->hiwater_rss, rss);
	unsigned long text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> 10;

#define K(pages)	((pages) << (PAGE_SHIFT - 10))
	seq_printf(m, "VmPeak:\t%8lu kB\nVmSize:\t%8lu kB\nVmLck:\t%8lu kB\nVmPin:\t%8lu kB\n",
		   K(mm->total_vm), K(mm->total_vm), K(mm_locked_pages(mm)), 0UL);
	seq_printf(m, "VmHWM:\t%8lu kB\nVmRSS:\t%8lu kB\nRssAnon:\t%8lu kB\n"
		   "RssFile:\t%8lu kB\nRssShmem:\t%8lu kB\n",
		   K(hiwater), K(rss), K(anon), 0UL, K(shmem));
	seq_printf(m, "VmData:\t%8lu kB\nVmStk:\t%8lu kB\nVmExe:\t%8lu kB\nVmLib:\t%8lu kB\n"
		   "VmPTE:\t%8lu kB\nVmSwap:\t%8lu kB\n",
		   K(mm->data_vm), K(mm->stack_vm), text, 0UL,
		   (unsigned long)atomic_long_read(&mm->pgtables_bytes) >> 10,
		   K((unsigned long)atomic_long_read(&mm->rss_stat[MM_SWAPENTS])));
#undef K
	seq_puts(m, "HugetlbPages:\t       0 kB\n");
}

static void task_sig(struct seq_file *m, struct task_struct *task)
{
	unsigned long ign, cgt;

	collect_sigign_sigcgt(task, &ign, &cgt);
	seq_printf(m, "Threads:\t%d\nSigQ:\t0/%lu\n", task->signal->nr_threads,
		   task->signal->rlim[RLIMIT_SIGPENDING].rlim_cur);
	seq_printf(m, "SigPnd:\t%016lx\nShdPnd:\t%016lx\nSigBlk:\t%016lx\n"
		   "SigIgn:\t%016lx\nSigCgt:\t%016lx\n",
		   task->pending.signal.sig[0], task->signal->shared_pending.signal.sig[0],
		   task->blocked.sig[0], ign, cgt);
}

static void task_cap(struct seq_file *m, struct task_struct *task)
{
	const struct cred *cred = task->real_cred;

	seq_printf(m, "CapInh:\t%016llx\nCapPrm:\t%016llx\nCapEff:\t%016llx\n"
		   "CapBnd:\t%016llx\nCapAmb:\t%016llx\n",
		   (unsigned long long)cred->cap_inheritable,
		   (unsigned long long)cred->cap_permitted,
		   (unsigned long long)cred->cap_effective,
		   (unsigned long long)cred->cap_bset,
		   (unsigned long long)cred->cap_ambient);
}

int proc_pid_status(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = proc_task_mm(task);
	struct cpumask allowed = { { 0 } };
	char list[256];

	task_name_and_ids(m, task);
	if (mm) {
		task_mem(m, mm);
		seq_printf(m, "CoreDumping:\t0\nTHP_enabled:\t0\n");
		mmput(mm);
	}
	task_sig(m, task);
	task_cap(m, task);
	seq_printf(m, "NoNewPrivs:\t%d\nSeccomp:\t%d\nSeccomp_filters:\t%d\n",
		   test_bit(PFA_NO_NEW_PRIVS, &task->atomic_flags),
		   task->seccomp.mode, task->seccomp.filter_count);
	/* The mask as sched_getaffinity reports it: limited to the active CPUs. */
	allowed.bits[0] = READ_ONCE(task->cpus_mask) & cpumask_bits(cpu_active_mask)[0];
	cpumap_print_list(list, sizeof(list), &allowed);
	seq_printf(m, "Speculation_Store_Bypass:\tunknown\n"
		   "Cpus_allowed:\t%lx\nCpus_allowed_list:\t%s"
		   "Mems_allowed:\t1\nMems_allowed_list:\t0\n", allowed.bits[0], list);
	seq_printf(m, "voluntary_ctxt_switches:\t%lu\nnonvoluntary_ctxt_switches:\t%lu\n",
		   task->nvcsw, task->nivcsw);
	return 0;
}
