// SPDX-License-Identifier: GPL-2.0
/*
 * Process IDs: allocation and lookup.  PIDs are handed out in increasing
 * order from a bitmap, wrapping at pid_max and skipping ones in use (as
 * Linux does, so a just-freed PID is not reused at once), and found again
 * through a small hash table.  Lock: pidmap_lock (irqsave: lookups may
 * come from interrupt context later).
 *
 * Every task has a struct pid: its numbers, one per PID namespace from
 * init_pid_ns down to the namespace it lives in (pid_namespace.h), each
 * taken from that namespace's own bitmap and hashed by (number,
 * namespace).  The struct is also the reference-counted object a pidfd
 * holds: pidfd_open makes an anonymous file "[pidfd]" on it, which polls
 * readable when the process has exited, signals it (pidfd_send_signal),
 * takes descriptors from it (pidfd_getfd) and names it to waitid(P_PIDFD)
 * -- all of them ESRCH once the process is reaped, even if its number
 * has been given to a new process meanwhile.
 */
#include <linux/kernel.h>
#include <linux/anon_inodes.h>
#include <linux/bitmap.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/poll.h>
#include <linux/ptrace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <uapi/linux/fcntl.h>

#define PIDHASH_BITS	8

int pid_max = PID_MAX_DEFAULT;
static DECLARE_BITMAP(init_pidmap, PID_MAX_DEFAULT);

struct pid_namespace init_pid_ns = {
	.count		= REFCOUNT_INIT(2),
	.level		= 0,
	.pidmap		= init_pidmap,
};

static struct hlist_head pid_hash[1 << PIDHASH_BITS];
DEFINE_SPINLOCK(pidmap_lock);

static struct hlist_head *pid_hashfn(pid_t nr, struct pid_namespace *ns)
{
	unsigned long key = (unsigned long)nr * 2654435761u + ((unsigned long)ns >> 6);

	return &pid_hash[(u32)(key * 2654435761u) >> (32 - PIDHASH_BITS)];
}

/*
 * One free number in @ns: the next after the last one given out, or
 * @want if that is free (-EEXIST if not).  pidmap_lock held.
 */
static int alloc_pidmap(struct pid_namespace *ns, pid_t want)
{
	int nr;

	if (want) {
		if (want >= pid_max)
			return -EINVAL;
		if (test_bit(want, ns->pidmap))
			return -EEXIST;
		nr = want;
	} else {
		nr = find_next_zero_bit(ns->pidmap, pid_max, ns->last_pid + 1);
		/* wrap; in the first namespace PIDs below 300 are for early daemons */
		if (nr >= pid_max)
			nr = find_next_zero_bit(ns->pidmap, pid_max,
						ns->level || ns->last_pid < 300 ? 1 : 300);
		if (nr >= pid_max)
			return -EAGAIN;
		ns->last_pid = nr;
	}
	__set_bit(nr, ns->pidmap);
	ns->nr_pids++;
	return nr;
}

static void free_pidmap(struct upid *upid)
{
	__clear_bit(upid->nr, upid->ns->pidmap);
	upid->ns->nr_pids--;
}

/*
 * A struct pid for new task @p in namespace @ns (and every namespace
 * above it); sets p->pid and p->thread_pid.  The first task of a new
 * namespace must be its number 1 and becomes its child reaper; a
 * namespace whose init has died takes nobody (-ENOMEM, as on Linux).
 */
