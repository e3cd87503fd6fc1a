// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl: the few commands the VFS answers for every file (FIOCLEX,
 * FIONCLEX, FIONBIO, FIOASYNC, FIONREAD on regular files), everything
 * else to the file's ->unlocked_ioctl (the tty's TCGETS, for example),
 * and -ENOTTY when the file has none, as Linux does.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define FIONREAD	0x541B
#define FIONBIO		0x5421
#define FIONCLEX	0x5450
#define FIOCLEX		0x5451
#define FIOASYNC	0x5452

static long vfs_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	if (!filp->f_op || !filp->f_op->unlocked_ioctl)
		return -ENOTTY;
	return filp->f_op->unlocked_ioctl(filp, cmd, arg);
}

static int ioctl_fionbio(struct file *filp, int __user *argp)
{
	int on;

	if (get_user(on, argp))
		return -EFAULT;
	mutex_lock(&filp->f_pos_lock);
	if (on)
		filp->f_flags |= O_NONBLOCK;
	else
		filp->f_flags &= ~O_NONBLOCK;
	mutex_unlock(&filp->f_pos_lock);
	return 0;
}

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *filp = fget(fd);
	struct inode *inode;
	long err;

	if (!filp)
		return -EBADF;
	inode = file_inode(filp);
	switch (cmd) {
	case FIOCLEX:
		set_close_on_exec(fd, 1);
		err = 0;
		break;
	case FIONCLEX:
		set_close_on_exec(fd, 0);
		err = 0;
		break;
	case FIONBIO:
		err = ioctl_fionbio(filp, (int __user *)arg);
		break;
	case FIOASYNC:
		err = 0;	/* SIGIO is not delivered yet; accepting is harmless */
		break;
	case FIONREAD:
		if (S_ISREG(inode->i_mode)) {
			loff_t left = inode->i_size - filp->f_pos;
			int n = left > 0 ? (int)min_t(loff_t, left, INT_MAX) : 0;

			err = put_user(n, (int __user *)arg) ? -EFAULT : 0;
			break;
		}
		fallthrough;
	default:
		err = vfs_ioctl(filp, cmd, arg);
	}
	fput(filp);
	return err;
}
