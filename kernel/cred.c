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
#include <linux/mm_types.h>
#include <linux/key.h>
#include <linux/security.h>
#include <uapi/linux/sched.h>

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
	key_cred_put(cred);
	security_cred_free(cred);
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
	key_cred_get(new);
	security_cred_copy(new, old);
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
	/*
	 * A process whose identity changes, or whose permitted set grows,
	 * stops being dumpable (no core, no ptrace by its old self) and loses
	 * its parent-death signal, so it cannot be signalled on another's cue.
	 */
	if (new->euid != old->euid || new->egid != old->egid ||
	    new->fsuid != old->fsuid || new->fsgid != old->fsgid ||
	    (new->cap_permitted & ~old->cap_permitted)) {
		if (task->mm)
			task->mm->dumpable = 0;
		task->pdeath_signal = 0;
	}
	/* Two references: real_cred and cred are the same object. */
	get_cred(new);
	task->real_cred = new;
	task->cred = new;
	put_cred(old);
	put_cred(old);
	return 0;
}

/*
 * fork: the child shares the parent's cred object, unless the parent has
 * keyrings the child must not have: a thread keyring (every thread's own)
 * or, for a new process, the process keyring.  @p's cred pointers are
 * still current's, copied with the task.
 */
int copy_creds(struct task_struct *p, unsigned long clone_flags)
{
	struct cred *new;

	p->replacement_session_keyring = NULL;	/* a parent's pending change is not ours */
	if (key_cred_fork((struct cred *)p->cred, clone_flags)) {
		new = prepare_creds();
		if (!new)
			return -ENOMEM;
		key_put(new->thread_keyring);
		new->thread_keyring = NULL;
		if (!(clone_flags & CLONE_THREAD)) {
			key_put(new->process_keyring);
			new->process_keyring = NULL;
		}
		get_cred(new);		/* real_cred and cred: two references */
		p->cred = p->real_cred = new;
	} else {
		get_cred(p->cred);
		get_cred(p->real_cred);
	}
	atomic_inc(&p->real_cred->user->processes);
	return 0;
}

void exit_creds(struct task_struct *p)
{
	key_put(p->replacement_session_keyring);	/* never installed: gone first */
	p->replacement_session_keyring = NULL;
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
EXPORT_SYMBOL(capable);

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
