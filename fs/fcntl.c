// SPDX-License-Identifier: GPL-2.0
/*
 * fcntl: duplicate a descriptor (F_DUPFD, F_DUPFD_CLOEXEC), read or set
 * its close-on-exec flag (F_GETFD/F_SETFD: a property of the descriptor)
 * and the open file's status flags (F_GETFL/F_SETFL: shared by every
 * descriptor of the struct file; only O_APPEND and O_NONBLOCK change).
 * Record locks (F_GETLK/F_SETLK/F_SETLKW and the F_OFD_ forms) are
 * fs/locks.c's; F_GETPIPE_SZ/F_SETPIPE_SZ belong to fs/pipe.c, the seals
 * (F_ADD_SEALS/F_GET_SEALS) to mm/memfd.c.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/filelock.h>
#include <linux/fs.h>
#include <linux/pipe_fs_i.h>
#include <linux/shmem_fs.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_NDELAY | O_DIRECT | O_NOATIME | FASYNC)

static int setfl(struct file *filp, unsigned long arg)
{
	struct inode *inode = file_inode(filp);

	/* O_APPEND may not be cleared on an append-only file; none exist yet. */
	if ((arg & O_NOATIME) && !(filp->f_flags & O_NOATIME) &&
	    !inode_owner_or_capable(inode))
		return -EPERM;
	mutex_lock(&filp->f_pos_lock);
	filp->f_flags = (arg & SETFL_MASK) | (filp->f_flags & ~SETFL_MASK);
	mutex_unlock(&filp->f_pos_lock);
	return 0;
}

static long do_fcntl(int fd, unsigned int cmd, unsigned long arg, struct file *filp)
{
	switch (cmd) {
	case F_DUPFD:
		return f_dupfd(arg, filp, 0);
	case F_DUPFD_CLOEXEC:
		return f_dupfd(arg, filp, O_CLOEXEC);
	case F_GETFD:
		return get_close_on_exec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return filp->f_flags;
	case F_SETFL:
		return setfl(filp, arg);
	case F_GETLK:
	case F_OFD_GETLK:
		return fcntl_getlk(filp, cmd, (struct flock __user *)arg);
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		return fcntl_setlk(fd, filp, cmd, (struct flock __user *)arg);
	case F_GETPIPE_SZ:
	case F_SETPIPE_SZ:
		return pipe_fcntl(filp, cmd, arg);
	case F_ADD_SEALS:
	case F_GET_SEALS:
		return memfd_fcntl(filp, cmd, arg);
	default:
		return -EINVAL;
	}
}

/* What an O_PATH descriptor may still do. */
static bool check_fcntl_cmd(unsigned int cmd)
{
	return cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_GETFD ||
	       cmd == F_SETFD || cmd == F_GETFL;
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *filp = fget_raw(fd);
	long err;

	if (!filp)
		return -EBADF;
	if ((filp->f_mode & FMODE_PATH) && !check_fcntl_cmd(cmd))
		err = -EBADF;
	else
		err = do_fcntl(fd, cmd, arg, filp);
	fput(filp);
	return err;
}
