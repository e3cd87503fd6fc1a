// SPDX-License-Identifier: GPL-2.0
/*
 * /proc entries made at run time: proc_create(), proc_mkdir() and
 * remove_proc_entry(), the API a driver or module uses for a /proc file
 * of its own with struct proc_ops.
 *
 * The kernel's own fixed files are tables (root.c, proc_sysctl.c); these
 * are a tree of proc_dir_entry nodes hanging off the /proc root, looked
 * up and listed after the fixed names.  A file's operations may belong
 * to a module that is about to be unloaded, so every call into them is
 * bracketed by use_pde()/unuse_pde(), and removal marks the entry gone
 * and waits until no call is in flight: after remove_proc_entry()
 * returns, the module's code is never entered again, and calls on a file
 * still open fail with -EIO.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

#define PDE_REMOVING_BIAS	(-(1 << 30))

struct proc_dir_entry {
	atomic_t in_use;		/* calls in flight; BIAS added once removal starts */
	refcount_t refcnt;		/* the tree's, and each inode's */
	struct list_head subdir;	/* children */
	struct list_head subdir_node;	/* in parent->subdir */
	struct proc_dir_entry *parent;
	const struct proc_ops *proc_ops;
	int (*single_show)(struct seq_file *m, void *v);
	void *data;
	umode_t mode;
	struct completion *unload;	/* removal waits here for the last call */
	char name[];
};

static DEFINE_MUTEX(proc_subdir_lock);

static struct proc_dir_entry proc_root_pde = {
	.refcnt		= REFCOUNT_INIT(1),
	.subdir		= LIST_HEAD_INIT(proc_root_pde.subdir),
	.mode		= S_IFDIR | 0555,
};

static void pde_get(struct proc_dir_entry *pde)
{
	refcount_inc(&pde->refcnt);
}

void pde_put(struct proc_dir_entry *pde)
{
	if (pde && pde != &proc_root_pde && refcount_dec_and_test(&pde->refcnt))
		kfree(pde);
}

/* A call may start unless removal has begun. */
static bool use_pde(struct proc_dir_entry *pde)
{
	int v = atomic_read(&pde->in_use);

	for (;;) {
		int old;

		if (v < 0)
			return false;
		old = atomic_cmpxchg(&pde->in_use, v, v + 1);
		if (old == v)
			return true;
		v = old;
	}
}

static void unuse_pde(struct proc_dir_entry *pde)
{
	if (atomic_dec_return(&pde->in_use) == PDE_REMOVING_BIAS)
		complete(pde->unload);
}

void *pde_data(const struct inode *inode)
{
	return PROC_I((struct inode *)inode)->dyn ? PROC_I((struct inode *)inode)->dyn->data : NULL;
}
EXPORT_SYMBOL(pde_data);

/* ------------------------------------------------------------------ */
/* File operations: each forwards to the entry's proc_ops              */

static struct proc_dir_entry *file_pde(struct file *file)
{
	return PROC_I(file_inode(file))->dyn;
}

static int proc_single_show(struct seq_file *m, void *v)
{
	struct proc_dir_entry *pde = m->private;

	return pde->single_show(m, NULL);
}

static int proc_reg_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *pde = PROC_I(inode)->dyn;
	int ret = 0;

	if (!use_pde(pde))
		return -ENOENT;
	if (pde->single_show)
		ret = single_open(file, proc_single_show, pde);
	else if (pde->proc_ops->proc_open)
		ret = pde->proc_ops->proc_open(inode, file);
	unuse_pde(pde);
	return ret;
}

static int proc_reg_release(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *pde = PROC_I(inode)->dyn;
	int ret = 0;

	if (pde->single_show)
		return single_release(inode, file);
	/* After removal the owner's release is gone with it: nothing to call. */
	if (!use_pde(pde))
		return 0;
	if (pde->proc_ops->proc_release)
		ret = pde->proc_ops->proc_release(inode, file);
	unuse_pde(pde);
	return ret;
}

