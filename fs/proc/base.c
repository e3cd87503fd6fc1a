// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>: one directory per process, made when a walk asks for it.
 *
 * The inodes below /proc/<pid> remember only the pid, never the task:
 * every open looks the task up again, so a file of a process that has
 * been reaped since gives ESRCH (and the directory is gone: ENOENT),
 * as on Linux.  The text is produced at open (seq_file), from the task
 * and its mm, fs and files, each taken under task_lock so an exiting
 * owner cannot free them under us.
 *
 * Files that show another process's memory or open files (environ,
 * maps, fd/, cwd, exe, root) are for its owner and root only.
 */
#include <linux/kernel.h>
#include <linux/coredump.h>
#include <linux/err.h>
#include <linux/pid.h>
#include <linux/proc_ns.h>
#include <linux/oom.h>
#include <linux/ptrace.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/mm_vma.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/time_namespace.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <linux/kstrtox.h>
#include <linux/uaccess.h>
#include <linux/stacktrace.h>
#include <linux/kallsyms.h>
#include <linux/slab.h>
#include <uapi/linux/auxvec.h>
#include "internal.h"

#define PROC_ARGS_MAX	(128 * 1024)	/* the most of argv or envp shown */

struct task_struct *get_pid_task_ns(pid_t nr, struct pid_namespace *ns)
{
	struct task_struct *task;

	/* tasklist_lock: release_task unhashes under it, so the task cannot go meanwhile. */
	spin_lock_irq(&tasklist_lock);
	task = find_task_by_pid_ns(nr, ns);
	if (task && task->exit_state == EXIT_DEAD)
		task = NULL;
	if (task)
		get_task_struct(task);
	spin_unlock_irq(&tasklist_lock);
	return task;
}

struct task_struct *get_pid_task_nr(pid_t nr)
{
	return get_pid_task_ns(nr, &init_pid_ns);
}

struct task_struct *get_proc_task(struct inode *inode)
{
	return get_pid_task_nr(PROC_I(inode)->pid);
}

/* The smallest process id >= @from in @ns, or 0: readdir's next entry. */
pid_t proc_next_tgid(pid_t from, struct pid_namespace *ns)
{
	struct task_struct *p;
	pid_t best = 0, nr;

	spin_lock_irq(&tasklist_lock);
	for_each_process(p) {
		if (!thread_group_leader(p) || p->exit_state == EXIT_DEAD)
			continue;
		nr = task_tgid_nr_ns(p, ns);
		if (nr >= from && nr > 0 && (!best || nr < best))
			best = nr;
	}
	spin_unlock_irq(&tasklist_lock);
	return best;
}

/* What ptrace's "read" mode allows, as on Linux (kernel/ptrace.c). */
bool proc_may_inspect(struct task_struct *task)
{
	return ptrace_may_access(task, PTRACE_MODE_READ_FSCREDS);
}

struct mm_struct *proc_task_mm(struct task_struct *task)
{
	return get_task_mm(task);
}

/* cmdline and environ: the strings exec put on the stack, read from the owner's pages. */
static int show_mm_range(struct seq_file *m, struct task_struct *task, bool env)
{
	struct mm_struct *mm = proc_task_mm(task);
	unsigned long start, end;
	char *buf;
	int n;

	if (!mm)
		return 0;	/* a kernel thread or a zombie: empty, as on Linux */
	start = env ? mm->env_start : mm->arg_start;
	end = env ? mm->env_end : mm->arg_end;
	if (end > start + PROC_ARGS_MAX)
		end = start + PROC_ARGS_MAX;
	buf = end > start ? kmalloc(end - start, GFP_KERNEL) : NULL;
	if (buf) {
		n = access_remote_vm(mm, start, buf, end - start);
		seq_write(m, buf, n);
		kfree(buf);
	}
	mmput(mm);
	return 0;
}

static int proc_pid_cmdline(struct seq_file *m, struct task_struct *task)
{
	return show_mm_range(m, task, false);
}

/* The auxiliary vector exec gave the program, as raw (type, value) pairs through AT_NULL. */
static int proc_pid_auxv(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = proc_task_mm(task);
	unsigned int n = 0;

	if (!mm)
		return 0;
	while (n + 2 < AT_VECTOR_SIZE && mm->saved_auxv[n] != AT_NULL)
		n += 2;
	seq_write(m, mm->saved_auxv, (n + 2) * sizeof(long));
	mmput(mm);
	return 0;
}

static int proc_pid_environ(struct seq_file *m, struct task_struct *task)
{
	return show_mm_range(m, task, true);
}

static int proc_pid_comm(struct seq_file *m, struct task_struct *task)
{
	char comm[TASK_COMM_LEN];

	seq_printf(m, "%s\n", get_task_comm(comm, task));
	return 0;
}

