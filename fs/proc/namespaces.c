// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/PID/ns: one file per kind of namespace the process is in (ipc,
 * mnt, uts).  Opening one holds that namespace; the descriptor can be given
 * to setns(2) to move another process in (nsenter does this), and two
 * processes are in the same namespace when fstat shows the same inode
 * number in the file's st_ino... here not yet: on Linux these are magic
 * symbolic links ("uts:[4026531838]") into the nsfs filesystem; Lantern
 * has no magic links, so they are plain files that only open.  Opening
 * needs ptrace read access to the process.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/ipc_namespace.h>
#include <linux/mnt_namespace.h>
#include <linux/nsproxy.h>
#include <linux/proc_ns.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/utsname.h>
#include <uapi/linux/sched.h>
#include "internal.h"

struct ns_file {
	int type;		/* CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC */
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
	} else if (nsp && !strcmp(name, "ipc")) {
		nf->type = CLONE_NEWIPC;
		nf->ns = get_ipc_ns(nsp->ipc_ns);
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
	else if (nf->type == CLONE_NEWIPC)
		put_ipc_ns(nf->ns);
	else
		put_mnt_ns(nf->ns);
	kfree(nf);
	return 0;
}

const struct file_operations proc_ns_file_operations = {
	.open		= proc_ns_open,
	.release	= proc_ns_release,
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
