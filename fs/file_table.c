// SPDX-License-Identifier: GPL-2.0
/*
 * struct file: one open of a file.  Descriptors (fs/file.c), fork's
 * copies of them and dup() all share one struct file, and so share its
 * position and flags; f_count counts them.  The last fput() calls the
 * driver's ->release and drops the file's hold on its dentry and mount,
 * which is what lets an unlinked file's inode finally go.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/eventpoll.h>
#include <linux/filelock.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/fsnotify.h>
#include <linux/mount.h>
#include <linux/slab.h>
#include "internal.h"

static struct kmem_cache *filp_cachep;

void __init files_cache_init(void)
{
	filp_cachep = kmem_cache_create("filp", sizeof(struct file), 0, 0, NULL);
	if (!filp_cachep)
		panic("cannot create the file cache");
}

struct file *alloc_empty_file(int flags, fmode_t mode)
{
	struct file *f = kmem_cache_zalloc(filp_cachep, GFP_KERNEL);

	if (!f)
		return ERR_PTR(-ENOMEM);
	atomic_long_set(&f->f_count, 1);
	mutex_init(&f->f_pos_lock);
	INIT_LIST_HEAD(&f->f_ep);
	spin_lock_init(&f->f_owner.lock);
	f->f_flags = flags;
	f->f_mode = mode;
	return f;
}

struct file *get_file(struct file *f)
{
	atomic_long_inc(&f->f_count);
	return f;
}

void __fput_release(struct file *file)
{
	fsnotify_close(file);		/* IN_CLOSE_WRITE / IN_CLOSE_NOWRITE */
	eventpoll_release(file);	/* no epoll watches it any more */
	if (file->f_mode & FMODE_WRITER)
		put_write_access(file->f_inode);
	locks_remove_file(file);	/* OFD locks belong to this open */
	/* Off its driver's O_ASYNC list before it goes. */
	if ((file->f_flags & FASYNC) && file->f_op && file->f_op->fasync)
		file->f_op->fasync(-1, file, 0);
	if (file->f_op && file->f_op->release && !(file->f_mode & FMODE_PATH))
		file->f_op->release(file->f_inode, file);
	if (file->f_op && !(file->f_mode & FMODE_PATH))
		module_put(file->f_op->owner);	/* do_dentry_open's reference */
	if (file->f_path.dentry)
		path_put(&file->f_path);
	kmem_cache_free(filp_cachep, file);
}

void fput(struct file *file)
{
	if (file && atomic_long_dec_and_test(&file->f_count))
		__fput_release(file);
}
EXPORT_SYMBOL(fput);