static int proc_cwd_path(struct task_struct *task, struct path *path)
{
	int err = -ENOENT;

	task_lock(task);
	if (task->fs) {
		get_fs_pwd(task->fs, path);
		err = 0;
	}
	task_unlock(task);
	return err;
}

static int proc_root_path(struct task_struct *task, struct path *path)
{
	int err = -ENOENT;

	task_lock(task);
	if (task->fs) {
		get_fs_root(task->fs, path);
		err = 0;
	}
	task_unlock(task);
	return err;
}

static int proc_exe_path(struct task_struct *task, struct path *path)
{
	struct mm_struct *mm = proc_task_mm(task);
	int err = -ENOENT;

	if (!mm)
		return err;
	if (mm->exe_file) {
		*path = mm->exe_file->f_path;
		path_get(path);
		err = 0;
	}
	mmput(mm);
	return err;
}

/* The name readlink shows for @path; negative errno if it does not fit. */
int proc_readlink_path(const struct path *path, char *buf, int size)
{
	char *p = d_path(path, buf, size);

	if (IS_ERR(p))
		return PTR_ERR(p);
	memmove(buf, p, strlen(p) + 1);
	return 0;
}

/* The target of a link below /proc/<pid>; an empty one (no exe) reads as ENOENT. */
static const char *proc_pid_get_link(struct dentry *dentry, struct inode *inode)
{
	return inode->i_link ? inode->i_link : ERR_PTR(-ENOENT);
}

static const struct inode_operations proc_pid_link_inode_operations = {
	.get_link	= proc_pid_get_link,
};

static int pid_entry_show(struct seq_file *m, void *v)
{
	struct inode *inode = v;
	struct task_struct *task = get_proc_task(inode);
	int err;

	if (!task)
		return -ESRCH;
	err = PROC_I(inode)->pent->show(m, task);
	put_task_struct(task);
	return err;
}

static int proc_pid_file_open(struct inode *inode, struct file *file)
{
	struct task_struct *task = get_proc_task(inode);
	bool allowed;

	if (!task)
		return -ESRCH;
	allowed = (PROC_I(inode)->pent->mode & 0004) || proc_may_inspect(task);
	put_task_struct(task);
	if (!allowed)
		return -EACCES;
	return single_open(file, pid_entry_show, inode);
}

static const struct file_operations proc_pid_file_operations = {
	.open		= proc_pid_file_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= single_release,
};

/*
 * fail-nth (fault injection, Linux's name): writing N makes the N-th
 * fallible step of the task's next fork fail (see fork_fail_step); it
 * reads back 0 once that happened.  Only the task itself may arm it.
 */
static int proc_fail_nth_show(struct seq_file *m, struct task_struct *task)
{
	seq_printf(m, "%u\n", READ_ONCE(task->fail_nth));
	return 0;
}

static ssize_t proc_fail_nth_write(struct file *file, const char __user *buf,
				   size_t count, loff_t *ppos)
{
	struct task_struct *task;
	char kbuf[16];
	unsigned int n;
	int err;

	if (count >= sizeof(kbuf))
		return -EINVAL;
	if (copy_from_user(kbuf, buf, count))
		return -EFAULT;
	kbuf[count] = '\0';
	err = kstrtouint(strim(kbuf), 0, &n);
	if (err)
		return err;
	task = get_proc_task(file_inode(file));
	if (!task)
		return -ESRCH;
	if (task != current)
		err = -EPERM;
	else
		WRITE_ONCE(task->fail_nth, n);
	put_task_struct(task);
	return err ? err : (ssize_t)count;
}

/*
 * /proc/<pid>/mem: the process's memory, the file offset being the
 * address.  Opening it needs what ptrace needs: the caller's real,
 * effective and saved IDs all those of the target, or CAP_SYS_PTRACE.
 * The address space is taken at open, so a later exec of the target
 * does not redirect an open descriptor into the new program.
 */
static bool mem_may_access(struct task_struct *task)
{
	const struct cred *c = current_cred(), *t = task->real_cred;

	if (task->group_leader == current->group_leader || capable(CAP_SYS_PTRACE))
		return true;
	return c->uid == t->uid && c->uid == t->euid && c->uid == t->suid &&
	       c->gid == t->gid && c->gid == t->egid && c->gid == t->sgid;
}

static int proc_mem_open(struct inode *inode, struct file *file)
{
	struct task_struct *task = get_proc_task(inode);
	struct mm_struct *mm;
	int err = -EACCES;

	if (!task)
		return -ESRCH;
	if (mem_may_access(task)) {
		mm = get_task_mm(task);
		file->private_data = mm;	/* NULL: a kernel thread or a zombie */
		err = 0;
	}
	put_task_struct(task);
	return err;
}

