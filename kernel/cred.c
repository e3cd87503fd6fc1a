// SPDX-License-Identifier: GPL-2.0
/*
 * Credentials (see <linux/cred.h>).  A task's cred is read without locks
 * because it never changes: setuid() and friends build a new cred with
 * prepare_creds(), edit it, and install it with commit_creds(), which also
 * moves the task's process count to the new real UID's user_struct.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/sched/user.h>
#include <linux/slab.h>
#include <linux/string.h>

static struct group_info init_groups = { .usage = REFCOUNT_INIT(2), .ngroups = 0 };

struct cred init_cred = {
	.usage			= REFCOUNT_INIT(4),
	.cap_inheritable	= 0,
	.cap_permitted		= CAP_FULL_SET,
	.cap_effective		= CAP_FULL_SET,
	.cap_bset		= CAP_FULL_SET,
	.group_info		= &init_groups,
	.user			= &root_user,
};

const struct cred *get_cred(const struct cred *cred)
{
	refcount_inc(&((struct cred *)cred)->usage);
	return cred;
}

void put_groups(struct group_info *gi)
{
	if (gi && refcount_dec_and_test(&gi->usage))
		kfree(gi);
}

void put_cred(const struct cred *_cred)
{
	struct cred *cred = (struct cred *)_cred;

	if (!cred || !refcount_dec_and_test(&cred->usage))
		return;
	put_groups(cred->group_info);
	free_uid(cred->user);
	kfree(cred);
}

/* A private copy of current's credentials, to be edited and committed. */
struct cred *prepare_creds(void)
{
	const struct cred *old = current_cred();
	struct cred *new = kmalloc(sizeof(*new), GFP_KERNEL);

	if (!new)
		return NULL;
	*new = *old;
	refcount_set(&new->usage, 1);
	refcount_inc(&new->group_info->usage);
	get_uid(new->user);
	return new;
}

void abort_creds(struct cred *new)
{
	put_cred(new);
}

int commit_creds(struct cred *new)
{
	struct task_struct *task = current;
	const struct cred *old = task->real_cred;

	if (new->uid != old->uid) {
		struct user_struct *user = alloc_uid(new->uid);

		if (!user) {
			abort_creds(new);
			return -EAGAIN;
		}
		free_uid(new->user);
		new->user = user;
		atomic_inc(&new->user->processes);
		atomic_dec(&old->user->processes);
	}
	/* Two references: real_cred and cred are the same object. */
	get_cred(new);
	task->real_cred = new;
	task->cred = new;
	put_cred(old);
	put_cred(old);
	return 0;
}

/* fork: the child shares the parent's cred object. */
int copy_creds(struct task_struct *p, unsigned long clone_flags)
{
	get_cred(p->cred);
	get_cred(p->real_cred);
	atomic_inc(&p->real_cred->user->processes);
	return 0;
}

void exit_creds(struct task_struct *p)
{
	atomic_dec(&p->real_cred->user->processes);
	put_cred(p->real_cred);
	put_cred(p->cred);
	p->cred = p->real_cred = NULL;
}

bool capable(int cap)
{
	if (current_cred()->cap_effective & (1ULL << cap)) {
		current->flags |= PF_SUPERPRIV;
		return true;
	}
	return false;
}

bool in_group_p(gid_t grp)
{
	const struct cred *cred = current_cred();
	int i;

	if (grp == cred->fsgid)
		return true;
	for (i = 0; i < cred->group_info->ngroups; i++)
		if (cred->group_info->gid[i] == grp)
			return true;
	return false;
}
