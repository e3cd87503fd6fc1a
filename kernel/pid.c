// SPDX-License-Identifier: GPL-2.0
/*
 * Process IDs: allocation and lookup.  PIDs are handed out in increasing
 * order from a bitmap, wrapping at pid_max and skipping ones in use (as
 * Linux does, so a just-freed PID is not reused at once), and found again
 * through a small hash table.  Lock: pidmap_lock (irqsave: lookups may
 * come from interrupt context later).
 *
 * Each task also gets a struct pid, the reference-counted object a pidfd
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
static DECLARE_BITMAP(pidmap, PID_MAX_DEFAULT);
int last_pid;			/* the pid handed out last: /proc/loadavg */
static struct hlist_head pid_hash[1 << PIDHASH_BITS];
static DEFINE_SPINLOCK(pidmap_lock);

static struct hlist_head *pid_hashfn(pid_t nr)
{
	return &pid_hash[(nr * 2654435761u) >> (32 - PIDHASH_BITS)];
}

/*
 * The next free PID after the last one given out; -EAGAIN when all are
 * taken.  @set_tid (clone3, for checkpoint/restore) asks for one PID:
 * -EEXIST if it is in use.
 */
pid_t alloc_pid(struct task_struct *p, pid_t set_tid)
{
	struct pid *pid = kmalloc(sizeof(*pid), GFP_KERNEL);
	unsigned long flags;
	int nr;

	if (!pid)
		return -ENOMEM;
	refcount_set(&pid->count, 1);
	pid->task = p;
	init_waitqueue_head(&pid->wait_pidfd);
	spin_lock_irqsave(&pidmap_lock, flags);
	if (set_tid) {
		if (test_bit(set_tid, pidmap)) {
			spin_unlock_irqrestore(&pidmap_lock, flags);
			kfree(pid);
			return -EEXIST;
		}
		nr = set_tid;
		goto found;
	}
	nr = find_next_zero_bit(pidmap, pid_max, last_pid + 1);
	if (nr >= pid_max)	/* wrap; PIDs below 300 are for early daemons */
		nr = find_next_zero_bit(pidmap, pid_max, last_pid >= 300 ? 300 : 1);
	if (nr >= pid_max) {
		spin_unlock_irqrestore(&pidmap_lock, flags);
		kfree(pid);
		return -EAGAIN;
	}
	last_pid = nr;
found:
	__set_bit(nr, pidmap);
	p->pid = nr;
	pid->nr = nr;
	p->thread_pid = pid;
	hlist_add_head(&p->pid_link, pid_hashfn(nr));
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return nr;
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

	spin_lock_irqsave(&pidmap_lock, flags);
	hlist_del_init(&p->pid_link);
	__clear_bit(p->pid, pidmap);
	if (pid)
		pid->task = NULL;
	p->thread_pid = NULL;
	spin_unlock_irqrestore(&pidmap_lock, flags);
	if (pid) {
		wake_up_all(&pid->wait_pidfd);	/* reaped: pollers must not sleep on */
		call_rcu(&pid->rcu, delayed_put_pid);
	}
}

/*
 * execve from a thread that is not the leader (de_thread): the thread
 * takes over the leader's PID, and the dying leader gets the thread's.
 */
void exchange_tids(struct task_struct *left, struct task_struct *right)
{
	unsigned long flags;
	pid_t nr;

	spin_lock_irqsave(&pidmap_lock, flags);
	hlist_del_init(&left->pid_link);
	hlist_del_init(&right->pid_link);
	nr = left->pid;
	left->pid = right->pid;
	right->pid = nr;
	swap(left->thread_pid, right->thread_pid);
	if (left->thread_pid)
		left->thread_pid->task = left;
	if (right->thread_pid)
		right->thread_pid->task = right;
	hlist_add_head(&left->pid_link, pid_hashfn(left->pid));
	hlist_add_head(&right->pid_link, pid_hashfn(right->pid));
	spin_unlock_irqrestore(&pidmap_lock, flags);
}

struct task_struct *find_task_by_vpid(pid_t nr)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	/* The bitmap's size, not pid_max: lowering pid_max hides no live task. */
	if (nr <= 0 || nr >= PID_MAX_DEFAULT)
		return NULL;
	spin_lock_irqsave(&pidmap_lock, flags);
	hlist_for_each_entry(p, pid_hashfn(nr), pid_link) {
		if (p->pid == nr) {
			found = p;
			break;
		}
	}
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return found;
}
EXPORT_SYMBOL(find_task_by_vpid);

struct pid *get_pid(struct pid *pid)
{
	if (pid)
		refcount_inc(&pid->count);
	return pid;
}

void put_pid(struct pid *pid)
{
	if (pid && refcount_dec_and_test(&pid->count))
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
	*nr = pid->nr;
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