static ssize_t proc_mem_rw(struct file *file, char __user *ubuf, size_t count, loff_t *ppos,
			   bool write)
{
	struct mm_struct *mm = file->private_data;
	unsigned long addr = *ppos;
	ssize_t done = 0;
	char *page;

	if (!mm || !count)
		return 0;
	page = (char *)__get_free_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	while (count) {
		int n = min_t(size_t, count, PAGE_SIZE), got;

		if (write && copy_from_user(page, ubuf, n)) {
			done = done ? done : -EFAULT;
			break;
		}
		/*
		 * Writes go through read-only private mappings as ptrace's
		 * POKETEXT does (a debugger plants its breakpoints in the
		 * program's text this way): the page becomes the process's own copy.
		 */
		got = write ? access_remote_vm_force(mm, addr, page, n) :
			      __access_remote_vm(mm, addr, page, n, false);
		if (!got) {
			done = done ? done : -EIO;
			break;
		}
		if (!write && copy_to_user(ubuf, page, got)) {
			done = done ? done : -EFAULT;
			break;
		}
		done += got;
		addr += got;
		ubuf += got;
		count -= got;
		if (got < n)
			break;
	}
	free_page((unsigned long)page);
	if (done > 0)
		*ppos = addr;
	return done;
}

static ssize_t proc_mem_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return proc_mem_rw(file, buf, count, ppos, false);
}

static ssize_t proc_mem_write(struct file *file, const char __user *buf, size_t count,
			      loff_t *ppos)
{
	return proc_mem_rw(file, (char __user *)buf, count, ppos, true);
}

/* Any address is a position: no end, and no negative offsets either. */
static loff_t proc_mem_lseek(struct file *file, loff_t offset, int whence)
{
	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		break;
	case SEEK_SET:
		break;
	default:
		return -EINVAL;
	}
	file->f_pos = offset;
	return offset;
}

static int proc_mem_release(struct inode *inode, struct file *file)
{
	(void)inode;
	if (file->private_data)
		mmput(file->private_data);
	return 0;
}

static const struct file_operations proc_mem_operations = {
	.open		= proc_mem_open,
	.read		= proc_mem_read,
	.write		= proc_mem_write,
	.llseek		= proc_mem_lseek,
	.release	= proc_mem_release,
};

static const struct file_operations proc_fail_nth_operations = {
	.open		= proc_pid_file_open,
	.read		= seq_read,
	.write		= proc_fail_nth_write,
	.llseek		= seq_lseek,
	.release	= single_release,
};

/*
 * coredump_filter: which kinds of memory a core dump includes, a bit
 * each (fs/coredump.c); hexadecimal, inherited by fork and kept by exec.
 */
static int proc_coredump_filter_show(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task);

	if (!mm)
		return 0;
	seq_printf(m, "%08x\n", READ_ONCE(mm->coredump_filter));
	mmput(mm);
	return 0;
}

static ssize_t proc_coredump_filter_write(struct file *file, const char __user *buf,
					  size_t count, loff_t *ppos)
{
	struct task_struct *task;
	struct mm_struct *mm;
	char kbuf[16];
	unsigned int n;
	int err;

	if (count >= sizeof(kbuf))
		count = sizeof(kbuf) - 1;
	if (copy_from_user(kbuf, buf, count))
		return -EFAULT;
	kbuf[count] = '\0';
	err = kstrtouint(strim(kbuf), 16, &n);
	if (err)
		return err;
	task = get_proc_task(file_inode(file));
	if (!task)
		return -ESRCH;
	mm = proc_may_inspect(task) ? get_task_mm(task) : NULL;
	if (mm) {
		WRITE_ONCE(mm->coredump_filter, n & MMF_DUMP_FILTER_MASK);
		mmput(mm);
	} else {
		err = -ESRCH;
	}
	put_task_struct(task);
	return err ? err : (ssize_t)count;
}

static const struct file_operations proc_coredump_filter_operations = {
	.open		= proc_pid_file_open,
	.read		= seq_read,
	.write		= proc_coredump_filter_write,
	.llseek		= seq_lseek,
	.release	= single_release,
};

/*
 * timens_offsets: the clock offsets of the time namespace the process's
 * children will be in (kernel/time/namespace.c), one "<clock> <sec>
 * <nsec>" line each for monotonic and boottime.  Writable with
 * CAP_SYS_TIME until a task enters that namespace.
 */
static int proc_timens_offsets_show(struct seq_file *m, struct task_struct *task)
{
	return proc_timens_show_offsets(task, m);
}

static ssize_t proc_timens_offsets_write(struct file *file, const char __user *buf,
					 size_t count, loff_t *ppos)
{
	struct task_struct *task;
	ssize_t ret;
	char *kbuf;

	(void)ppos;
	if (count >= PAGE_SIZE)
		return -EINVAL;
	kbuf = kmalloc(count + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_user(kbuf, buf, count))
		goto out;
	kbuf[count] = '\0';
	ret = -ESRCH;
	task = get_proc_task(file_inode(file));
	if (!task)
		goto out;
	ret = proc_timens_set_offset(task, kbuf, count);
	put_task_struct(task);
out:
	kfree(kbuf);
	return ret;
}

