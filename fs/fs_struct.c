// SPDX-License-Identifier: GPL-2.0
/* The per-process filesystem context (see <linux/fs_struct.h>). */
#include <linux/kernel.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <uapi/linux/sched.h>

struct fs_struct init_fs = {
	.users = REFCOUNT_INIT(1),
	.lock = __SPIN_LOCK_UNLOCKED(init_fs.lock),
	.umask = 0022,
};

int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs = current->fs, *new;

	if (clone_flags & CLONE_FS) {
		refcount_inc(&fs->users);
		return 0;
	}
	new = kmalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	refcount_set(&new->users, 1);
	spin_lock_init(&new->lock);
	new->umask = fs->umask;
	tsk->fs = new;
	return 0;
}

void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	if (!fs)
		return;
	tsk->fs = NULL;
	if (refcount_dec_and_test(&fs->users) && fs != &init_fs)
		kfree(fs);
}
