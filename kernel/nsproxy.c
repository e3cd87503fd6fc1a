// SPDX-License-Identifier: GPL-2.0
/*
 * Namespaces of a task (struct nsproxy): which UTS, mount, IPC and time
 * namespaces it sees and which PID and time namespaces its children will
 * be in.  A task shares its parent's nsproxy unless clone asked for new
 * namespaces (CLONE_NEW*), and unshare(2) swaps in a new one for the
 * caller alone.  Creating a namespace needs CAP_SYS_ADMIN.  The namespace
 * kinds Lantern does not have (user, network, cgroup) are refused with
 * EINVAL, as by a Linux built without them.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/ipc_namespace.h>
#include <linux/proc_ns.h>
#include <linux/syscalls.h>
#include <linux/mnt_namespace.h>
#include <linux/nsproxy.h>
#include <linux/pid_namespace.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/sem.h>
#include <linux/slab.h>
#include <linux/time_namespace.h>
#include <linux/utsname.h>
#include <uapi/linux/capability.h>
#include <uapi/linux/sched.h>

struct nsproxy init_nsproxy = {
	.count = REFCOUNT_INIT(1),
	.uts_ns = &init_uts_namespace,
	.mnt_ns = &init_mnt_ns,
	.ipc_ns = &init_ipc_ns,
	.pid_ns_for_children = &init_pid_ns,
	.time_ns = &init_time_ns,
	.time_ns_for_children = &init_time_ns,
};

#define CLONE_NEW_SUPPORTED	(CLONE_NEWUTS | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWPID | \
				 CLONE_NEWTIME)
#define CLONE_NEW_UNSUPPORTED	(CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWCGROUP)
/*
 * Every kind but a user namespace needs CAP_SYS_ADMIN, and that is checked
 * before whether the kind exists here: an unprivileged caller gets EPERM,
 * as from a Linux that has them all.
 */
#define CLONE_NEW_PRIVILEGED	((CLONE_NEW_SUPPORTED | CLONE_NEW_UNSUPPORTED) & ~CLONE_NEWUSER)

static struct nsproxy *create_new_namespaces(unsigned long flags, struct nsproxy *old,
					     struct fs_struct *fs)
{
	struct nsproxy *new = kmalloc(sizeof(*new), GFP_KERNEL);
	struct pid_namespace *pid_ns;
	struct mnt_namespace *mnt;
	struct uts_namespace *uts;
	struct ipc_namespace *ipc;
	struct time_namespace *time;
	int err;

	if (!new)
		return ERR_PTR(-ENOMEM);
	pid_ns = get_pid_ns(old->pid_ns_for_children);
	if (flags & CLONE_NEWPID) {
		/* A second unshare before the first child was made: EINVAL, as Linux. */
		err = -EINVAL;
		if (pid_ns != task_active_pid_ns(current))
			goto out_pid;
		put_pid_ns(pid_ns);
		pid_ns = create_pid_namespace(task_active_pid_ns(current));
		if (IS_ERR(pid_ns)) {
			err = PTR_ERR(pid_ns);
			goto out_free;
		}
	}
	uts = copy_utsname(flags, old->uts_ns);
	err = PTR_ERR(uts);
	if (IS_ERR(uts))
		goto out_pid;
	/* Before the mount namespace: a new one moves @fs into itself at once. */
	ipc = copy_ipcs(flags, old->ipc_ns);
	if (IS_ERR(ipc)) {
		err = PTR_ERR(ipc);
		put_uts_ns(uts);
		goto out_pid;
	}
	time = copy_time_ns(flags, old->time_ns_for_children);
	if (IS_ERR(time)) {
		err = PTR_ERR(time);
		goto out_ipc;
	}
	mnt = copy_mnt_ns(flags, old->mnt_ns, fs);
	if (IS_ERR(mnt)) {
		err = PTR_ERR(mnt);
		put_time_ns(time);
		goto out_ipc;
	}
	refcount_set(&new->count, 1);
	new->uts_ns = uts;
	new->mnt_ns = mnt;
	new->ipc_ns = ipc;
	new->pid_ns_for_children = pid_ns;
	/* The task's own clocks stay: only its children enter a new time namespace. */
	new->time_ns = get_time_ns(old->time_ns);
	new->time_ns_for_children = time;
	return new;

out_ipc:
	put_ipc_ns(ipc);
	put_uts_ns(uts);
out_pid:
	put_pid_ns(pid_ns);
out_free:
	kfree(new);
	return ERR_PTR(err);
}

void put_nsproxy(struct nsproxy *ns)
{
	if (!ns || !refcount_dec_and_test(&ns->count))
		return;
	put_uts_ns(ns->uts_ns);
	put_mnt_ns(ns->mnt_ns);
	put_ipc_ns(ns->ipc_ns);
	put_pid_ns(ns->pid_ns_for_children);
	put_time_ns(ns->time_ns);
	put_time_ns(ns->time_ns_for_children);
	kfree(ns);
}