pid_t alloc_pid(struct task_struct *p, struct pid_namespace *ns, const pid_t *set_tid,
		int set_tid_size)
{
	struct pid *pid = kmalloc(sizeof(*pid) + (ns->level + 1) * sizeof(pid->numbers[0]),
				  GFP_KERNEL);
	struct pid_namespace *tmp;
	unsigned long flags;
	int i, nr, err, level = ns->level;

	if (!pid)
		return -ENOMEM;
	refcount_set(&pid->count, 1);
	pid->level = ns->level;
	pid->task = p;
	init_waitqueue_head(&pid->wait_pidfd);
	spin_lock_irqsave(&pidmap_lock, flags);
	for (i = level, tmp = ns; tmp; i--, tmp = tmp->parent) {
		int k = level - i;		/* set_tid[0] is the innermost */
		pid_t want = k < set_tid_size ? set_tid[k] : 0;

		err = -ENOMEM;
		if (tmp->dead)
			goto fail;
		if (tmp->level && !tmp->child_reaper) {
			err = -EINVAL;
			if (want && want != 1)
				goto fail;
			want = 1;
		}
		nr = alloc_pidmap(tmp, want);
		err = nr;
		if (nr < 0)
			goto fail;
		pid->numbers[i].nr = nr;
		pid->numbers[i].ns = tmp;
	}
	for (i = 0; i <= level; i++) {
		tmp = pid->numbers[i].ns;
		get_pid_ns(tmp);
		if (tmp->level && !tmp->child_reaper)
			tmp->child_reaper = p;
		hlist_add_head(&pid->numbers[i].pid_chain,
			       pid_hashfn(pid->numbers[i].nr, tmp));
	}
	p->pid = pid->numbers[0].nr;
	p->thread_pid = pid;
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return p->pid;

fail:
	while (++i <= level)
		free_pidmap(&pid->numbers[i]);
	spin_unlock_irqrestore(&pidmap_lock, flags);
	kfree(pid);
	return err;
}

/*
 * The task's own reference is dropped a grace period after the reap, as
 * Linux's free_pid does: a lookup that found the pid inside
 * rcu_read_lock() may still be about to take a reference, and the pid
 * must not be freed under it.  (The lookups here take pidmap_lock today;
 * the SMP work makes them lockless, and this is what lets it.)
 */
static void delayed_put_pid(struct rcu_head *rhp)
{
	put_pid(container_of(rhp, struct pid, rcu));
}

void free_pid(struct task_struct *p)
{
	struct pid *pid = p->thread_pid;
	unsigned long flags;
	int i;

	if (!pid)
		return;
	spin_lock_irqsave(&pidmap_lock, flags);
	for (i = 0; i <= (int)pid->level; i++) {
		hlist_del_init(&pid->numbers[i].pid_chain);
		free_pidmap(&pid->numbers[i]);
	}
	pid->task = NULL;
	p->thread_pid = NULL;
	spin_unlock_irqrestore(&pidmap_lock, flags);
	wake_up_all(&pid->wait_pidfd);	/* reaped: pollers must not sleep on */
	call_rcu(&pid->rcu, delayed_put_pid);
}

/*
 * execve from a thread that is not the leader (de_thread): the thread
 * takes over the leader's PID, and the dying leader gets the thread's.
 * The numbers travel with their struct pid, so the hash is unchanged.
 */
void exchange_tids(struct task_struct *left, struct task_struct *right)
{
	unsigned long flags;

	spin_lock_irqsave(&pidmap_lock, flags);
	swap(left->thread_pid, right->thread_pid);
	swap(left->pid, right->pid);
	if (left->thread_pid)
		left->thread_pid->task = left;
	if (right->thread_pid)
		right->thread_pid->task = right;
	spin_unlock_irqrestore(&pidmap_lock, flags);
}

/* The pid numbered @nr in @ns, live or zombie; pidmap_lock held. */
static struct pid *__find_pid_ns(int nr, struct pid_namespace *ns)
{
	struct upid *upid;

	hlist_for_each_entry(upid, pid_hashfn(nr, ns), pid_chain)
		if (upid->nr == nr && upid->ns == ns)
			return container_of(upid, struct pid, numbers[ns->level]);
	return NULL;
}

/* No reference is taken: callers hold tasklist_lock, as release_task frees under it. */
struct pid *find_pid_ns(int nr, struct pid_namespace *ns)
{
	struct pid *pid;
	unsigned long flags;

	/* The bitmap's size, not pid_max: lowering pid_max hides no live task. */
	if (nr <= 0 || nr >= PID_MAX_DEFAULT)
		return NULL;
	spin_lock_irqsave(&pidmap_lock, flags);
	pid = __find_pid_ns(nr, ns);
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return pid;
}

