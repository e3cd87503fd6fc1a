// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/fd: one symlink per open descriptor, named by its number
 * and pointing at the file's path ("pipe:[...]"-style names come when
 * pipes get their own filesystem).  /proc/<pid>/fdinfo: one small file
 * per descriptor with its position, open flags (O_CLOEXEC included when
 * the descriptor has it), mount id and inode number, then whatever the
 * file's own ->show_fdinfo adds (an eventfd's count, an epoll's
 * watches) and the record locks it holds.  The table is borrowed with a
 * reference under task_lock, so an exiting owner cannot free it while
 * we read it; each file is pinned only while its path is printed.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/filelock.h>
#include <linux/kstrtox.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/sched/task.h>
#include "internal.h"
#include "../mount.h"

static struct files_struct *get_task_files(struct task_struct *task)
{
	struct files_struct *files;

	task_lock(task);
	files = task->files;
	if (files)
		atomic_inc(&files->count);
	task_unlock(task);
	return files;
}

/* Descriptor @fd of @files with a reference, or NULL. */
static struct file *files_get_file(struct files_struct *files, unsigned int fd)
{
	struct file *file = NULL;

	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds && files->fdt.fd[fd])
		file = get_file(files->fdt.fd[fd]);
	spin_unlock(&files->file_lock);
	return file;
}

/* The first open descriptor >= @from, or -1. */
static int files_next_fd(struct files_struct *files, unsigned int from)
{
	int fd = -1;

	spin_lock(&files->file_lock);
	for (unsigned int i = from; i < files->fdt.max_fds; i++) {
		if (files->fdt.fd[i]) {
			fd = i;
			break;
		}
	}
	spin_unlock(&files->file_lock);
	return fd;
}

static int proc_fd_link_target(struct inode *inode, struct file *file)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	int err;

	if (!buf)
		return -ENOMEM;
	err = proc_readlink_path(&file->f_path, buf, PATH_MAX);
	if (!err) {
		proc_set_link(inode, buf);
		err = inode->i_link ? 0 : -ENOMEM;
	}
	kfree(buf);
	return err;
}

/*
 * The link's mode tells how the fd was opened, as in Linux: r for read,
 * w for write, and x with either (lr-x------ for an O_RDONLY fd).
 */
static umode_t proc_fd_mode(const struct file *file)
{
	umode_t mode = S_IFLNK;

	if (file->f_mode & FMODE_READ)
		mode |= S_IRUSR | S_IXUSR;
	if (file->f_mode & FMODE_WRITE)
		mode |= S_IWUSR | S_IXUSR;
	return mode;
}

/* The walk through fd/<n> jumps to the open file itself. */
static int proc_fd_get_link_path(struct dentry *dentry, struct path *path)
{
	struct inode *inode = d_inode(dentry);
	struct task_struct *task = get_proc_task(inode);
	struct files_struct *files = NULL;
	struct file *file = NULL;

	if (task) {
		if (proc_may_inspect(task))
			files = get_task_files(task);
		put_task_struct(task);
	}
	if (files) {
		file = files_get_file(files, PROC_I(inode)->fd);
		put_files_struct(files);
	}
	if (!file)
		return -ENOENT;
	*path = file->f_path;
	path_get(path);
	fput(file);
	return 0;
}

static const struct inode_operations proc_fd_link_inode_operations = {
	.get_link	= simple_get_link,
	.get_link_path	= proc_fd_get_link_path,
};

static struct inode *proc_fd_inode(struct super_block *sb, struct task_struct *task,
				   struct file *file, int fd)
{
	struct inode *inode = proc_new_inode(sb, proc_fd_mode(file));
	int err;

	if (!inode)
		return ERR_PTR(-ENOMEM);
	PROC_I(inode)->pid = task->pid;
	PROC_I(inode)->fd = fd;
	inode->i_uid = task->real_cred->euid;
	inode->i_gid = task->real_cred->egid;
	inode->i_op = &proc_fd_link_inode_operations;
	inode->i_flags |= S_MAGICLINK;
	err = proc_fd_link_target(inode, file);
	if (err) {
		iput(inode);
		return ERR_PTR(err);
	}
	return inode;
}

typedef struct inode *(*fd_instantiate_t)(struct super_block *sb, struct task_struct *task,
					  struct file *file, int fd);

static struct dentry *proc_lookupfd_common(struct inode *dir, struct dentry *dentry,
					   fd_instantiate_t instantiate)
{
	struct task_struct *task = get_proc_task(dir);
	struct files_struct *files;
	struct inode *inode = NULL;
	struct file *file = NULL;
	char num[12];
	int fd;

	if (!task)
		return ERR_PTR(-ENOENT);
	files = get_task_files(task);
	if (files && dentry->d_name.len < sizeof(num)) {
		memcpy(num, dentry->d_name.name, dentry->d_name.len);
		num[dentry->d_name.len] = '\0';
		if (!kstrtoint(num, 10, &fd) && fd >= 0)
			file = files_get_file(files, fd);
	}
	if (file) {
		inode = instantiate(dir->i_sb, task, file, fd);
		fput(file);
	}
	if (files)
		put_files_struct(files);
	put_task_struct(task);
	if (IS_ERR(inode))
		return ERR_CAST(inode);
	d_add(dentry, inode);
	return NULL;
}