/* fork: share the parent's namespaces, or make the new ones asked for. */
int copy_namespaces(unsigned long flags, struct task_struct *tsk)
{
	struct nsproxy *old = task_nsproxy(current), *new;

	if ((flags & CLONE_NEW_PRIVILEGED) && !capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (flags & CLONE_NEW_UNSUPPORTED)
		return -EINVAL;
	/*
	 * A task sharing the address space shares the [vvar] page, so it
	 * stays in the parent's time namespace (fork.c refuses CLONE_VM
	 * while the children's differs; clone3 with CLONE_NEWTIME | CLONE_VM
	 * makes a new one for the child's children only).
	 */
	if (!(flags & CLONE_NEW_SUPPORTED) &&
	    ((flags & CLONE_VM) || old->time_ns == old->time_ns_for_children)) {
		refcount_inc(&old->count);
		tsk->nsproxy = old;
		return 0;
	}
	/* A shared undo list would apply in one namespace what was done in another. */
	if ((flags & (CLONE_NEWIPC | CLONE_SYSVSEM)) == (CLONE_NEWIPC | CLONE_SYSVSEM))
		return -EINVAL;
	new = create_new_namespaces(flags, old, tsk->fs);
	if (IS_ERR(new))
		return PTR_ERR(new);
	if (!(flags & CLONE_VM))
		timens_on_fork(new, tsk);
	tsk->nsproxy = new;
	return 0;
}

/* unshare: the new set for the caller, or NULL if nothing is to change. */
int unshare_nsproxy_namespaces(unsigned long flags, struct nsproxy **new_nsp)
{
	struct nsproxy *new;

	*new_nsp = NULL;
	if ((flags & CLONE_NEW_PRIVILEGED) && !capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (flags & CLONE_NEW_UNSUPPORTED)
		return -EINVAL;
	if (!(flags & CLONE_NEW_SUPPORTED))
		return 0;
	new = create_new_namespaces(flags, task_nsproxy(current), current->fs);
	if (IS_ERR(new))
		return PTR_ERR(new);
	*new_nsp = new;
	return 0;
}

/* task_lock keeps /proc readers of another task's namespaces safe. */
void switch_task_namespaces(struct task_struct *p, struct nsproxy *new)
{
	struct nsproxy *old;

	task_lock(p);
	old = p->nsproxy;
	p->nsproxy = new;
	task_unlock(p);
	put_nsproxy(old);
}

void exit_task_namespaces(struct task_struct *p)
{
	switch_task_namespaces(p, NULL);
}

/*
 * setns: move into the namespace an open /proc/PID/ns file holds.
 * @nstype 0 accepts any kind, otherwise it must be the file's kind.
 * Entering a mount namespace also needs CAP_SYS_CHROOT and an fs_struct
 * of one's own, since root and cwd move into it.  Entering an IPC
 * namespace first runs the SEM_UNDO list, as exit would: its sets stay
 * behind in the old namespace.
 */
SYSCALL_DEFINE2(setns, int, fd, int, nstype)
{
	struct nsproxy *old = task_nsproxy(current), *new;
	struct file *file;
	int type, err;
	void *ns;

	file = fget(fd);
	if (!file)
		return -EBADF;
	ns = proc_ns_file_ns(file, &type);
	err = -EINVAL;
	if (IS_ERR(ns) || (nstype && nstype != type))
		goto out;
	err = -EPERM;
	if (!capable(CAP_SYS_ADMIN))
		goto out;
	if (type == CLONE_NEWNS) {
		if (!capable(CAP_SYS_CHROOT))
			goto out;
		err = -EINVAL;
		if (refcount_read(&current->fs->users) > 1)
			goto out;
	}
	/* Only into our own PID namespace or one below it: never up or across. */
	err = -EINVAL;
	if (type == CLONE_NEWPID &&
	    !pid_ns_is_descendant(ns, task_active_pid_ns(current)))
		goto out;
	/* Threads share [vvar]: all would have to move together (EUSERS, as Linux). */
	err = -EUSERS;
	if (type == CLONE_NEWTIME && !current_is_single_threaded())
		goto out;
	err = -ENOMEM;
	new = kmalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		goto out;
	refcount_set(&new->count, 1);
	new->uts_ns = type == CLONE_NEWUTS ? ns : old->uts_ns;
	new->mnt_ns = type == CLONE_NEWNS ? ns : old->mnt_ns;
	new->ipc_ns = type == CLONE_NEWIPC ? ns : old->ipc_ns;
	new->pid_ns_for_children = type == CLONE_NEWPID ? ns : old->pid_ns_for_children;
	/* Into a time namespace for oneself and one's future children alike. */
	new->time_ns = type == CLONE_NEWTIME ? ns : old->time_ns;
	new->time_ns_for_children = type == CLONE_NEWTIME ? ns : old->time_ns_for_children;
	refcount_inc(&new->uts_ns->count);
	get_mnt_ns(new->mnt_ns);
	get_ipc_ns(new->ipc_ns);
	get_pid_ns(new->pid_ns_for_children);
	get_time_ns(new->time_ns);
	get_time_ns(new->time_ns_for_children);
	if (type == CLONE_NEWNS)
		mntns_install(current->fs, ns);
	if (type == CLONE_NEWIPC)
		exit_sem(current);
	switch_task_namespaces(current, new);
	if (type == CLONE_NEWTIME)
		timens_commit_current(ns);
	err = 0;
out:
	fput(file);
	return err;
}
