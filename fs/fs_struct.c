// SPDX-License-Identifier: GPL-2.0
/*
 * The per-process filesystem context (see <linux/fs_struct.h>): root,
 * cwd and umask, shared with CLONE_FS and copied otherwise.  Readers
 * take a reference under fs->lock and drop the lock before using it, so
 * a concurrent chdir cannot free the directory under them.
 */
#include <linux/kernel.h>
#include <linux/fs_struct.h>
#include <linux/path.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <uapi/linux/sched.h>

struct fs_struct init_fs = {
	.users = REFCOUNT_INIT(1),
	.lock = __SPIN_LOCK_UNLOCKED(init_fs.lock),
	.umask = 0022,
};

void set_fs_root(struct fs_struct *fs, const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = fs->root;
	fs->root = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = fs->pwd;
	fs->pwd = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

void get_fs_root(struct fs_struct *fs, struct path *root)
{
	spin_lock(&fs->lock);
	*root = fs->root;
	path_get(root);
	spin_unlock(&fs->lock);
}

void get_fs_pwd(struct fs_struct *fs, struct path *pwd)
{
	spin_lock(&fs->lock);
	*pwd = fs->pwd;
	path_get(pwd);
	spin_unlock(&fs->lock);
}

int current_umask(void)
{
	return current->fs->umask;
}

int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs = current->fs, *new;

	if (clone_flags & CLONE_FS) {
		refcount_inc(&fs->users);
		return 0;
	}
	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	refcount_set(&new->users, 1);
	spin_lock_init(&new->lock);
	spin_lock(&fs->lock);
	new->umask = fs->umask;
	new->root = fs->root;
	new->pwd = fs->pwd;
	if (new->root.dentry)
		path_get(&new->root);
	if (new->pwd.dentry)
		path_get(&new->pwd);
	spin_unlock(&fs->lock);
	tsk->fs = new;
	return 0;
}

/* The last user let go (exit, or io_uring's worker done with a request's fs). */
void free_fs_struct(struct fs_struct *fs)
{
	if (fs == &init_fs)
		return;
	if (fs->root.dentry)
		path_put(&fs->root);
	if (fs->pwd.dentry)
		path_put(&fs->pwd);
	kfree(fs);
}

void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	if (!fs)
		return;
	task_lock(tsk);
	tsk->fs = NULL;
	task_unlock(tsk);
	if (refcount_dec_and_test(&fs->users))
		free_fs_struct(fs);
}