static const struct file_operations proc_timens_offsets_operations = {
	.open		= proc_pid_file_open,
	.read		= seq_read,
	.write		= proc_timens_offsets_write,
	.llseek		= seq_lseek,
	.release	= single_release,
};

/*
 * The OOM killer's view of the process (mm/oom_kill.c).  oom_score is
 * the badness scaled to 0..1000 as Linux prints it (2000 is the most
 * the adjustment can reach, shown two thirds of the way); oom_score_adj
 * moves it by -1000..1000, and lowering it below the lowest value a
 * privileged writer set needs CAP_SYS_RESOURCE.  oom_adj is the older
 * -17..15 scale onto the same value.
 */
static DEFINE_MUTEX(oom_adj_mutex);

static int proc_oom_score(struct seq_file *m, struct task_struct *task)
{
	unsigned long totalpages = oom_total_pages();
	long badness = oom_badness(task, totalpages);
	unsigned long points = 0;

	if (badness != LONG_MIN && totalpages)
		points = (1000 + badness * 1000 / (long)totalpages) * 2 / 3;
	seq_printf(m, "%lu\n", points);
	return 0;
}

static int proc_oom_score_adj_show(struct seq_file *m, struct task_struct *task)
{
	seq_printf(m, "%d\n", READ_ONCE(task->signal->oom_score_adj));
	return 0;
}

static int proc_oom_adj_show(struct seq_file *m, struct task_struct *task)
{
	int adj = READ_ONCE(task->signal->oom_score_adj);

	seq_printf(m, "%d\n", adj == OOM_SCORE_ADJ_MAX ? OOM_ADJUST_MAX :
		   adj * -OOM_DISABLE / OOM_SCORE_ADJ_MAX);
	return 0;
}

static int set_oom_adj(struct file *file, int adj, bool legacy)
{
	struct task_struct *task = get_proc_task(file_inode(file));
	struct signal_struct *sig;
	int err = 0;

	if (!task)
		return -ESRCH;
	sig = task->signal;
	mutex_lock(&oom_adj_mutex);
	if (adj < (legacy ? sig->oom_score_adj : sig->oom_score_adj_min) &&
	    !capable(CAP_SYS_RESOURCE)) {
		err = -EACCES;
		goto out;
	}
	WRITE_ONCE(sig->oom_score_adj, adj);
	if (!legacy && capable(CAP_SYS_RESOURCE))
		sig->oom_score_adj_min = adj;
out:
	mutex_unlock(&oom_adj_mutex);
	put_task_struct(task);
	return err;
}

static int read_int_from_user(const char __user *buf, size_t count, int *val)
{
	char kbuf[24];

	if (count >= sizeof(kbuf))
		count = sizeof(kbuf) - 1;
	if (copy_from_user(kbuf, buf, count))
		return -EFAULT;
	kbuf[count] = '\0';
	return kstrtoint(strim(kbuf), 0, val);
}

static ssize_t proc_oom_score_adj_write(struct file *file, const char __user *buf,
					size_t count, loff_t *ppos)
{
	int adj, err = read_int_from_user(buf, count, &adj);

	if (err)
		return err;
	if (adj < OOM_SCORE_ADJ_MIN || adj > OOM_SCORE_ADJ_MAX)
		return -EINVAL;
	err = set_oom_adj(file, adj, false);
	return err ? err : (ssize_t)count;
}

static ssize_t proc_oom_adj_write(struct file *file, const char __user *buf,
				  size_t count, loff_t *ppos)
{
	int adj, err = read_int_from_user(buf, count, &adj);

	if (err)
		return err;
	if (adj < OOM_DISABLE || adj > OOM_ADJUST_MAX)
		return -EINVAL;
	/* 15 is the top of the old scale; the rest maps linearly, -17 to -1000. */
	adj = adj == OOM_ADJUST_MAX ? OOM_SCORE_ADJ_MAX : adj * OOM_SCORE_ADJ_MAX / -OOM_DISABLE;
	err = set_oom_adj(file, adj, true);
	return err ? err : (ssize_t)count;
}

static const struct file_operations proc_oom_score_adj_operations = {
	.open		= proc_pid_file_open,
	.read		= seq_read,
	.write		= proc_oom_score_adj_write,
	.llseek		= seq_lseek,
	.release	= single_release,
};

static const struct file_operations proc_oom_adj_operations = {
	.open		= proc_pid_file_open,
	.read		= seq_read,
	.write		= proc_oom_adj_write,
	.llseek		= seq_lseek,
	.release	= single_release,
};

/*
 * futex_calls: how many futex system calls the thread made.  Lantern's
 * own file (Linux has no such count), so the seed's Q5 fast path - an
 * uncontended lock makes none - can be watched.
 */
