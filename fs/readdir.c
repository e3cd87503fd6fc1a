// SPDX-License-Identifier: GPL-2.0
/*
 * getdents64: a directory's entries as struct linux_dirent64 records
 * (and getdents, the older record of the same walk).
 * The filesystem's ->iterate_shared walks its entries from ctx->pos and
 * calls the actor once per name; the actor packs records into the user
 * buffer and stops the walk when the next one does not fit.  The
 * directory's position (f_pos) is the filesystem's cookie for "where to
 * go on", not a byte offset.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fsnotify.h>
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
	if (!err)
		fsnotify_access(file);	/* reading a directory is IN_ACCESS | IN_ISDIR */
	return err;
}

/*
 * getdents64 and the original getdents differ only in the record: the
 * old struct linux_dirent has no d_type field, so the type rides in the
 * record's last byte, after the name's NUL and padding.  d_ino, d_off
 * and d_reclen sit at the same offsets in both, so one actor packs
 * either kind.
 */
struct linux_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
	char d_name[];
};

struct getdents_callback {
	struct dir_context ctx;
	char __user *current_dir;
	int prev_reclen;
	int count;
	int error;
	bool legacy;		/* struct linux_dirent, not linux_dirent64 */
};

#define DIRENT_OFF	offsetof(struct linux_dirent64, d_off)
BUILD_BUG_ON(offsetof(struct linux_dirent, d_off) != DIRENT_OFF);
BUILD_BUG_ON(offsetof(struct linux_dirent, d_reclen) !=
	     offsetof(struct linux_dirent64, d_reclen));

static bool filldir(struct dir_context *ctx, const char *name, int namlen, loff_t offset,
		    u64 ino, unsigned int d_type)
{
	struct getdents_callback *buf = container_of(ctx, struct getdents_callback, ctx);
	size_t name_off = buf->legacy ? offsetof(struct linux_dirent, d_name)
				      : offsetof(struct linux_dirent64, d_name);
	/* The name's NUL, and for the old record the trailing type byte. */
	int reclen = ALIGN(name_off + namlen + 1 + buf->legacy, sizeof(u64));
	struct linux_dirent64 hdr;
	char __user *d = buf->current_dir;

	if (reclen > buf->count) {
		buf->error = -EINVAL;	/* only reported if nothing fitted */
		return false;
	}
	/* The previous record's d_off: where to resume after it, i.e. here. */
	if (buf->prev_reclen) {
		s64 off = offset;

		if (copy_to_user(d - buf->prev_reclen + DIRENT_OFF, &off, sizeof(off)))
			goto efault;
	}
	hdr.d_ino = ino;
	hdr.d_off = 0;
	hdr.d_reclen = reclen;
	hdr.d_type = d_type;
	if (copy_to_user(d, &hdr, name_off) ||
	    copy_to_user(d + name_off, name, namlen) ||
	    put_user(0, d + name_off + namlen) ||
	    (buf->legacy && put_user((char)d_type, d + reclen - 1)))
		goto efault;
	buf->prev_reclen = reclen;
	buf->current_dir = d + reclen;
	buf->count -= reclen;
	return true;
efault:
	buf->error = -EFAULT;
	return false;
}

static long do_getdents(unsigned int fd, void __user *dirent, unsigned int count, bool legacy)
{
	struct getdents_callback buf = {
		.ctx.actor = filldir,
		.current_dir = dirent,
		.count = count,
		.legacy = legacy,
	};
	struct file *f;
	long err;

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

		if (copy_to_user(buf.current_dir - buf.prev_reclen + DIRENT_OFF, &off, sizeof(off)))
			err = -EFAULT;
		else
			err = count - buf.count;
	} else if (!err) {
		err = buf.error;
	}
	fput(f);
	return err;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 __user *, dirent,
		unsigned int, count)
{
	return do_getdents(fd, dirent, count, false);
}

SYSCALL_DEFINE3(getdents, unsigned int, fd, struct linux_dirent __user *, dirent,
		unsigned int, count)
{
	return do_getdents(fd, dirent, count, true);
}