static ssize_t proc_reg_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct proc_dir_entry *pde = file_pde(file);
	ssize_t ret = -EIO;

	if (!use_pde(pde))
		return -EIO;
	if (pde->single_show)
		ret = seq_read(file, buf, count, ppos);
	else if (pde->proc_ops->proc_read)
		ret = pde->proc_ops->proc_read(file, buf, count, ppos);
	unuse_pde(pde);
	return ret;
}

static ssize_t proc_reg_write(struct file *file, const char __user *buf, size_t count,
			      loff_t *ppos)
{
	struct proc_dir_entry *pde = file_pde(file);
	ssize_t ret = -EIO;

	if (!use_pde(pde))
		return -EIO;
	if (!pde->single_show && pde->proc_ops->proc_write)
		ret = pde->proc_ops->proc_write(file, buf, count, ppos);
	unuse_pde(pde);
	return ret;
}

static loff_t proc_reg_llseek(struct file *file, loff_t offset, int whence)
{
	struct proc_dir_entry *pde = file_pde(file);
	loff_t ret;

	if (!use_pde(pde))
		return -EIO;
	if (pde->single_show)
		ret = seq_lseek(file, offset, whence);
	else if (pde->proc_ops->proc_lseek)
		ret = pde->proc_ops->proc_lseek(file, offset, whence);
	else
		ret = default_llseek(file, offset, whence);
	unuse_pde(pde);
	return ret;
}

static __poll_t proc_reg_poll(struct file *file, struct poll_table_struct *pts)
{
	struct proc_dir_entry *pde = file_pde(file);
	__poll_t ret = DEFAULT_POLLMASK;

	if (!use_pde(pde))
		return POLLERR;
	if (!pde->single_show && pde->proc_ops->proc_poll)
		ret = pde->proc_ops->proc_poll(file, pts);
	unuse_pde(pde);
	return ret;
}

static long proc_reg_unlocked_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct proc_dir_entry *pde = file_pde(file);
	long ret = -ENOTTY;

	if (!use_pde(pde))
		return -EIO;
	if (!pde->single_show && pde->proc_ops->proc_ioctl)
		ret = pde->proc_ops->proc_ioctl(file, cmd, arg);
	unuse_pde(pde);
	return ret;
}

static int proc_reg_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct proc_dir_entry *pde = file_pde(file);
	int ret = -EIO;

	if (!use_pde(pde))
		return -EIO;
	if (!pde->single_show && pde->proc_ops->proc_mmap)
		ret = pde->proc_ops->proc_mmap(file, vma);
	unuse_pde(pde);
	return ret;
}

static const struct file_operations proc_reg_file_ops = {
	.open		= proc_reg_open,
	.release	= proc_reg_release,
	.read		= proc_reg_read,
	.write		= proc_reg_write,
	.llseek		= proc_reg_llseek,
	.poll		= proc_reg_poll,
	.unlocked_ioctl	= proc_reg_unlocked_ioctl,
	.mmap		= proc_reg_mmap,
};

/* ------------------------------------------------------------------ */
/* Directories                                                         */

static struct inode *proc_pde_inode(struct super_block *sb, struct proc_dir_entry *pde);

static struct proc_dir_entry *pde_find(struct proc_dir_entry *dir, const char *name,
				       unsigned int len)
{
	struct proc_dir_entry *pde;

	list_for_each_entry(pde, &dir->subdir, subdir_node)
		if (strlen(pde->name) == len && !memcmp(pde->name, name, len))
			return pde;
	return NULL;
}

