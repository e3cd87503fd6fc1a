// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/PID/ns: one file per kind of namespace the process is in (ipc,
 * mnt, pid, time, uts; pid_for_children is where its next child will be
 * numbered, time_for_children whose clocks its next child will read).
 * Opening one holds that namespace; the descriptor can be given to
 * setns(2) to move another process in (nsenter does this), and two
 * processes are in the same namespace when stat shows the same st_ino
 * (the namespace's inode number).  On Linux these are magic symbolic
 * links ("uts:[4026531838]") into the nsfs filesystem; Lantern has no
 * nsfs, so they are plain files that open, stat and take the nsfs
 * ioctls.  Opening needs ptrace read access to the process.
 */
#include <linux/kernel.h>
#include <linux/anon_inodes.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/ipc_namespace.h>
#include <linux/mnt_namespace.h>
#include <linux/nsproxy.h>
#include <linux/pid_namespace.h>
#include <linux/proc_ns.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time_namespace.h>
#include <linux/utsname.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/nsfs.h>
#include <uapi/linux/sched.h>
#include "internal.h"

struct ns_file {
	int type;		/* CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC, ... */
	void *ns;
};

static int proc_ns_open(struct inode *inode, struct file *file)
{
	const char *name = PROC_I(inode)->pent->name;
	struct task_struct *task = get_proc_task(inode);
	struct ns_file *nf;
	struct nsproxy *nsp;
	int err = -ENOENT;

	if (!task)
		return -ESRCH;
	if (!ptrace_may_access(task, PTRACE_MODE_READ_FSCREDS)) {
		err = -EACCES;
		goto out;
	}
	nf = kmalloc(sizeof(*nf), GFP_KERNEL);
	if (!nf) {
		err = -ENOMEM;
		goto out;
	}
	task_lock(task);
	nsp = task->nsproxy;
	if (nsp && !strcmp(name, "uts")) {
		nf->type = CLONE_NEWUTS;
		nf->ns = nsp->uts_ns;
		refcount_inc(&nsp->uts_ns->count);
		err = 0;
	} else if (nsp && !strcmp(name, "mnt")) {
		nf->type = CLONE_NEWNS;
		nf->ns = nsp->mnt_ns;
		get_mnt_ns(nsp->mnt_ns);
		err = 0;
	} else if (!strcmp(name, "pid") && task->thread_pid) {
		nf->type = CLONE_NEWPID;
		nf->ns = get_pid_ns(task_active_pid_ns(task));
		err = 0;
	} else if (nsp && !strcmp(name, "pid_for_children")) {
		nf->type = CLONE_NEWPID;
		nf->ns = get_pid_ns(nsp->pid_ns_for_children);
		err = 0;
	} else if (nsp && !strcmp(name, "ipc")) {
		nf->type = CLONE_NEWIPC;
		nf->ns = get_ipc_ns(nsp->ipc_ns);
		err = 0;
	} else if (nsp && !strcmp(name, "time")) {
		nf->type = CLONE_NEWTIME;
		nf->ns = get_time_ns(nsp->time_ns);
		err = 0;
	} else if (nsp && !strcmp(name, "time_for_children")) {
		nf->type = CLONE_NEWTIME;
		nf->ns = get_time_ns(nsp->time_ns_for_children);
		err = 0;
	}
	task_unlock(task);
	if (err)
		kfree(nf);
	else
		file->private_data = nf;
out:
	put_task_struct(task);
	return err;
}

static int proc_ns_release(struct inode *inode, struct file *file)
{
	struct ns_file *nf = file->private_data;

	if (nf->type == CLONE_NEWUTS)
		put_uts_ns(nf->ns);
	else if (nf->type == CLONE_NEWPID)
		put_pid_ns(nf->ns);
	else if (nf->type == CLONE_NEWIPC)
		put_ipc_ns(nf->ns);
	else if (nf->type == CLONE_NEWTIME)
		put_time_ns(nf->ns);
	else
		put_mnt_ns(nf->ns);
	kfree(nf);
	return 0;
}

/*
 * The nsfs ioctls.  Only PID namespaces nest here, so only they have a
 * parent, and it is handed out only while the caller can see it: the
 * namespace above one's own is out of reach (EPERM), as on Linux.  There
 * are no user namespaces, so nothing has an owner to give.
 */
static long proc_ns_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct ns_file *nf = file->private_data, *pf;
	struct pid_namespace *parent;
	int fd;

	(void)arg;
	switch (cmd) {
	case NS_GET_NSTYPE:
		return nf->type;
	case NS_GET_OWNER_UID:
		return -EINVAL;		/* not a user namespace */
	case NS_GET_PARENT:
		if (nf->type != CLONE_NEWPID)
			return -EINVAL;
		parent = ((struct pid_namespace *)nf->ns)->parent;
		if (!parent || !pid_ns_is_descendant(parent, task_active_pid_ns(current)))
			return -EPERM;
		pf = kmalloc(sizeof(*pf), GFP_KERNEL);
		if (!pf)
			return -ENOMEM;
		pf->type = CLONE_NEWPID;
		pf->ns = get_pid_ns(parent);
		fd = anon_inode_getfd_ino("pid", &proc_ns_file_operations, pf, O_RDONLY | O_CLOEXEC,
					  parent->inum);
		if (fd < 0) {
			put_pid_ns(parent);
			kfree(pf);
		}
		return fd;
	default:
		return -ENOTTY;
	}
}

/*
 * A namespace is known by its inode number, so stat of /proc/PID/ns/X
 * gives the inode number of the namespace the task is in now, and two
 * tasks in the same one show the same st_ino (what lsns and nsenter
 * compare).
 */
static int proc_ns_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
			   unsigned int flags)
{
	struct inode *inode = d_inode(path->dentry);
	const char *name = PROC_I(inode)->pent->name;
	struct task_struct *task = get_proc_task(inode);
	struct nsproxy *nsp;

	(void)request_mask;
	(void)flags;
	generic_fillattr(inode, stat);
	if (!task)
		return 0;
	task_lock(task);
	nsp = task->nsproxy;
	if (!strcmp(name, "pid"))
		stat->ino = task_active_pid_ns(task)->inum;
	else if (nsp && !strcmp(name, "pid_for_children"))
		stat->ino = nsp->pid_ns_for_children->inum;
	else if (nsp && !strcmp(name, "uts"))
		stat->ino = nsp->uts_ns->inum;
	else if (nsp && !strcmp(name, "mnt"))
		stat->ino = mnt_ns_inum(nsp->mnt_ns);
	else if (nsp && !strcmp(name, "ipc"))
		stat->ino = nsp->ipc_ns->inum;
	else if (nsp && !strcmp(name, "time"))
		stat->ino = nsp->time_ns->inum;
	else if (nsp && !strcmp(name, "time_for_children"))
		stat->ino = nsp->time_ns_for_children->inum;
	task_unlock(task);
	put_task_struct(task);
	return 0;
}

const struct inode_operations proc_ns_inode_operations = {
	.getattr	= proc_ns_getattr,
};

const struct file_operations proc_ns_file_operations = {
	.open		= proc_ns_open,
	.release	= proc_ns_release,
	.unlocked_ioctl	= proc_ns_ioctl,
};

void *proc_ns_file_ns(struct file *file, int *type)
{
	struct ns_file *nf;

	if (file->f_op != &proc_ns_file_operations)
		return ERR_PTR(-EINVAL);
	nf = file->private_data;
	*type = nf->type;
	return nf->ns;
}