static int proc_futex_calls_show(struct seq_file *m, struct task_struct *task)
{
	seq_printf(m, "%lu\n", READ_ONCE(task->futex_calls));
	return 0;
}

#define PROC_STACK_DEPTH	64

/* The scheduler's own frames, which wchan looks past (Linux: the .sched.text section). */
static bool in_sched_functions(const char *name)
{
	static const char *const prefixes[] = {
		"schedule", "__schedule", "context_switch", "__switch_to", "io_schedule",
		"preempt_schedule", "wait_for_completion", "__wait_for_common", "mutex_lock",
		"__mutex_lock", "do_nanosleep", "hrtimer_nanosleep",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(prefixes); i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

static bool proc_in_sched(unsigned long addr)
{
	char name[KSYM_NAME_LEN];
	unsigned long size, off;

	return !kallsyms_lookup(addr, &size, &off, NULL, name) || in_sched_functions(name);
}

/* /proc/<pid>/stack: the kernel stack of a sleeping task; root only, as it shows kernel addresses' names. */
static int proc_pid_stack(struct seq_file *m, struct task_struct *task)
{
	unsigned long *entries;
	unsigned int i, n;

	if (!capable(CAP_SYS_ADMIN) || !ptrace_may_access(task, PTRACE_MODE_ATTACH_FSCREDS))
		return -EACCES;
	entries = kmalloc_array(PROC_STACK_DEPTH, sizeof(*entries), GFP_KERNEL);
	if (!entries)
		return -ENOMEM;
	n = stack_trace_save_tsk(task, entries, PROC_STACK_DEPTH);
	/* From the first frame that is not the scheduler's own, as Linux starts. */
	for (i = 0; i < n && proc_in_sched(entries[i]); i++)
		;
	for (; i < n; i++)
		seq_printf(m, "[<0>] %pB\n", (void *)entries[i]);	/* addresses hidden, as kptr_restrict does */
	kfree(entries);
	return 0;
}

/* /proc/<pid>/wchan: the function a sleeping task waits in, "0" if it runs. */
static int proc_pid_wchan(struct seq_file *m, struct task_struct *task)
{
	unsigned long entries[PROC_STACK_DEPTH];
	char name[KSYM_NAME_LEN];
	unsigned int i, n = 0;

	if (proc_may_inspect(task))
		n = stack_trace_save_tsk(task, entries, PROC_STACK_DEPTH);
	for (i = 0; i < n; i++) {
		unsigned long size, off;

		if (proc_in_sched(entries[i]))
			continue;
		seq_puts(m, kallsyms_lookup(entries[i], &size, &off, NULL, name));
		return 0;
	}
	seq_putc(m, '0');
	return 0;
}

/*
 * /proc/<pid>/syscall: the call a blocked task is in, its six arguments,
 * user stack pointer and instruction pointer; "-1 sp pc" outside any
 * call; "running" while it runs elsewhere.
 */
static int proc_pid_syscall(struct seq_file *m, struct task_struct *task)
{
	struct pt_regs *regs;

	if (!ptrace_may_access(task, PTRACE_MODE_ATTACH_FSCREDS))
		return -EACCES;
	/* Itself: the read of this file, as Linux shows it. */
	if (task != current && READ_ONCE(task->on_cpu)) {
		seq_puts(m, "running\n");
		return 0;
	}
	regs = task_pt_regs(task);
	if ((long)regs->orig_ax < 0)
		seq_printf(m, "-1 0x%lx 0x%lx\n", regs->sp, regs->ip);
	else
		seq_printf(m, "%ld 0x%lx 0x%lx 0x%lx 0x%lx 0x%lx 0x%lx 0x%lx 0x%lx\n",
			   (long)regs->orig_ax, regs->di, regs->si, regs->dx, regs->r10, regs->r8,
			   regs->r9, regs->sp, regs->ip);
	return 0;
}

#define REG(n, m, s)	{ .name = n, .mode = S_IFREG | (m), .show = s }
#define LNK(n, g)	{ .name = n, .mode = S_IFLNK | 0777, .get_path = g }

static const struct file_operations proc_task_operations;
static const struct inode_operations proc_task_inode_operations;

/* /proc/<pid>/task/<tid>: what Linux shows per thread (a subset). */
static const struct pid_entry tid_base_stuff[] = {
	REG("auxv", 0400, proc_pid_auxv),
	REG("cmdline", 0444, proc_pid_cmdline),
	REG("comm", 0444, proc_pid_comm),
	{ .name = "fail-nth", .mode = S_IFREG | 0644, .show = proc_fail_nth_show,
	  .fop = &proc_fail_nth_operations },
	REG("futex_calls", 0444, proc_futex_calls_show),
	REG("maps", 0444, proc_pid_maps),
	{ .name = "mem", .mode = S_IFREG | 0600, .fop = &proc_mem_operations },
	REG("stat", 0444, proc_tid_stat),
	REG("statm", 0444, proc_pid_statm),
	REG("status", 0444, proc_pid_status),
};

/* /proc/<pid>/ns (fs/proc/namespaces.c) */
static const struct pid_entry ns_stuff[] = {
	{ .name = "ipc", .mode = S_IFREG | 0444, .iop = &proc_ns_inode_operations,
	  .fop = &proc_ns_file_operations },
	{ .name = "mnt", .mode = S_IFREG | 0444, .iop = &proc_ns_inode_operations,
	  .fop = &proc_ns_file_operations },
	{ .name = "pid", .mode = S_IFREG | 0444, .iop = &proc_ns_inode_operations,
	  .fop = &proc_ns_file_operations },
	{ .name = "pid_for_children", .mode = S_IFREG | 0444, .iop = &proc_ns_inode_operations,
	  .fop = &proc_ns_file_operations },
	{ .name = "time", .mode = S_IFREG | 0444, .iop = &proc_ns_inode_operations,
	  .fop = &proc_ns_file_operations },
	{ .name = "time_for_children", .mode = S_IFREG | 0444, .iop = &proc_ns_inode_operations,
	  .fop = &proc_ns_file_operations },
	{ .name = "uts", .mode = S_IFREG | 0444, .iop = &proc_ns_inode_operations,
	  .fop = &proc_ns_file_operations },
};

static struct dentry *proc_pident_lookup(struct inode *dir, struct dentry *dentry,
					 const struct pid_entry *ents, unsigned int nents);
static int proc_pident_readdir(struct file *file, struct dir_context *ctx,
			       const struct pid_entry *ents, unsigned int nents);

static struct dentry *proc_ns_dir_lookup(struct inode *dir, struct dentry *dentry,
					 unsigned int flags)
{
	return proc_pident_lookup(dir, dentry, ARRAY_AND_SIZE(ns_stuff));
}

static int proc_ns_dir_readdir(struct file *file, struct dir_context *ctx)
{
	return proc_pident_readdir(file, ctx, ARRAY_AND_SIZE(ns_stuff));
}

static const struct inode_operations proc_ns_dir_inode_operations = {
	.lookup		= proc_ns_dir_lookup,
};

static const struct file_operations proc_ns_dir_operations = {
	.iterate_shared	= proc_ns_dir_readdir,
	.llseek		= proc_dir_llseek,
};

static const struct pid_entry tgid_base_stuff[] = {
	REG("auxv", 0400, proc_pid_auxv),
	REG("cmdline", 0444, proc_pid_cmdline),
	REG("comm", 0444, proc_pid_comm),
	{ .name = "coredump_filter", .mode = S_IFREG | 0644, .show = proc_coredump_filter_show,
	  .fop = &proc_coredump_filter_operations },
	LNK("cwd", proc_cwd_path),
	REG("environ", 0400, proc_pid_environ),
	LNK("exe", proc_exe_path),
	{ .name = "fail-nth", .mode = S_IFREG | 0644, .show = proc_fail_nth_show,
	  .fop = &proc_fail_nth_operations },
	{ .name = "fd", .mode = S_IFDIR | 0500, .iop = &proc_fd_inode_operations,
	  .fop = &proc_fd_operations },
	{ .name = "fdinfo", .mode = S_IFDIR | 0500, .iop = &proc_fdinfo_inode_operations,
	  .fop = &proc_fdinfo_operations },
	REG("maps", 0444, proc_pid_maps),
	{ .name = "mem", .mode = S_IFREG | 0600, .fop = &proc_mem_operations },
	REG("mountinfo", 0444, proc_pid_mountinfo),
	{ .name = "mounts", .mode = S_IFREG | 0444, .fop = &proc_mounts_operations },
	{ .name = "ns", .mode = S_IFDIR | 0511, .iop = &proc_ns_dir_inode_operations,
	  .fop = &proc_ns_dir_operations },
	{ .name = "oom_adj", .mode = S_IFREG | 0644, .show = proc_oom_adj_show,
	  .fop = &proc_oom_adj_operations },
	REG("oom_score", 0444, proc_oom_score),
	{ .name = "oom_score_adj", .mode = S_IFREG | 0644, .show = proc_oom_score_adj_show,
	  .fop = &proc_oom_score_adj_operations },
	{ .name = "pagemap", .mode = S_IFREG | 0400, .fop = &proc_pagemap_operations },
	LNK("root", proc_root_path),
	REG("smaps", 0444, proc_pid_smaps),
	REG("stack", 0400, proc_pid_stack),
	REG("stat", 0444, proc_pid_stat),
	REG("statm", 0444, proc_pid_statm),
	REG("status", 0444, proc_pid_status),
	REG("syscall", 0400, proc_pid_syscall),
	{ .name = "task", .mode = S_IFDIR | 0555, .iop = &proc_task_inode_operations,
	  .fop = &proc_task_operations },
	{ .name = "timens_offsets", .mode = S_IFREG | 0644, .show = proc_timens_offsets_show,
	  .fop = &proc_timens_offsets_operations },
	REG("wchan", 0444, proc_pid_wchan),
};

/*
 * A task's files belong to its effective IDs, unless it is not dumpable
 * (it changed IDs, ran a set-ID program, or asked): then to root, so that
 * the user it came from cannot read its memory map, environment or fds.
 */
static void proc_task_owner(struct inode *inode, struct task_struct *task)
{
	bool dumpable = true;

	task_lock(task);
	if (task->mm && task->mm->dumpable != SUID_DUMP_USER)
		dumpable = false;
	task_unlock(task);
	inode->i_uid = dumpable ? task->real_cred->euid : 0;
	inode->i_gid = dumpable ? task->real_cred->egid : 0;
}

/* Links are resolved now, while we hold the task: the dentry dies at its last use. */
static int proc_pid_link_target(struct inode *inode, const struct pid_entry *p,
				struct task_struct *task)
{
	struct path path;
	char *buf;
	int err;

	if (!proc_may_inspect(task) || p->get_path(task, &path))
		return 0;	/* i_link stays NULL: readlink and the walk see ENOENT */
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	err = buf ? proc_readlink_path(&path, buf, PATH_MAX) : -ENOMEM;
	path_put(&path);
	if (!err) {
		proc_set_link(inode, buf);
		err = inode->i_link ? 0 : -ENOMEM;
	}
	kfree(buf);
	return err;
}

static struct inode *proc_pid_entry_inode(struct super_block *sb, const struct pid_entry *p,
					  struct task_struct *task)
{
	struct inode *inode = proc_new_inode(sb, p->mode);

	if (!inode)
		return ERR_PTR(-ENOMEM);
	PROC_I(inode)->pid = task->pid;
	PROC_I(inode)->pent = p;
	proc_task_owner(inode, task);
	if (S_ISLNK(p->mode)) {
		int err = proc_pid_link_target(inode, p, task);

		inode->i_op = &proc_pid_link_inode_operations;
		inode->i_flags |= S_MAGICLINK;	/* they name objects, not paths */
		if (err) {
			iput(inode);
			return ERR_PTR(err);
		}
	} else if (S_ISDIR(p->mode)) {
		inode->i_op = p->iop;
		inode->i_fop = p->fop;
	} else {
		if (p->iop)
			inode->i_op = p->iop;
		inode->i_fop = p->fop ? p->fop : &proc_pid_file_operations;
	}
	return inode;
}

static struct dentry *proc_pident_lookup(struct inode *dir, struct dentry *dentry,
					 const struct pid_entry *ents, unsigned int nents)
{
	struct task_struct *task = get_proc_task(dir);
	struct inode *inode = NULL;

	if (!task)
		return ERR_PTR(-ENOENT);
	for (unsigned int i = 0; i < nents; i++) {
		const struct pid_entry *p = &ents[i];

		if (strlen(p->name) == dentry->d_name.len &&
		    !memcmp(p->name, dentry->d_name.name, dentry->d_name.len)) {
			inode = proc_pid_entry_inode(dir->i_sb, p, task);
			break;
		}
	}
	put_task_struct(task);
	if (IS_ERR(inode))
		return ERR_CAST(inode);
	d_add(dentry, inode);
	return NULL;
}

static int proc_pident_readdir(struct file *file, struct dir_context *ctx,
			       const struct pid_entry *ents, unsigned int nents)
{
	struct task_struct *task = get_proc_task(file_inode(file));

	if (!task)
		return -ENOENT;
	put_task_struct(task);
	while (ctx->pos < 2) {
		if (!dir_emit(ctx, "..", ctx->pos + 1, 1, DT_DIR))
			return 0;
		ctx->pos++;
	}
	while (ctx->pos < 2 + (loff_t)nents) {
		const struct pid_entry *p = &ents[ctx->pos - 2];

		if (!dir_emit(ctx, p->name, strlen(p->name), 1, proc_dt_type(p->mode)))
			return 0;
		ctx->pos++;
	}
	return 0;
}

static struct dentry *proc_tgid_base_lookup(struct inode *dir, struct dentry *dentry,
					    unsigned int flags)
{
	return proc_pident_lookup(dir, dentry, ARRAY_AND_SIZE(tgid_base_stuff));
}

static int proc_tgid_base_readdir(struct file *file, struct dir_context *ctx)
{
	return proc_pident_readdir(file, ctx, ARRAY_AND_SIZE(tgid_base_stuff));
}

static struct dentry *proc_tid_base_lookup(struct inode *dir, struct dentry *dentry,
					   unsigned int flags)
{
	return proc_pident_lookup(dir, dentry, ARRAY_AND_SIZE(tid_base_stuff));
}

static int proc_tid_base_readdir(struct file *file, struct dir_context *ctx)
{
	return proc_pident_readdir(file, ctx, ARRAY_AND_SIZE(tid_base_stuff));
}

static const struct inode_operations proc_tid_base_inode_operations = {
	.lookup		= proc_tid_base_lookup,
};

static const struct file_operations proc_tid_base_operations = {
	.iterate_shared	= proc_tid_base_readdir,
	.llseek		= proc_dir_llseek,
};

/*
 * /proc/<pid>/task: one directory per thread of the process, named by
 * its TID.  The directory's inode carries the process's PID.
 */
static struct dentry *proc_task_lookup(struct inode *dir, struct dentry *dentry,
				       unsigned int flags)
{
	struct task_struct *leader = get_proc_task(dir), *task = NULL;
	struct inode *inode = NULL;
	char num[12];
	int tid;

	if (!leader)
		return ERR_PTR(-ENOENT);
	if (dentry->d_name.len < sizeof(num)) {
		memcpy(num, dentry->d_name.name, dentry->d_name.len);
		num[dentry->d_name.len] = '\0';
		if (num[0] != '0' && !kstrtoint(num, 10, &tid) && tid > 0)
			task = get_pid_task_ns(tid, proc_pid_ns(dir->i_sb));
	}
	if (task && task->tgid == leader->tgid) {
		inode = proc_new_inode(dir->i_sb, S_IFDIR | 0555);
		if (inode) {
			PROC_I(inode)->pid = task->pid;
			proc_task_owner(inode, task);
			inode->i_op = &proc_tid_base_inode_operations;
			inode->i_fop = &proc_tid_base_operations;
		}
	}
	if (task)
		put_task_struct(task);
	put_task_struct(leader);
	d_add(dentry, inode);
	return NULL;
}

/* The smallest TID >= @from in @leader's group, numbered in @ns, or 0.  tasklist_lock held. */
static pid_t next_tid(struct task_struct *leader, pid_t from, struct pid_namespace *ns)
{
	struct task_struct *t;
	pid_t best = 0, nr;

	for_each_thread(leader, t) {
		nr = task_pid_nr_ns(t, ns);
		if (nr >= from && nr > 0 && !t->exit_state && (!best || nr < best))
			best = nr;
	}
	return best;
}

static int proc_task_readdir(struct file *file, struct dir_context *ctx)
{
	struct task_struct *leader = get_proc_task(file_inode(file));
	char num[12];
	pid_t tid;
	int len;

	if (!leader)
		return -ENOENT;
	while (ctx->pos < 2) {
		if (!dir_emit(ctx, "..", ctx->pos + 1, 1, DT_DIR))
			goto out;
		ctx->pos++;
	}
	for (;;) {
		spin_lock_irq(&tasklist_lock);
		tid = leader->group_leader == leader ?
		      next_tid(leader, ctx->pos - 2, proc_pid_ns(file_inode(file)->i_sb)) : 0;
		spin_unlock_irq(&tasklist_lock);
		if (!tid)
			break;
		len = snprintf(num, sizeof(num), "%d", tid);
		ctx->pos = 2 + tid;
		if (!dir_emit(ctx, num, len, tid, DT_DIR))
			break;
		ctx->pos++;
	}
out:
	put_task_struct(leader);
	return 0;
}

static const struct inode_operations proc_task_inode_operations = {
	.lookup		= proc_task_lookup,
};

static const struct file_operations proc_task_operations = {
	.iterate_shared	= proc_task_readdir,
	.llseek		= proc_dir_llseek,
};

static const struct inode_operations proc_tgid_base_inode_operations = {
	.lookup		= proc_tgid_base_lookup,
};

static const struct file_operations proc_tgid_base_operations = {
	.iterate_shared	= proc_tgid_base_readdir,
	.llseek		= proc_dir_llseek,
};

struct inode *proc_pid_dir_inode(struct super_block *sb, struct task_struct *task)
{
	struct inode *inode = proc_new_inode(sb, S_IFDIR | 0555);

	if (!inode)
		return NULL;
	PROC_I(inode)->pid = task->pid;
	PROC_I(inode)->pid_obj = get_pid(task->thread_pid);
	proc_task_owner(inode, task);
	inode->i_op = &proc_tgid_base_inode_operations;
	inode->i_fop = &proc_tgid_base_operations;
	return inode;
}

/* An open /proc/<pid> directory works as a pidfd for pidfd_send_signal. */
struct pid *tgid_pidfd_to_pid(const struct file *file)
{
	struct proc_inode *ei;

	if (file->f_op != &proc_tgid_base_operations)
		return ERR_PTR(-EBADF);
	ei = PROC_I(file_inode(file));
	return ei->pid_obj ? ei->pid_obj : ERR_PTR(-ESRCH);
}
