// SPDX-License-Identifier: GPL-2.0
/*
 * read, write, readv, writev - for now on the console only.
 *
 * Until the VFS and the TTY layer exist, every process has exactly three
 * descriptors, 0, 1 and 2, all the serial console: writes go out through
 * the UART, reads wait for typed bytes (raw, no line editing).  Any other
 * descriptor is -EBADF.  The VFS replaces this file with the real
 * read/write paths through struct file.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/serial_8250.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define CONSOLE_FDS	3
#define CHUNK		256

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

#define UIO_MAXIOV	1024

static DECLARE_WAIT_QUEUE_HEAD(console_read_wait);

static void console_rx_notify(void)
{
	wake_up_interruptible(&console_read_wait);
}

static ssize_t console_write(const char __user *buf, size_t count)
{
	char chunk[CHUNK];
	size_t done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));

		/* A huge write must not hold the CPU; a signal ends it short. */
		if (done && signal_pending(current))
			break;
		cond_resched();
		if (copy_from_user(chunk, buf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		serial8250_write(chunk, n);
		done += n;
	}
	return done;
}

/* Block until at least one byte has been typed; return what there is. */
static ssize_t console_read(char __user *buf, size_t count)
{
	unsigned char chunk[CHUNK];
	int n, err;

	if (!count)
		return 0;
	serial8250_set_rx_notify(console_rx_notify);
	err = wait_event_interruptible(console_read_wait,
		(n = serial8250_read(chunk, min(count, sizeof(chunk)))) > 0);
	if (err)
		return -ERESTARTSYS;	/* restarted under SA_RESTART, else EINTR */
	if (copy_to_user(buf, chunk, n))
		return -EFAULT;
	return n;
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	if (fd >= CONSOLE_FDS)
		return -EBADF;
	if (!access_ok(buf, count))
		return -EFAULT;
	return console_write(buf, count);
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	if (fd >= CONSOLE_FDS)
		return -EBADF;
	if (!access_ok(buf, count))
		return -EFAULT;
	return console_read(buf, count);
}

static ssize_t do_iov(unsigned int fd, const struct iovec __user *uvec,
		      unsigned long vlen, bool write)
{
	struct iovec iov;
	ssize_t total = 0;
	unsigned long i;

	if (fd >= CONSOLE_FDS)
		return -EBADF;
	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	for (i = 0; i < vlen; i++) {
		ssize_t r;

		if (copy_from_user(&iov, uvec + i, sizeof(iov)))
			return total ? total : -EFAULT;
		if ((ssize_t)iov.iov_len < 0)
			return -EINVAL;
		if (!iov.iov_len)
			continue;
		r = write ? console_write(iov.iov_base, iov.iov_len)
			  : console_read(iov.iov_base, iov.iov_len);
		if (r < 0)
			return total ? total : r;
		total += r;
		if (!write)	/* a read returns after the first chunk of input */
			break;
	}
	return total;
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_iov(fd, vec, vlen, true);
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_iov(fd, vec, vlen, false);
}
