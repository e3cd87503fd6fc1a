// SPDX-License-Identifier: GPL-2.0
/*
 * kcmp: do two processes share a kernel object -- an open file, the
 * address space, the descriptor table, the fs_struct (cwd, root, umask),
 * the signal handlers?  Checkpoint/restore tools ask this to rebuild which
 * processes shared what.
 *
 * The answer is 0 for the same object, and otherwise 1 or 2 as an
 * ordering, so that many objects can be sorted.  The ordering is of the
 * pointers scrambled with a secret per-type key, so it reveals nothing
 * about kernel addresses.  Both processes must be open to the caller
 * under ptrace's "read" rule.
 *
 * KCMP_IO compares the I/O contexts and KCMP_SYSVSEM the SysV semaphore
 * undo lists: Lantern has neither object yet, so, as on Linux for two
 * tasks that have none, they compare equal.  KCMP_EPOLL_TFD is EINVAL
 * until epoll can look up a target by descriptor.
 */
#include <linux/kernel.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/pid.h>
#include <linux/ptrace.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>
#include <uapi/linux/kcmp.h>

static unsigned long cookies[KCMP_TYPES][2];
static bool cookies_ready;

static unsigned long kptr_obfuscate(unsigned long v, int type)
{
	if (!cookies_ready) {
		get_random_bytes(cookies, sizeof(cookies));
		for (int i = 0; i < KCMP_TYPES; i++)
			cookies[i][1] |= 1;	/* odd: multiplying stays one-to-one */
		cookies_ready = true;
	}
	return (v ^ cookies[type][0]) * cookies[type][1];
}

/* 0 equal, 1 less, 2 greater, in the scrambled order. */
static int kcmp_ptr(const void *a, const void *b, int type)
{
	unsigned long t1 = kptr_obfuscate((unsigned long)a, type);
	unsigned long t2 = kptr_obfuscate((unsigned long)b, type);

	return (t1 < t2) | ((t1 > t2) << 1);
}

/* The file behind descriptor @fd of @task, without a reference; NULL if none. */
static struct file *kcmp_task_file(struct task_struct *task, unsigned long fd)
{
	struct files_struct *files;
	struct file *file = NULL;

	task_lock(task);
	files = task->files;
	if (files) {
		spin_lock(&files->file_lock);
		if (fd < files->fdt.max_fds)
			file = files->fdt.fd[fd];
		spin_unlock(&files->file_lock);
	}
	task_unlock(task);
	return file;
}

static struct task_struct *kcmp_get_task(pid_t nr)
{
	struct pid *pid = find_get_pid(nr);
	struct task_struct *task;

	if (!pid)
		return NULL;
	task = get_pid_task(pid);
	put_pid(pid);
	return task;
}

SYSCALL_DEFINE5(kcmp, pid_t, pid1, pid_t, pid2, int, type, unsigned long, idx1,
		unsigned long, idx2)
{
	struct task_struct *task1, *task2;
	struct file *f1, *f2;
	int ret;

	task1 = kcmp_get_task(pid1);
	task2 = kcmp_get_task(pid2);
	ret = -ESRCH;
	if (!task1 || !task2)
		goto out;
	ret = -EPERM;
	if (!ptrace_may_access(task1, PTRACE_MODE_READ_REALCREDS) ||
	    !ptrace_may_access(task2, PTRACE_MODE_READ_REALCREDS))
		goto out;

	switch (type) {
	case KCMP_FILE:
		f1 = kcmp_task_file(task1, idx1);
		f2 = kcmp_task_file(task2, idx2);
		ret = f1 && f2 ? kcmp_ptr(f1, f2, KCMP_FILE) : -EBADF;
		break;
	case KCMP_VM:
		ret = kcmp_ptr(task1->mm, task2->mm, KCMP_VM);
		break;
	case KCMP_FILES:
		ret = kcmp_ptr(task1->files, task2->files, KCMP_FILES);
		break;
	case KCMP_FS:
		ret = kcmp_ptr(task1->fs, task2->fs, KCMP_FS);
		break;
	case KCMP_SIGHAND:
		ret = kcmp_ptr(task1->sighand, task2->sighand, KCMP_SIGHAND);
		break;
	case KCMP_IO:
	case KCMP_SYSVSEM:
		ret = 0;	/* neither task has one: see above */
		break;
	default:
		ret = -EINVAL;
		break;
	}
out:
	if (task1)
		put_task_struct(task1);
	if (task2)
		put_task_struct(task2);
	return ret;
}