static struct dentry *proc_fd_lookup(struct inode *dir, struct dentry *dentry,
				     unsigned int flags)
{
	return proc_lookupfd_common(dir, dentry, proc_fd_inode);
}

/* Positions: 0-1 "." and "..", then 2 + fd, so a resumed read continues after the last fd. */
static int proc_readfd_common(struct file *file, struct dir_context *ctx, unsigned int type)
{
	struct task_struct *task = get_proc_task(file_inode(file));
	struct files_struct *files;
	int fd;

	if (!task)
		return -ENOENT;
	files = get_task_files(task);
	put_task_struct(task);
	if (!files)
		return 0;
	while (ctx->pos < 2) {
		if (!dir_emit(ctx, "..", ctx->pos + 1, 1, DT_DIR))
			goto out;
		ctx->pos++;
	}
	while ((fd = files_next_fd(files, ctx->pos - 2)) >= 0) {
		char num[12];
		int len = scnprintf(num, sizeof(num), "%d", fd);

		ctx->pos = 2 + fd;
		if (!dir_emit(ctx, num, len, 1, type))
			break;
		ctx->pos++;
	}
out:
	put_files_struct(files);
	return 0;
}

static int proc_fd_readdir(struct file *file, struct dir_context *ctx)
{
	return proc_readfd_common(file, ctx, DT_LNK);
}

static int proc_fd_permission(struct inode *inode, int mask)
{
	struct task_struct *task = get_proc_task(inode);
	bool ok;

	if (!task)
		return -ENOENT;
	ok = proc_may_inspect(task);
	put_task_struct(task);
	return ok ? 0 : -EACCES;
}

const struct inode_operations proc_fd_inode_operations = {
	.lookup		= proc_fd_lookup,
	.permission	= proc_fd_permission,
};

const struct file_operations proc_fd_operations = {
	.iterate_shared	= proc_fd_readdir,
	.llseek		= proc_dir_llseek,
};

/* ---------- /proc/<pid>/fdinfo ---------- */

static int proc_fdinfo_show(struct seq_file *m, void *v)
{
	struct inode *inode = m->private;
	struct task_struct *task = get_proc_task(inode);
	struct files_struct *files = NULL;
	struct file *file = NULL;
	unsigned int flags;
	int fd = PROC_I(inode)->fd;
	bool cloexec = false;

	(void)v;
	if (task) {
		files = get_task_files(task);
		put_task_struct(task);
	}
	if (files) {
		file = files_get_file(files, fd);
		spin_lock(&files->file_lock);
		cloexec = (unsigned int)fd < files->fdt.max_fds &&
			  test_bit(fd, files->fdt.close_on_exec);
		spin_unlock(&files->file_lock);
		put_files_struct(files);
	}
	if (!file)
		return -ENOENT;
	flags = file->f_flags;
	if (cloexec)
		flags |= O_CLOEXEC;
	seq_printf(m, "pos:\t%lli\nflags:\t0%o\nmnt_id:\t%i\nino:\t%lu\n",
		   (long long)file->f_pos, flags,
		   file->f_path.mnt ? real_mount(file->f_path.mnt)->mnt_id : 0,
		   file_inode(file)->i_ino);
	if (file->f_op && file->f_op->show_fdinfo)
		file->f_op->show_fdinfo(m, file);
	fput(file);
	return 0;
}

static int proc_fdinfo_open(struct inode *inode, struct file *file)
{
	return single_open(file, proc_fdinfo_show, inode);
}

static const struct file_operations proc_fdinfo_file_operations = {
	.open		= proc_fdinfo_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= single_release,
};

static struct inode *proc_fdinfo_inode(struct super_block *sb, struct task_struct *task,
				       struct file *file, int fd)
{
	struct inode *inode = proc_new_inode(sb, S_IFREG | 0444);

	(void)file;
	if (!inode)
		return ERR_PTR(-ENOMEM);
	PROC_I(inode)->pid = task->pid;
	PROC_I(inode)->fd = fd;
	inode->i_uid = task->real_cred->euid;
	inode->i_gid = task->real_cred->egid;
	inode->i_fop = &proc_fdinfo_file_operations;
	return inode;
}

static struct dentry *proc_fdinfo_lookup(struct inode *dir, struct dentry *dentry,
					 unsigned int flags)
{
	return proc_lookupfd_common(dir, dentry, proc_fdinfo_inode);
}

static int proc_fdinfo_readdir(struct file *file, struct dir_context *ctx)
{
	return proc_readfd_common(file, ctx, DT_REG);
}

/* As fd/: its owner's (and a tracer's) business. */
const struct inode_operations proc_fdinfo_inode_operations = {
	.lookup		= proc_fdinfo_lookup,
	.permission	= proc_fd_permission,
};

const struct file_operations proc_fdinfo_operations = {
	.iterate_shared	= proc_fdinfo_readdir,
	.llseek		= proc_dir_llseek,
};