struct task_struct *find_task_by_pid_ns(pid_t nr, struct pid_namespace *ns)
{
	struct pid *pid = find_pid_ns(nr, ns);

	return pid ? READ_ONCE(pid->task) : NULL;
}

/* @nr as the calling task numbers it. */
struct task_struct *find_task_by_vpid(pid_t nr)
{
	return find_task_by_pid_ns(nr, task_active_pid_ns(current));
}
EXPORT_SYMBOL(find_task_by_vpid);

pid_t pid_nr_ns(struct pid *pid, struct pid_namespace *ns)
{
	if (pid && ns->level <= pid->level && pid->numbers[ns->level].ns == ns)
		return pid->numbers[ns->level].nr;
	return 0;
}

pid_t pid_vnr(struct pid *pid)
{
	return pid_nr_ns(pid, task_active_pid_ns(current));
}

struct pid_namespace *task_active_pid_ns(struct task_struct *tsk)
{
	return ns_of_pid(tsk->thread_pid);
}

pid_t pid_global_to_vnr(pid_t nr)
{
	struct pid_namespace *ns = task_active_pid_ns(current);

	if (ns == &init_pid_ns || nr <= 0)
		return nr;
	return pid_nr_ns(find_pid_ns(nr, &init_pid_ns), ns);
}

pid_t pid_vnr_to_global(pid_t nr)
{
	struct pid_namespace *ns = task_active_pid_ns(current);

	if (ns == &init_pid_ns || nr <= 0)
		return nr;
	return pid_nr(find_pid_ns(nr, ns));
}

pid_t __task_pid_nr_ns(struct task_struct *task, bool group, struct pid_namespace *ns)
{
	if (!ns)
		ns = task_active_pid_ns(current);
	if (group)
		task = task->group_leader;
	return pid_nr_ns(task->thread_pid, ns);
}

struct pid *get_pid(struct pid *pid)
{
	if (pid)
		refcount_inc(&pid->count);
	return pid;
}

void put_pid(struct pid *pid)
{
	int i;

	if (!pid || !refcount_dec_and_test(&pid->count))
		return;
	for (i = 0; i <= (int)pid->level; i++)
		put_pid_ns(pid->numbers[i].ns);
	kfree(pid);
}

/* The pid object of the live or zombie task numbered @nr, with a reference. */
struct pid *find_get_pid(pid_t nr)
{
	struct task_struct *task;
	struct pid *pid = NULL;

	spin_lock_irq(&tasklist_lock);
	task = find_task_by_vpid(nr);
	if (task && task->exit_state != EXIT_DEAD)
		pid = get_pid(task->thread_pid);
	spin_unlock_irq(&tasklist_lock);
	return pid;
}

/* The task behind @pid, with a reference; NULL once it has been reaped. */
struct task_struct *get_pid_task(struct pid *pid)
{
	struct task_struct *task;
	unsigned long flags;

	spin_lock_irqsave(&pidmap_lock, flags);
	task = pid->task;
	if (task)
		get_task_struct(task);
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return task;
}

/* The process of leader @task has exited: wake its pidfds' pollers. */
void do_notify_pidfd(struct task_struct *task)
{
	if (task->thread_pid)
		wake_up_all(&task->thread_pid->wait_pidfd);
}

/*
 * pidfds
 */
static int pidfd_release(struct inode *inode, struct file *file)
{
	put_pid(file->private_data);
	return 0;
}

/* Readable once the whole process is gone: a zombie leader with no threads, or reaped. */
static __poll_t pidfd_poll(struct file *file, poll_table *pts)
{
	struct pid *pid = file->private_data;
	struct task_struct *task;
	__poll_t ret = 0;

	poll_wait(file, &pid->wait_pidfd, pts);
	spin_lock_irq(&tasklist_lock);
	task = pid->task;
	if (!task || (task->exit_state && thread_group_empty(task)))
		ret = POLLIN | POLLRDNORM;
	spin_unlock_irq(&tasklist_lock);
	return ret;
}

static const struct file_operations pidfd_fops = {
	.release	= pidfd_release,
	.poll		= pidfd_poll,
};