/* Look @dentry up among @dir's dynamic entries; NULL inode when none. */
struct inode *proc_dyn_lookup(struct super_block *sb, struct proc_dir_entry *dir,
			      const struct qstr *name)
{
	struct proc_dir_entry *pde;
	struct inode *inode = NULL;

	if (!dir)
		dir = &proc_root_pde;
	mutex_lock(&proc_subdir_lock);
	pde = pde_find(dir, (const char *)name->name, name->len);
	if (pde)
		pde_get(pde);
	mutex_unlock(&proc_subdir_lock);
	if (pde) {
		inode = proc_pde_inode(sb, pde);
		if (!inode) {
			pde_put(pde);
			return ERR_PTR(-ENOMEM);
		}
	}
	return inode;
}

/* Emit @dir's dynamic entries; the i-th is at position @base + i. */
bool proc_dyn_readdir(struct proc_dir_entry *dir, struct dir_context *ctx, loff_t base)
{
	struct proc_dir_entry *pde;
	loff_t i = 0;
	bool more = true;

	if (!dir)
		dir = &proc_root_pde;
	mutex_lock(&proc_subdir_lock);
	list_for_each_entry(pde, &dir->subdir, subdir_node) {
		if (base + i++ < ctx->pos)
			continue;
		if (!dir_emit(ctx, pde->name, strlen(pde->name), 1, proc_dt_type(pde->mode))) {
			more = false;
			break;
		}
		ctx->pos++;
	}
	mutex_unlock(&proc_subdir_lock);
	return more;
}

static struct dentry *proc_dyn_dir_lookup(struct inode *dir, struct dentry *dentry,
					  unsigned int flags)
{
	struct inode *inode = proc_dyn_lookup(dir->i_sb, PROC_I(dir)->dyn, &dentry->d_name);

	if (IS_ERR(inode))
		return ERR_CAST(inode);
	d_add(dentry, inode);
	return NULL;
}

static int proc_dyn_dir_readdir(struct file *file, struct dir_context *ctx)
{
	while (ctx->pos < 2) {
		if (!dir_emit(ctx, "..", ctx->pos + 1, 1, DT_DIR))
			return 0;
		ctx->pos++;
	}
	proc_dyn_readdir(PROC_I(file_inode(file))->dyn, ctx, 2);
	return 0;
}

static const struct inode_operations proc_dyn_dir_inode_operations = {
	.lookup		= proc_dyn_dir_lookup,
};

static const struct file_operations proc_dyn_dir_operations = {
	.iterate_shared	= proc_dyn_dir_readdir,
	.llseek		= proc_dir_llseek,
};

/* An inode for @pde, holding the reference the caller took. */
static struct inode *proc_pde_inode(struct super_block *sb, struct proc_dir_entry *pde)
{
	struct inode *inode = proc_new_inode(sb, pde->mode);

	if (!inode)
		return NULL;
	PROC_I(inode)->dyn = pde;
	if (S_ISDIR(pde->mode)) {
		inode->i_op = &proc_dyn_dir_inode_operations;
		inode->i_fop = &proc_dyn_dir_operations;
	} else {
		inode->i_fop = &proc_reg_file_ops;
	}
	return inode;
}

/* ------------------------------------------------------------------ */
/* Creating and removing                                               */

static struct proc_dir_entry *proc_register(const char *name, umode_t mode,
					    struct proc_dir_entry *parent,
					    const struct proc_ops *ops, void *data)
{
	struct proc_dir_entry *pde;
	size_t len = name ? strlen(name) : 0;

	if (!len || len > NAME_MAX || strchr(name, '/') || !strcmp(name, ".") ||
	    !strcmp(name, ".."))
		return NULL;
	if (!parent)
		parent = &proc_root_pde;
	pde = kzalloc(sizeof(*pde) + len + 1, GFP_KERNEL);
	if (!pde)
		return NULL;
	memcpy(pde->name, name, len + 1);
	refcount_set(&pde->refcnt, 1);
	INIT_LIST_HEAD(&pde->subdir);
	pde->mode = mode;
	pde->proc_ops = ops;
	pde->data = data;
	mutex_lock(&proc_subdir_lock);
	if (pde_find(parent, name, len) ||
	    (parent == &proc_root_pde && proc_root_has_fixed(name))) {
		mutex_unlock(&proc_subdir_lock);
		pr_warn("proc_dir_entry '%s/%s' already registered\n",
			parent == &proc_root_pde ? "" : parent->name, name);
		kfree(pde);
		return NULL;
	}
	pde->parent = parent;
	pde_get(parent);
	list_add_tail(&pde->subdir_node, &parent->subdir);
	mutex_unlock(&proc_subdir_lock);
	return pde;
}

struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops, void *data)
{
	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	if (!(mode & 0777))
		mode |= 0444;
	if (!S_ISREG(mode) || !proc_ops)
		return NULL;
	return proc_register(name, mode, parent, proc_ops, data);
}
EXPORT_SYMBOL(proc_create_data);

struct proc_dir_entry *proc_create(const char *name, umode_t mode,
				   struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops)
{
	return proc_create_data(name, mode, parent, proc_ops, NULL);
}
EXPORT_SYMBOL(proc_create);

static const struct proc_ops proc_single_ops;

struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       int (*show)(struct seq_file *, void *), void *data)
{
	struct proc_dir_entry *pde;

	pde = proc_create_data(name, mode, parent, &proc_single_ops, data);
	if (pde)
		pde->single_show = show;
	return pde;
}
EXPORT_SYMBOL(proc_create_single_data);

struct proc_dir_entry *proc_mkdir_data(const char *name, umode_t mode,
				       struct proc_dir_entry *parent, void *data)
{
	return proc_register(name, S_IFDIR | (mode ? mode & 0777 : 0555), parent, NULL, data);
}
EXPORT_SYMBOL(proc_mkdir_data);

struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent)
{
	return proc_mkdir_data(name, 0, parent, NULL);
}
EXPORT_SYMBOL(proc_mkdir);

/* Stop new calls into @pde's operations and wait for those in flight. */
static void proc_entry_rundown(struct proc_dir_entry *pde)
{
	struct completion c;

	init_completion(&c);
	pde->unload = &c;
	if (atomic_add_return(PDE_REMOVING_BIAS, &pde->in_use) != PDE_REMOVING_BIAS)
		wait_for_completion(&c);
}

/* Unlink @pde and everything under it (already off its parent's list). */
static void remove_subtree(struct proc_dir_entry *pde)
{
	struct proc_dir_entry *child;

	for (;;) {
		mutex_lock(&proc_subdir_lock);
		child = list_first_entry_or_null(&pde->subdir, struct proc_dir_entry, subdir_node);
		if (child)
			list_del_init(&child->subdir_node);
		mutex_unlock(&proc_subdir_lock);
		if (!child)
			break;
		remove_subtree(child);
	}
	proc_entry_rundown(pde);
	pde_put(pde->parent);
	pde_put(pde);
}

void proc_remove(struct proc_dir_entry *pde)
{
	if (!pde)
		return;
	mutex_lock(&proc_subdir_lock);
	list_del_init(&pde->subdir_node);
	mutex_unlock(&proc_subdir_lock);
	remove_subtree(pde);
}
EXPORT_SYMBOL(proc_remove);

void remove_proc_entry(const char *name, struct proc_dir_entry *parent)
{
	struct proc_dir_entry *pde;

	if (!parent)
		parent = &proc_root_pde;
	mutex_lock(&proc_subdir_lock);
	pde = pde_find(parent, name, strlen(name));
	if (pde)
		list_del_init(&pde->subdir_node);
	mutex_unlock(&proc_subdir_lock);
	if (!pde) {
		WARN(1, "remove_proc_entry: removing non-empty directory or nonexistent entry '%s'\n",
		     name);
		return;
	}
	remove_subtree(pde);
}
EXPORT_SYMBOL(remove_proc_entry);
