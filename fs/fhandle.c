// SPDX-License-Identifier: GPL-2.0
/*
 * File handles: name_to_handle_at turns a path into an opaque handle
 * (the filesystem's encode_fh: for tmpfs the inode number) plus the id
 * of the mount it is on; open_by_handle_at, given any descriptor on that
 * filesystem, turns the handle back into an open file (fh_to_dentry) —
 * even if the file was renamed meanwhile.  NFS servers and fanotify-based
 * tools work this way.  Because a handle bypasses the directory
 * permissions of the path, opening one needs CAP_DAC_READ_SEARCH.
 *
 * The user's struct file_handle starts with handle_bytes, which says how
 * much room follows; a handle that does not fit is EOVERFLOW with the
 * size needed written back, so a caller can retry.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/exportfs.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"
#include "mount.h"

struct file_handle {
	u32 handle_bytes;
	int handle_type;
	unsigned char f_handle[];
};

static long do_sys_name_to_handle(const struct path *path, struct file_handle __user *ufh,
				  int __user *mnt_id)
{
	const struct export_operations *eop = path->dentry->d_sb->s_export_op;
	struct file_handle f, *handle;
	int words, type;
	u32 copy;
	long ret;

	if (!eop || !eop->encode_fh)
		return -EOPNOTSUPP;
	if (copy_from_user(&f, ufh, sizeof(f)))
		return -EFAULT;
	if (f.handle_bytes > MAX_HANDLE_SZ)
		return -EINVAL;
	handle = kzalloc(sizeof(*handle) + f.handle_bytes, GFP_KERNEL);
	if (!handle)
		return -ENOMEM;
	words = f.handle_bytes / sizeof(u32);
	type = eop->encode_fh(d_inode(path->dentry), (u32 *)handle->f_handle, &words, NULL);
	handle->handle_type = type;
	handle->handle_bytes = words * sizeof(u32);
	ret = 0;
	copy = handle->handle_bytes;
	if (type == FILEID_INVALID || handle->handle_bytes > f.handle_bytes) {
		/* Too small: say how big, copy no handle. */
		ret = -EOVERFLOW;
		copy = 0;
	}
	/* The mount id and the header go back even then; a bad pointer wins. */
	if (put_user(real_mount(path->mnt)->mnt_id, mnt_id) ||
	    copy_to_user(ufh, handle, sizeof(*handle) + copy))
		ret = -EFAULT;
	kfree(handle);
	return ret;
}

SYSCALL_DEFINE5(name_to_handle_at, int, dfd, const char __user *, name,
		struct file_handle __user *, handle, int __user *, mnt_id, int, flag)
{
	struct path path;
	int lookup_flags;
	long err;

	if (flag & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	lookup_flags = (flag & AT_SYMLINK_FOLLOW) ? LOOKUP_FOLLOW : 0;
	if (flag & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	err = user_path_at(dfd, name, lookup_flags, &path);
	if (err)
		return err;
	err = do_sys_name_to_handle(&path, handle, mnt_id);
	path_put(&path);
	return err;
}

/* The file @ufh names on the filesystem of @mountdirfd, as a path. */
static long handle_to_path(int mountdirfd, struct file_handle __user *ufh, struct path *path)
{
	const struct export_operations *eop;
	struct file_handle f, *handle;
	struct path mnt;
	struct dentry *d;
	long err;

	if (!capable(CAP_DAC_READ_SEARCH))
		return -EPERM;
	if (copy_from_user(&f, ufh, sizeof(f)))
		return -EFAULT;
	if (!f.handle_bytes || f.handle_bytes > MAX_HANDLE_SZ)
		return -EINVAL;
	err = get_fs_path_at(mountdirfd, &mnt);
	if (err)
		return err;
	handle = kmalloc(sizeof(*handle) + f.handle_bytes, GFP_KERNEL);
	err = -ENOMEM;
	if (!handle)
		goto out_path;
	err = -EFAULT;
	if (copy_from_user(handle, ufh, sizeof(*handle) + f.handle_bytes))
		goto out_handle;
	handle->handle_bytes = f.handle_bytes;	/* as checked, whatever changed since */
	eop = mnt.dentry->d_sb->s_export_op;
	err = -ESTALE;	/* a filesystem without handles cannot have made this one */
	if (!eop || !eop->fh_to_dentry)
		goto out_handle;
	d = eop->fh_to_dentry(mnt.dentry->d_sb, (u32 *)handle->f_handle,
			      handle->handle_bytes / sizeof(u32), handle->handle_type);
	if (IS_ERR_OR_NULL(d)) {
		err = d ? PTR_ERR(d) : -ESTALE;
		goto out_handle;
	}
	path->mnt = mntget(mnt.mnt);
	path->dentry = d;
	err = 0;
out_handle:
	kfree(handle);
out_path:
	path_put(&mnt);
	return err;
}

SYSCALL_DEFINE3(open_by_handle_at, int, mountdirfd, struct file_handle __user *, handle,
		int, flags)
{
	struct path path;
	struct file *f;
	long err;
	int fd;

	err = handle_to_path(mountdirfd, handle, &path);
	if (err)
		return err;
	flags |= O_LARGEFILE;
	fd = get_unused_fd_flags(flags);
	if (fd < 0) {
		path_put(&path);
		return fd;
	}
	f = do_file_open_path(&path, flags);
	path_put(&path);
	if (IS_ERR(f)) {
		put_unused_fd(fd);
		return PTR_ERR(f);
	}
	fd_install(fd, f);
	return fd;
}