struct pid *pidfd_pid(const struct file *file)
{
	if (file->f_op == &pidfd_fops)
		return file->private_data;
	return tgid_pidfd_to_pid(file);
}

/* A new pidfd on @pid: always close-on-exec, O_NONBLOCK if asked. */
int pidfd_create(struct pid *pid, unsigned int flags)
{
	int fd = anon_inode_getfd("[pidfd]", &pidfd_fops, get_pid(pid),
				  O_RDWR | O_CLOEXEC | (flags & O_NONBLOCK));

	if (fd < 0)
		put_pid(pid);
	return fd;
}

int pidfd_get_nr(int fd, pid_t *nr, unsigned int *f_flags)
{
	struct file *file = fd >= 0 ? fget(fd) : NULL;
	struct pid *pid;
	int ret = 0;

	if (!file)
		return -EBADF;
	if (file->f_op != &pidfd_fops) {
		ret = -EBADF;
		goto out;
	}
	pid = file->private_data;
	/* Reaped: its number may belong to someone else now. */
	if (!READ_ONCE(pid->task)) {
		ret = -ECHILD;
		goto out;
	}
	*nr = pid_nr(pid);	/* the first namespace's: do_wait compares ->pid */
	*f_flags = file->f_flags;
out:
	fput(file);
	return ret;
}

SYSCALL_DEFINE2(pidfd_open, pid_t, upid, unsigned int, flags)
{
	struct task_struct *task;
	struct pid *pid = NULL;
	int fd;

	if (flags & ~O_NONBLOCK)
		return -EINVAL;
	if (upid <= 0)
		return -EINVAL;
	spin_lock_irq(&tasklist_lock);
	task = find_task_by_vpid(upid);
	/* Only processes: a thread other than the leader is EINVAL. */
	if (task && task->exit_state != EXIT_DEAD) {
		if (!thread_group_leader(task)) {
			spin_unlock_irq(&tasklist_lock);
			return -EINVAL;
		}
		pid = get_pid(task->thread_pid);
	}
	spin_unlock_irq(&tasklist_lock);
	if (!pid)
		return -ESRCH;
	fd = pidfd_create(pid, flags);
	put_pid(pid);
	return fd;
}

/* Descriptor @fd of @task's table, with a reference; NULL if there is none. */
static struct file *fget_task(struct task_struct *task, unsigned int fd)
{
	struct files_struct *files;
	struct file *file = NULL;

	task_lock(task);
	files = task->files;
	if (files) {
		spin_lock(&files->file_lock);
		if (fd < files->fdt.max_fds)
			file = files->fdt.fd[fd];
		if (file)
			get_file(file);
		spin_unlock(&files->file_lock);
	}
	task_unlock(task);
	return file;
}

/*
 * pidfd_getfd: a duplicate of descriptor @fd of the process, as if it had
 * been sent over a socket with SCM_RIGHTS; needs ptrace access.
 */
SYSCALL_DEFINE3(pidfd_getfd, int, pidfd, int, fd, unsigned int, flags)
{
	struct task_struct *task;
	struct file *pf, *file;
	struct pid *pid;
	int ret;

	if (flags)
		return -EINVAL;
	pf = fget(pidfd);
	if (!pf)
		return -EBADF;
	pid = pidfd_pid(pf);
	if (IS_ERR(pid)) {
		ret = PTR_ERR(pid);
		goto out_put;
	}
	task = get_pid_task(pid);
	ret = -ESRCH;
	if (!task)
		goto out_put;
	ret = -EPERM;
	if (!ptrace_may_access(task, PTRACE_MODE_ATTACH_REALCREDS))
		goto out_task;
	ret = -EBADF;
	file = fd < 0 ? NULL : fget_task(task, fd);
	if (!file)
		goto out_task;
	ret = get_unused_fd_flags(O_CLOEXEC);
	if (ret >= 0)
		fd_install(ret, file);
	else
		fput(file);
out_task:
	put_task_struct(task);
out_put:
	fput(pf);
	return ret;
}
