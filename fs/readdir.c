// SPDX-License-Identifier: GPL-2.0
/*
 * getdents64: a directory's entries as struct linux_dirent64 records.
 * The filesystem's ->iterate_shared walks its entries from ctx->pos and
 * calls the actor once per name; the actor packs records into the user
 * buffer and stops the walk when the next one does not fit.  The
 * directory's position (f_pos) is the filesystem's cookie for "where to
 * go on", not a byte offset.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int err;

	if (!file->f_op || !file->f_op->iterate_shared)
		return -ENOTDIR;
	if (IS_DEADDIR(inode))
		return -ENOENT;
	inode_lock(inode);
	ctx->pos = file->f_pos;
	err = file->f_op->iterate_shared(file, ctx);
	file->f_pos = ctx->pos;
	inode_unlock(inode);
	return err;
}

struct getdents_callback64 {
	struct dir_context ctx;
	char __user *current_dir;
	int prev_reclen;
	int count;
	int error;
};

static bool filldir64(struct dir_context *ctx, const char *name, int namlen, loff_t offset,
		      u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *buf = container_of(ctx, struct getdents_callback64, ctx);
	int reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namlen + 1, sizeof(u64));
	struct linux_dirent64 hdr;
	char __user *d = buf->current_dir;

	if (reclen > buf->count) {
		buf->error = -EINVAL;	/* only reported if nothing fitted */
		return false;
	}
	/* The previous record's d_off: where to resume after it, i.e. here. */
	if (buf->prev_reclen) {
		s64 off = offset;

		if (copy_to_user(d - buf->prev_reclen + offsetof(struct linux_dirent64, d_off),
				 &off, sizeof(off)))
			goto efault;
	}
	hdr.d_ino = ino;
	hdr.d_off = 0;
	hdr.d_reclen = reclen;
	hdr.d_type = d_type;
	if (copy_to_user(d, &hdr, offsetof(struct linux_dirent64, d_name)) ||
	    copy_to_user(d + offsetof(struct linux_dirent64, d_name), name, namlen) ||
	    put_user(0, d + offsetof(struct linux_dirent64, d_name) + namlen))
		goto efault;
	buf->prev_reclen = reclen;
	buf->current_dir = d + reclen;
	buf->count -= reclen;
	return true;
efault:
	buf->error = -EFAULT;
	return false;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 __user *, dirent,
		unsigned int, count)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir64,
		.current_dir = (char __user *)dirent,
		.count = count,
	};
	struct file *f;
	int err;

	/* The count is an int inside, as on Linux: "negative" fits no record. */
	if ((int)count >= 0 && !access_ok(dirent, count))
		return -EFAULT;
	f = fget(fd);
	if (!f)
		return -EBADF;
	if ((int)count < 0) {
		fput(f);
		return -EINVAL;
	}
	err = iterate_dir(f, &buf.ctx);
	if (buf.prev_reclen) {
		s64 off = buf.ctx.pos;

		if (copy_to_user(buf.current_dir - buf.prev_reclen +
				 offsetof(struct linux_dirent64, d_off), &off, sizeof(off)))
			err = -EFAULT;
		else
			err = count - buf.count;
	} else if (!err) {
		err = buf.error == -EFAULT ? -EFAULT : (buf.error ? buf.error : 0);
	}
	fput(f);
	return err;
}
